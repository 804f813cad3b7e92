import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_NETWORK, VGG16 } from '../../shared/core/network/presets';
import { CoreError } from '../../shared/protocol/messages';
import { nodeWorkerFactory } from './node-worker';
import { CoreSupervisor } from './supervisor';

/**
 * The asynchronous core method through the real worker bundle and the supervisor (the
 * Electron path minus IPC): the reply comes back, and a cancel reaches the running call.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
let outDir: string;
let supervisor: CoreSupervisor;

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-build-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-main.mjs'), outDir], { cwd: repoRoot, stdio: 'pipe' });
  supervisor = new CoreSupervisor({ createWorker: nodeWorkerFactory(path.join(outDir, 'main', 'core-worker.cjs')) });
}, 60_000);

afterAll(async () => {
  await supervisor?.dispose();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('effective receptive field in the worker thread', () => {
  it('answers with the field of seed layer 3, unit (0, 0): clipped box [0, 0, 9, 9]', async () => {
    const result = await supervisor.call('effectiveReceptiveField', { spec: SEED_NETWORK, layer: 3, y: 0, x: 0, weights: 'uniform', activations: true });
    expect(result.ok && result.box).toEqual([0, 0, 9, 9]);
  });

  it('a cancelled call rejects at once and the worker stays usable (it stopped the computation, not the thread)', async () => {
    const controller = new AbortController();
    const running = supervisor.call('effectiveReceptiveField', { spec: VGG16, layer: 30, y: 7, x: 7, weights: 'random', activations: true, maxChannels: 64 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await running.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('cancelled');
    // the next call is answered promptly by the same worker: the cancelled run yielded and stopped
    const region = await supervisor.call('unitRegion', { spec: SEED_NETWORK, layer: 3, y: 0, x: 0 }, { timeoutMs: 2_000 });
    expect(region.ok && region.inputBox).toEqual([-3, -3, 9, 9]);
    expect(supervisor.status.state).toBe('ready');
  });
});
