import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { createCore } from '../../shared/core/index';
import type { CoreApi } from '../../shared/protocol/core-api';
import { MAX_PROJECT_BYTES, networkFromDocument } from '../../shared/project/index';
import { summaryToJson, summaryToTable } from './format';

/**
 * `layerwise <command> <file|-> [--json]`: the instructors' headless door to the core.
 * Exit codes: 0 success, 2 invalid input (usage, unreadable file, invalid spec).
 */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

const USAGE = `Usage: layerwise <command> <file|-> [--json]

Commands:
  summary <file|->   per-layer output shape, parameters, MACs, memory and receptive field
                     of a network spec or a project file (- reads standard input)

Options:
  --json             machine-readable output (errors as JSON on stderr)
  -h, --help         this text
`;

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_PROJECT_BYTES) throw new Error(`standard input is larger than ${MAX_PROJECT_BYTES / 1024 / 1024} MB`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return readAll(io.stdin);
  return readFile(source, 'utf8');
}

function fail(io: CliIo, json: boolean, errors: string[]): number {
  io.stderr.write(json ? `${JSON.stringify({ errors }, null, 2)}\n` : `${errors.map((e) => `error: ${e}`).join('\n')}\n`);
  return EXIT_INVALID;
}

export async function main(argv: string[], io: CliIo, core: CoreApi = createCore()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_INVALID;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  if (values.help) {
    io.stdout.write(USAGE);
    return EXIT_OK;
  }
  const [command, source, ...extra] = positionals;
  if (command !== 'summary') {
    return fail(io, json, [command ? `unknown command "${command}"; known commands: summary` : 'no command given; try: layerwise summary <file|->']);
  }
  if (!source || extra.length > 0) {
    return fail(io, json, ['summary takes exactly one file path, or - for standard input']);
  }

  let text: string;
  try {
    text = await readSource(source, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(io, json, [`cannot read ${source === '-' ? 'standard input' : source}: ${detail}`]);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return fail(io, json, [`${source === '-' ? 'standard input' : source} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const network = networkFromDocument(document);
  if (!network.ok) return fail(io, json, network.errors);

  const summary = core.summarize({ spec: network.spec });
  io.stdout.write(json ? `${JSON.stringify(summaryToJson(summary), null, 2)}\n` : summaryToTable(summary));
  if (!summary.ok) {
    const errors = [
      ...summary.inputIssues.map((issue) => issue.message),
      ...summary.layers.flatMap((layer) => (layer.status === 'error' ? layer.issues.map((issue) => issue.message) : [])),
    ];
    return fail(io, json, errors);
  }
  return EXIT_OK;
}
