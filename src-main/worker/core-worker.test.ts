import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../shared/core/network/spec';
import { CoreError } from '../../shared/protocol/messages';
import { nodeWorkerFactory } from './node-worker';
import { CoreSupervisor } from './supervisor';

/**
 * The real core worker, built by the real build script (as the app ships it), driven
 * through the supervisor: what the Electron main process does, minus Electron.
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

const spec: NetworkSpec = {
  input: [1, 28, 28],
  layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 }],
};

describe('core worker (built bundle) through the supervisor', () => {
  it('summarizes a small network', async () => {
    const summary = await supervisor.call('summarize', { spec });
    expect(summary.ok).toBe(true);
    const conv = summary.layers[0];
    expect(conv?.status).toBe('ok');
    if (conv?.status !== 'ok') return;
    // by hand: 28 - 3 + 1 = 26; params (1*3*3 + 1) * 8 = 80; MACs 8*26*26 outputs * 9 taps = 48672
    expect(conv.outputShape).toEqual([8, 26, 26]);
    expect(summary.totals.params).toBe(80);
    expect(conv.macs).toBe(48_672);
    const pool = summary.layers[2];
    expect(pool?.status === 'ok' && pool.outputShape).toEqual([8, 13, 13]);
  });

  it('explains a layer', async () => {
    const derivations = await supervisor.call('explain', { spec, index: 1 });
    expect(derivations.length).toBeGreaterThan(0);
    expect(derivations.map((d) => d.quantity)).toContain('params');
  });

  it('answers an unknown request type and an invalid payload with typed errors', async () => {
    const unknown = await supervisor.callUnchecked('transmogrify' as 'summarize', {}).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(CoreError);
    expect((unknown as CoreError).code).toBe('unknown_type');
    const invalid = await supervisor.callUnchecked('summarize', { spec: { input: [1, 28, 28], layers: [{ type: 'conv2d', kernal: 3 }] } }).catch((error: unknown) => error);
    expect((invalid as CoreError).code).toBe('invalid_request');
    expect((invalid as CoreError).message).toMatch(/kernal|kernel/);
  });

  it('the preload bundle requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
