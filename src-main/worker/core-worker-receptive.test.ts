import { describe, expect, it } from 'vitest';
import { SEED_NETWORK, VGG16 } from '../../shared/core/network/presets';
import { CoreError } from '../../shared/protocol/messages';
import { useBuiltCoreWorker } from './built-worker.test-helper';

/**
 * The asynchronous core method through the real worker bundle and the supervisor (the
 * Electron path minus IPC): the reply comes back, and a cancel reaches the running call.
 */
const built = useBuiltCoreWorker();

describe('effective receptive field in the worker thread', () => {
  it('answers with the field of seed layer 3, unit (0, 0): clipped box [0, 0, 9, 9]', async () => {
    const result = await built.supervisor().call('effectiveReceptiveField', { spec: SEED_NETWORK, layer: 3, y: 0, x: 0, weights: 'uniform', activations: true });
    expect(result.ok && result.box).toEqual([0, 0, 9, 9]);
  });

  it('a cancelled call rejects at once and the worker stays usable (it stopped the computation, not the thread)', async () => {
    const controller = new AbortController();
    const running = built.supervisor().call('effectiveReceptiveField', { spec: VGG16, layer: 30, y: 7, x: 7, weights: 'random', activations: true, maxChannels: 64 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await running.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('cancelled');
    // the next call is answered promptly by the same worker: the cancelled run yielded and stopped
    const region = await built.supervisor().call('unitRegion', { spec: SEED_NETWORK, layer: 3, y: 0, x: 0 }, { timeoutMs: 2_000 });
    expect(region.ok && region.inputBox).toEqual([-3, -3, 9, 9]);
    expect(built.supervisor().status.state).toBe('ready');
  });
});
