// @ts-check
// Validates every GitHub workflow (.github/workflows/*.yml, *.yaml) against the workflow
// schema with @action-validator/cli; part of `npm run lint`. Lists the files itself so it
// works on Windows too (cmd does not expand globs).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @param {string} root @returns {string[]} absolute paths of the workflow files */
export function workflowFiles(root = repoRoot) {
  const dir = path.join(root, '.github', 'workflows');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => path.join(dir, name));
}

/**
 * Runs the validator on one file.
 * @param {string} file
 * @returns {{ ok: boolean, output: string }}
 */
export function validateWorkflow(file) {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@action-validator/cli/package.json')), 'cli.mjs');
  const result = spawnSync(process.execPath, [cli, file], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() };
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  let failed = 0;
  for (const file of workflowFiles()) {
    const { ok, output } = validateWorkflow(file);
    if (!ok) {
      failed++;
      console.error(`${path.relative(repoRoot, file)} is not a valid GitHub workflow:\n${output}`);
    }
  }
  if (failed > 0) process.exit(1);
}
