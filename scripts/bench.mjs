// Runs every bench/*.bench.ts in turn with tsx and reports which passed. Each bench prints
// its own table and writes bench-results/<name>.json; this runner writes
// bench-results/index.json listing the runs. Usage: npm run bench [-- name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDirectory = path.join(repoRoot, 'bench');
const filter = process.argv[2] ?? '';
const benches = readdirSync(benchDirectory)
  .filter((file) => file.endsWith('.bench.ts') && file.includes(filter))
  .sort();

if (benches.length === 0) {
  console.error(`no bench/*.bench.ts matches "${filter}"`);
  process.exit(1);
}

const runs = [];
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(benchDirectory, file)], { cwd: repoRoot, stdio: 'inherit' });
  runs.push({ file, ok: result.status === 0, seconds: (Date.now() - started) / 1000 });
}

mkdirSync(path.join(repoRoot, 'bench-results'), { recursive: true });
writeFileSync(path.join(repoRoot, 'bench-results', 'index.json'), JSON.stringify({ date: new Date().toISOString(), runs }, null, 2) + '\n');
console.log('\n' + runs.map((run) => `${run.ok ? 'ok  ' : 'FAIL'} ${run.file} (${run.seconds.toFixed(1)} s)`).join('\n'));
process.exit(runs.every((run) => run.ok) ? 0 : 1);
