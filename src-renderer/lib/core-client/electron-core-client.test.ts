import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreError } from '../../../shared/protocol/messages';
import type { LayerwiseApi } from '../../../shared/protocol/preload-api';
import { DEFAULT_CORE_TIME_LIMIT_MS, IPC_TIME_LIMIT_MARGIN_MS } from '../../../shared/protocol/time-limits';
import { createElectronCoreClient } from './electron-core-client';

/**
 * The preload's `window.layerwise.core`, recording calls; each call waits until the test
 * answers it; progress goes to the subscribed listener.
 */
function fakeApi() {
  const calls: { method: string; callId: string; timeoutMs: number | undefined; resolve(value: unknown): void; reject(error: unknown): void }[] = [];
  let progressListener: ((update: { callId: string; progress: unknown }) => void) | null = null;
  const cancelled: string[] = [];
  const core: LayerwiseApi['core'] = {
    call: ((method: string, _payload: unknown, callId: string, timeoutMs?: number) =>
      new Promise((resolve, reject) => calls.push({ method, callId, timeoutMs, resolve, reject }))) as LayerwiseApi['core']['call'],
    cancel: (callId) => void cancelled.push(callId),
    onProgress: (listener) => {
      progressListener = listener;
      return () => (progressListener = null);
    },
    restart: async () => undefined,
    onStatus: () => () => undefined,
  };
  return {
    api: { core } as LayerwiseApi,
    calls,
    cancelled,
    progress: (callId: string, progress: unknown) => progressListener?.({ callId, progress }),
    subscribed: () => progressListener !== null,
  };
}

const spec = { input: [3, 8, 8], layers: [] };

describe('createElectronCoreClient: time limits', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("passes main the time limit from the shared table (or the caller's), so main never ends a call sooner", () => {
    const { api, calls } = fakeApi();
    const client = createElectronCoreClient(api);
    void client.summarize({ spec });
    void client.backpropGradientCheck({ case: {} } as never);
    void client.summarize({ spec }, { timeoutMs: 60_000 });
    expect(calls.map((call) => [call.method, call.timeoutMs])).toEqual([
      ['summarize', DEFAULT_CORE_TIME_LIMIT_MS],
      ['backpropGradientCheck', 60_000],
      ['summarize', 60_000],
    ]);
  });

  it('hands main the long limits of training and region counts from the same table, with onProgress given', () => {
    const { api, calls } = fakeApi();
    const client = createElectronCoreClient(api);
    void client.trainNetwork({ run: {} }, { onProgress: () => undefined });
    void client.linearRegions({ net: {} }, { onProgress: () => undefined });
    expect(calls.map((call) => [call.method, call.timeoutMs])).toEqual([
      ['trainNetwork', 900_000],
      ['linearRegions', 120_000],
    ]);
  });

  it("waits a little longer than main's limit, so main's timeout answers first; a lost reply still ends the call", async () => {
    const { api, calls, cancelled } = fakeApi();
    const client = createElectronCoreClient(api);
    let settled: CoreError | null = null;
    client.summarize({ spec }, { timeoutMs: 1_000 }).catch((error: CoreError) => (settled = error));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(settled).toBeNull();
    // main answers with its own timeout: that is what the caller sees
    calls[0]!.reject({ name: 'CoreError', code: 'timeout', message: 'the engine did not answer summarize within 1 s; it was restarted' });
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toMatchObject({ code: 'timeout', message: 'the engine did not answer summarize within 1 s; it was restarted' });

    let lost: CoreError | null = null;
    client.summarize({ spec }, { timeoutMs: 1_000 }).catch((error: CoreError) => (lost = error));
    await vi.advanceTimersByTimeAsync(1_000 + IPC_TIME_LIMIT_MARGIN_MS);
    expect(lost).toMatchObject({ code: 'timeout' });
    expect(cancelled).toEqual([calls[1]!.callId]);
  });
});

describe('createElectronCoreClient: progress', () => {
  it("routes main's progress updates by call id to each call's onProgress, none after it settles or is cancelled", async () => {
    const { api, calls, progress, cancelled } = fakeApi();
    const client = createElectronCoreClient(api);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const controller = new AbortController();
    const one = client.trainNetwork({ run: {} }, { onProgress: (update) => first.push(update) });
    const two = client.sameBudget({ comparison: {} }, { onProgress: (update) => second.push(update), signal: controller.signal });
    expect(calls.map((call) => call.callId)).toEqual(['renderer-1', 'renderer-2']);
    progress('renderer-1', { kind: 'train', n: 1 });
    progress('renderer-2', { kind: 'budget', n: 1 });
    progress('renderer-9', { kind: 'train', n: 9 });
    calls[0]!.resolve({ ok: true });
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
