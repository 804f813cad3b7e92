import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { createCore } from '../../shared/core/index';
import type { CoreApi } from '../../shared/protocol/core-api';
import { MAX_PROJECT_BYTES } from '../../shared/project/index';
import { COMMANDS } from './commands/index';
import { CLI_LOCALES, cliLanguage, isCliLocale, type CliLanguage } from './language';

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

const NAME_WIDTH = Math.max(...COMMANDS.map((command) => command.name.length));
/** Every command's own options, by name, with the commands that take them. */
const COMMAND_FLAGS = COMMANDS.flatMap((command) => (command.flags ?? []).map((flag) => ({ ...flag, command: command.name })));
const FLAG_WIDTH = Math.max(10, ...COMMAND_FLAGS.map((flag) => flag.name.length + 2));

const USAGE = `Usage: layerwise <command> <file|-> [--json] [--lang en|fa]

Commands (each reads one JSON file, or standard input for -):
${COMMANDS.map((command) => `  ${command.name.padEnd(NAME_WIDTH)} ${command.description}`).join('\n')}

Options:
  --json      machine-readable output (errors as JSON on stderr)
  --lang      the language of messages: en (the default) or fa (Persian, Persian digits)
  -h, --help  this text
${COMMAND_FLAGS.map((flag) => `  ${`--${flag.name}`.padEnd(FLAG_WIDTH)}  ${flag.command}: ${flag.description}`).join('\n')}
`;

/** The usage text for `--help --lang fa`: the same lines, the command and option names as typed. */
const USAGE_FA = `کاربرد: layerwise <command> <file|-> [--json] [--lang en|fa]

فرمان‌ها (هر کدام یک پروندهٔ JSON می‌خواند، یا با - ورودی استاندارد را):
${COMMANDS.map((command) => `  ${command.name.padEnd(NAME_WIDTH)} ${command.descriptionFa}`).join('\n')}

گزینه‌ها:
  --json      خروجی ماشین‌خوان (خطاها به شکل JSON در stderr)
  --lang      زبان پیام‌ها: en (پیش‌فرض) یا fa (فارسی، با رقم‌های فارسی)
  -h, --help  همین راهنما
${COMMAND_FLAGS.map((flag) => `  ${`--${flag.name}`.padEnd(FLAG_WIDTH)}  ${flag.command}: ${flag.descriptionFa}`).join('\n')}
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

function fail(io: CliIo, json: boolean, errors: string[], language: CliLanguage = cliLanguage('en')): number {
  io.stderr.write(json ? `${JSON.stringify({ errors }, null, 2)}\n` : `${errors.map((message) => language.text('error', { message })).join('\n')}\n`);
  return EXIT_INVALID;
}

export async function main(argv: string[], io: CliIo, core: CoreApi = createCore()): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        lang: { type: 'string' },
        ...Object.fromEntries(COMMAND_FLAGS.map((flag) => [flag.name, { type: 'boolean' as const }])),
      },
    });
  } catch (error) {
    io.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT_INVALID;
  }
  const { values, positionals } = parsed;
  const json = values.json ?? false;
  if (values.lang !== undefined && !isCliLocale(values.lang)) {
    return fail(io, json, [cliLanguage('en').text('badLang', { languages: CLI_LOCALES.join(', '), value: values.lang })]);
  }
  const language = cliLanguage(values.lang);
  if (values.help) {
    io.stdout.write(language.locale === 'fa' ? USAGE_FA : USAGE);
    return EXIT_OK;
  }
  const [commandName, source, ...extra] = positionals;
  const command = COMMANDS.find((each) => each.name === commandName);
  const known = COMMANDS.map((each) => each.name).join(', ');
  if (!command) {
    return fail(io, json, [commandName ? language.text('unknownCommand', { name: commandName, known }) : language.text('noCommand', { known })], language);
  }
  const flags = new Set(COMMAND_FLAGS.map((flag) => flag.name).filter((name) => (values as Record<string, unknown>)[name] === true));
  for (const flag of flags) {
    if (!(command.flags ?? []).some((own) => own.name === flag)) return fail(io, json, [language.text('notAnOption', { flag, command: command.name })], language);
  }
  if (!source || extra.length > 0) {
    return fail(io, json, [language.text('oneFile', { command: command.name })], language);
  }

  let text: string;
  try {
    text = await readSource(source, io);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(io, json, [language.text('cannotRead', { source: source === '-' ? language.text('standardInput') : source, detail })], language);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail(io, json, [language.text('notJson', { source: source === '-' ? language.text('standardInput') : source, detail })], language);
  }
  const outcome = await command.run(document, core, flags, language);
  if (json ? outcome.json !== undefined : outcome.text !== '') {
    io.stdout.write(json ? `${JSON.stringify(outcome.json, null, 2)}\n` : outcome.text);
  }
  return outcome.errors.length > 0 ? fail(io, json, outcome.errors, language) : EXIT_OK;
}
