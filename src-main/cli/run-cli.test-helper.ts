import { PassThrough, Readable } from 'node:stream';
import { main } from './main';

/** Runs the CLI in-process with `stdinText` on standard input; collects exit code, stdout and stderr (for tests). */
export async function runCli(argv: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await main(argv, { stdin: Readable.from([stdinText]), stdout, stderr });
  return { code, out, err };
}
