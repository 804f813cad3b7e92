import { describe, expect, it } from 'vitest';
import type { LayerwiseApi } from '../../../shared/protocol/preload-api';
import { createElectronCoreClient } from './electron-core-client';

/** A stand-in for window.layerwise: calls wait for the test to answer; progress goes to the subscribed listener. */
function fakeApi() {
  const calls = new Map<string, { resolve(value: unknown): void }>();
  let progressListener: ((update: { callId: string; progress: unknown }) => void) | null = null;
  const cancelled: string[] = [];
  const core: LayerwiseApi['core'] = {
    call: ((_method: string, _payload: unknown, callId: string) => new Promise((resolve) => calls.set(callId, { resolve }))) as LayerwiseApi['core']['call'],
    cancel: (callId) => cancelled.push(callId),
    onProgress: (listener) => {
      progressListener = listener;
      return () => (progressListener = null);
    },
    restart: async () => undefined,
    onStatus: () => () => undefined,
  };
  return { api: { core } as LayerwiseApi, calls, cancelled, progress: (callId: string, progress: unknown) => progressListener?.({ callId, progress }), subscribed: () => progressListener !== null };
}

describe('createElectronCoreClient: progress', () => {
  it('routes main\'s progress updates by call id to each call\'s onProgress, none after it settles or is cancelled', async () => {
    const { api, calls, progress, cancelled } = fakeApi();
    const client = createElectronCoreClient(api);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const controller = new AbortController();
    const one = client.trainNetwork({ run: {} }, { onProgress: (update) => first.push(update) });
    const two = client.sameBudget({ comparison: {} }, { onProgress: (update) => second.push(update), signal: controller.signal });
    progress('renderer-1', { kind: 'train', n: 1 });
    progress('renderer-2', { kind: 'budget', n: 1 });
    progress('renderer-9', { kind: 'train', n: 9 });
    calls.get('renderer-1')!.resolve({ ok: true });
    await expect(one).resolves.toEqual({ ok: true });
    progress('renderer-1', { kind: 'train', n: 2 });
    controller.abort();
    await expect(two).rejects.toMatchObject({ code: 'cancelled' });
    expect(cancelled).toEqual(['renderer-2']);
    progress('renderer-2', { kind: 'budget', n: 2 });
    expect(first).toEqual([{ kind: 'train', n: 1 }]);
    expect(second).toEqual([{ kind: 'budget', n: 1 }]);
  });

  it('unsubscribes from progress when disposed', () => {
    const { api, subscribed } = fakeApi();
    const client = createElectronCoreClient(api);
    expect(subscribed()).toBe(true);
    client.dispose();
    expect(subscribed()).toBe(false);
  });
});
