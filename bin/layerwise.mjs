#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout (tsx compiles on the fly), so
// `npx layerwise ...` always matches the sources.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
