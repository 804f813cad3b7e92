import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../../shared/core/network/spec';
import { CoreError } from '../../shared/protocol/messages';
import { useBuiltCoreWorker } from './built-worker.test-helper';

/**
 * The real core worker, built by the real build script (as the app ships it), driven
 * through the supervisor: what the Electron main process does, minus Electron.
 */
const built = useBuiltCoreWorker();

const spec: NetworkSpec = {
  input: [1, 28, 28],
  layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 }],
};

describe('core worker (built bundle) through the supervisor', () => {
  it('summarizes a small network', async () => {
    const summary = await built.supervisor().call('summarize', { spec });
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
    const derivations = await built.supervisor().call('explain', { spec, index: 1 });
    expect(derivations.length).toBeGreaterThan(0);
    expect(derivations.map((d) => d.quantity)).toContain('params');
  });

  it('runs the bias-variance and double-descent labs, and returns a bad truth as issues (not a refused request)', async () => {
    const lab = await built.supervisor().call('biasVariance', { case: { truth: 'sin', train_size: 10, resamples: 5, test_points: 20, model: { family: 'polynomial', degrees: [1, 3] } }, chosen: 3 });
    expect(lab.ok && lab.results.map((entry) => entry.complexity)).toEqual([1, 3]);
    expect(lab.ok && lab.chosen.fits).toHaveLength(5);
    const descent = await built.supervisor().call('doubleDescent', { case: { truth: 'cubic', train_size: 5, features: [1, 5, 9] } });
    expect(descent.ok && descent.threshold).toBe(5);
    const bad = await built.supervisor().call('biasVarianceExplain', { case: { truth: 'sin(x', model: { family: 'knn' } }, complexity: 1 });
    expect(bad).toMatchObject({ ok: false, issues: [{ field: 'truth', code: 'formula_syntax', values: { position: 5, reason: 'unclosed_call' } }] });
  });

  it('answers an unknown request type and an invalid payload with typed errors', async () => {
    const unknown = await built.supervisor().callUnchecked('transmogrify' as 'summarize', {}).catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(CoreError);
    expect((unknown as CoreError).code).toBe('unknown_type');
    const invalid = await built.supervisor().callUnchecked('summarize', { spec: { input: [1, 28, 28], layers: [{ type: 'conv2d', kernal: 3 }] } }).catch((error: unknown) => error);
    expect((invalid as CoreError).code).toBe('invalid_request');
    expect((invalid as CoreError).message).toMatch(/kernal|kernel/);
  });

  it('the preload bundle requires nothing but electron', () => {
    const preload = fs.readFileSync(path.join(built.outDir(), 'preload', 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});
