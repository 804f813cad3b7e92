import { describe, expect, it } from 'vitest';
import type { TrainProgress } from '../../shared/core/dense/index';
import { CoreError } from '../../shared/protocol/messages';
import { useBuiltCoreWorker } from './built-worker.test-helper';

/**
 * The dense engine through the real worker bundle and the supervisor (the Electron path minus
 * IPC): a training run reports progress while it runs, and a cancel stops it inside the worker.
 */
const built = useBuiltCoreWorker();

const x = Array.from({ length: 200 }, (_, i) => [Math.sin(i), Math.cos(1.3 * i)]);
const run = { input_dim: 2, widths: [32, 32], activation: 'tanh', seed: 1, data: { x, y: x.map(([a, b]) => [Math.sin(3 * a!) * b!]) }, optimizer: { type: 'adam', lr: 0.01 }, epochs: 1000 };

describe('dense engine in the worker thread', () => {
  it('trains with progress: partial epochs arrive before the result and join up to its trace', async () => {
    const seen: TrainProgress[] = [];
    const result = await built.supervisor().call('trainNetwork', { run }, { onProgress: (progress) => seen.push(progress) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.epochs).toHaveLength(1001);
    const partial = seen.flatMap((progress) => progress.epochs);
    expect(partial).toEqual(result.epochs.slice(0, partial.length));
    expect(seen.every((progress) => progress.kind === 'train' && progress.total === 1000)).toBe(true);
  });

  it('a cancelled run rejects at once and the worker answers the next call promptly', async () => {
    const controller = new AbortController();
    const long = built.supervisor().call('trainNetwork', { run: { ...run, epochs: 10_000 } }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await long.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('cancelled');
    const regions = await built.supervisor().call('linearRegions', { net: { preset: { sawtooth: 5 } } }, { timeoutMs: 2_000 });
    expect(regions.ok && regions.dimension === 1 && regions.linear_pieces).toBe(32);
    expect(built.supervisor().status.state).toBe('ready');
  });
});
