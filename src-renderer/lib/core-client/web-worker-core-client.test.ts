import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../../../shared/protocol/messages';
import { CoreError } from '../../../shared/protocol/messages';
import type { EngineStatus } from './types';
import { createWebWorkerCoreClient, type WorkerHandlers } from './web-worker-core-client';

/** A stand-in for the module worker: records what it was sent and lets the test answer or crash. */
class FakeWorker {
  sent: ToWorker[] = [];
  terminated = false;
  constructor(readonly handlers: WorkerHandlers) {}
  post(message: ToWorker) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(id: number, result: unknown) {
    this.handlers.onMessage({ kind: 'reply', id, ok: true, result });
  }
}

const spec = { input: [3, 8, 8], layers: [] };

function setup(now = { time: 0 }) {
  const workers: FakeWorker[] = [];
  const statuses: EngineStatus[] = [];
  const client = createWebWorkerCoreClient({
    createWorker: (handlers) => {
      const worker = new FakeWorker(handlers);
      workers.push(worker);
      return worker;
    },
    now: () => now.time,
  });
  client.onStatus((status) => statuses.push(status));
  const latest = () => workers.at(-1)!;
  return { client, workers, statuses, latest, now };
}

async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CoreError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createWebWorkerCoreClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a request with an id and resolves with the reply of that id', async () => {
    const { client, latest } = setup();
    const first = client.summarize({ spec });
    const second = client.explain({ spec, index: 1 });
    expect(latest().sent).toEqual([
      { kind: 'request', id: 1, type: 'summarize', payload: { spec } },
      { kind: 'request', id: 2, type: 'explain', payload: { spec, index: 1 } },
    ]);
    latest().reply(2, ['derivation']);
    latest().reply(1, { ok: true });
    await expect(second).resolves.toEqual(['derivation']);
    await expect(first).resolves.toEqual({ ok: true });
  });

  it('hands progress messages to the call\'s onProgress until it settles; a call without one ignores them', async () => {
    const { client, latest } = setup();
    const seen: unknown[] = [];
    const progress = (done: number) => ({ kind: 'train', epochs: [], steps: [], done, total: 3 });
    const call = client.trainNetwork({ run: {} }, { onProgress: (update) => seen.push(update) });
    const quiet = client.linearRegions({ net: {} });
    latest().handlers.onMessage({ kind: 'progress', id: 1, progress: progress(1) });
    latest().handlers.onMessage({ kind: 'progress', id: 2, progress: { kind: 'regions' } });
    latest().handlers.onMessage({ kind: 'progress', id: 1, progress: progress(2) });
    latest().reply(1, { ok: true });
    latest().handlers.onMessage({ kind: 'progress', id: 1, progress: progress(3) });
    latest().reply(2, { ok: true });
    await expect(call).resolves.toEqual({ ok: true });
    await expect(quiet).resolves.toEqual({ ok: true });
    expect(seen).toEqual([progress(1), progress(2)]);
  });

  it('rejects with the typed error of an error reply', async () => {
    const { client, latest } = setup();
    const call = client.summarize({ spec });
    latest().handlers.onMessage({ kind: 'reply', id: 1, ok: false, error: { code: 'invalid_request', message: 'layer 1: bad' } });
    const error = await rejection(call);
    expect([error.code, error.message]).toEqual(['invalid_request', 'layer 1: bad']);
  });

  it('abort rejects at once with cancelled and tells the worker to drop the request', async () => {
    const { client, latest } = setup();
    const controller = new AbortController();
    const call = client.summarize({ spec }, { signal: controller.signal });
    controller.abort();
    expect((await rejection(call)).code).toBe('cancelled');
    expect(latest().sent.at(-1)).toEqual({ kind: 'cancel', id: 1 });
    latest().reply(1, 'late'); // ignored
  });

  it('an already aborted signal never reaches the worker', async () => {
    const { client, latest } = setup();
    const controller = new AbortController();
    controller.abort();
    expect((await rejection(client.summarize({ spec }, { signal: controller.signal }))).code).toBe('cancelled');
    expect(latest().sent).toEqual([]);
  });

  it('times out with a timeout error and a cancel message', async () => {
    const { client, workers } = setup();
    const call = rejection(client.summarize({ spec }, { timeoutMs: 50 }));
    vi.advanceTimersByTime(50);
    expect((await call).code).toBe('timeout');
    expect(workers[0]!.sent.at(-1)).toEqual({ kind: 'cancel', id: 1 });
  });

  it('a timeout replaces the worker (a stuck synchronous call cannot see the cancel) and fails that call only: the others go to the new worker', async () => {
    const { client, workers, statuses } = setup();
    const slow = rejection(client.summarize({ spec }, { timeoutMs: 50 }));
    const queued = client.explain({ spec, index: 1 }, { timeoutMs: 10_000 });
    vi.advanceTimersByTime(50);
    expect((await slow).code).toBe('timeout');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent).toEqual([{ kind: 'request', id: 2, type: 'explain', payload: { spec, index: 1 } }]);
    workers[1]!.reply(2, 'answered by the new worker');
    await expect(queued).resolves.toBe('answered by the new worker');
    expect(statuses.map((status) => status.state)).toEqual(['restarting', 'ready']);
    const next = client.summarize({ spec });
    workers[1]!.reply(workers[1]!.sent.at(-1)!.id, 'fresh');
    await expect(next).resolves.toBe('fresh');
  });

  it('a call that already sent partial results is not re-run by the replacement worker (it would send them again): it fails, the waiting ones are re-sent', async () => {
    const { client, workers } = setup();
    const seen: unknown[] = [];
    const training = rejection(client.trainNetwork({ run: {} }, { onProgress: (update) => seen.push(update) }));
    const quiet = client.linearRegions({ net: {} });
    const slow = rejection(client.summarize({ spec }, { timeoutMs: 50 }));
    const queued = client.explain({ spec, index: 1 }, { timeoutMs: 10_000 });
    workers[0]!.handlers.onMessage({ kind: 'progress', id: 1, progress: { kind: 'train', done: 5 } });
    // progress for a call without onProgress reaches nobody, so that call may still be re-run
    workers[0]!.handlers.onMessage({ kind: 'progress', id: 2, progress: { kind: 'regions' } });
    vi.advanceTimersByTime(50);
    expect((await slow).code).toBe('timeout');
    const failed = await training;
    expect([failed.code, failed.message]).toEqual(['worker_crashed', 'the engine was restarted because summarize did not answer in time; trainNetwork had sent partial results and was stopped with it: run it again']);
    expect(seen).toEqual([{ kind: 'train', done: 5 }]);
    expect(workers[1]!.sent.map((message) => message.id)).toEqual([2, 4]);
    workers[1]!.reply(2, 'regions');
    workers[1]!.reply(4, 'explained');
    await expect(quiet).resolves.toBe('regions');
    await expect(queued).resolves.toBe('explained');
  });

  it('timeouts do not use up the crash-restart budget', async () => {
    const { client, workers, latest } = setup();
    for (let i = 0; i < 5; i++) {
      const call = rejection(client.summarize({ spec }, { timeoutMs: 50 }));
      vi.advanceTimersByTime(50);
      expect((await call).code).toBe('timeout');
    }
    expect(workers).toHaveLength(6);
    for (let crash = 1; crash <= 3; crash++) latest().handlers.onCrash(`crash ${crash}`);
    expect(client.status).toEqual({ state: 'ready' });
    latest().handlers.onCrash('crash 4');
    expect(client.status.state).toBe('stopped');
  });

  it('a crash rejects pending calls with worker_crashed and starts a new worker', async () => {
    const { client, workers, statuses, latest } = setup();
    const call = rejection(client.summarize({ spec }));
    latest().handlers.onCrash('out of memory');
    expect((await call).code).toBe('worker_crashed');
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(statuses).toEqual([{ state: 'restarting', reason: 'out of memory' }, { state: 'ready' }]);

    const next = client.summarize({ spec });
    latest().reply(2, 'fresh');
    await expect(next).resolves.toBe('fresh');
  });

  it('stops after 3 restarts within 5 minutes, and restart() brings it back', async () => {
    const { client, workers, latest, now } = setup();
    for (let i = 0; i < 3; i++) {
      now.time += 60_000;
      latest().handlers.onCrash(`crash ${i + 1}`);
    }
    expect(client.status).toEqual({ state: 'ready' });
    now.time += 60_000;
    latest().handlers.onCrash('crash 4');
    expect(client.status).toEqual({ state: 'stopped', reason: 'crash 4' });
    expect(workers).toHaveLength(4);
    expect((await rejection(client.summarize({ spec }))).code).toBe('engine_stopped');

    await client.restart();
    expect(client.status).toEqual({ state: 'ready' });
    expect(workers).toHaveLength(5);
    const call = client.summarize({ spec });
    latest().reply(latest().sent.at(-1)!.id, 'back');
    await expect(call).resolves.toBe('back');
  });

  it('crashes further apart than 5 minutes do not stop the engine', () => {
    const { client, latest, now } = setup();
    for (let i = 0; i < 6; i++) {
      now.time += 2 * 60_000;
      latest().handlers.onCrash('rare crash');
    }
    expect(client.status).toEqual({ state: 'ready' });
  });
});
