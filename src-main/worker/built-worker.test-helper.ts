import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { nodeWorkerFactory } from './node-worker';
import { CoreSupervisor } from './supervisor';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * For tests: the real core worker, built by the real build script (as the app ships it),
 * behind a supervisor — what the Electron main process runs, minus Electron. Registers the
 * build before the file's tests and the clean-up after them; call at the top of a test file.
 */
export function useBuiltCoreWorker(): { supervisor(): CoreSupervisor; outDir(): string } {
  let outDir: string | undefined;
  let supervisor: CoreSupervisor | undefined;
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-build-'));
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-main.mjs'), outDir], { cwd: repoRoot, stdio: 'pipe' });
    supervisor = new CoreSupervisor({ createWorker: nodeWorkerFactory(path.join(outDir, 'main', 'core-worker.cjs')) });
  }, 60_000);
  afterAll(async () => {
    await supervisor?.dispose();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });
  const notReady = () => new Error('the built core worker is not ready (call useBuiltCoreWorker at the top of the file)');
  return {
    supervisor() {
      if (!supervisor) throw notReady();
      return supervisor;
    },
    /** Where the build wrote out/main and out/preload. */
    outDir() {
      if (!outDir) throw notReady();
      return outDir;
    },
  };
}
