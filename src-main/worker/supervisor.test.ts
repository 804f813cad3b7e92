import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../shared/protocol/preload-api';
import { CoreError } from '../../shared/protocol/messages';
import { CoreSupervisor, type SupervisorOptions, type WorkerLike } from './supervisor';

const fixturePath = fileURLToPath(new URL('./fixtures/test-worker.mjs', import.meta.url));

/** Real worker threads running the misbehaving fixture; counts how many were created. */
function fixtureFactory(workerData: Record<string, unknown> = {}) {
  const created: Worker[] = [];
  const factory = (): WorkerLike => {
    const worker = new Worker(fixturePath, { workerData: { ...workerData, tag: created.length + 1 }, resourceLimits: { maxOldGenerationSizeMb: 64 } });
    created.push(worker);
    return worker;
  };
  return { factory, created };
}

const supervisors: CoreSupervisor[] = [];
function makeSupervisor(options: Partial<SupervisorOptions> & Pick<SupervisorOptions, 'createWorker'>) {
  const supervisor = new CoreSupervisor(options);
  supervisors.push(supervisor);
  const statuses: EngineStatus[] = [];
  supervisor.onStatus((status) => statuses.push(status));
  return { supervisor, statuses };
}

afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.dispose()));
});

async function rejection(promise: Promise<unknown>): Promise<CoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(CoreError);
    return error as CoreError;
  }
  throw new Error('expected the call to reject');
}

function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) resolve();
      else if (Date.now() - start > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('CoreSupervisor with a real worker thread', () => {
  it('resolves replies by id, including out of order', async () => {
    const { factory } = fixtureFactory();
    const { supervisor, statuses } = makeSupervisor({ createWorker: factory });
    const slow = supervisor.callUnchecked('summarize', { action: 'delay', ms: 100 });
    const fast = supervisor.callUnchecked('summarize', { action: 'echo', value: 42 });
    expect(await fast).toEqual({ echo: 42, worker: 1 });
    expect(await slow).toBe('late');
    expect(supervisor.pendingCount).toBe(0);
    expect(statuses).toContainEqual({ state: 'ready' });
  });

  it('hands progress messages of a call to its onProgress, in order, and none after the reply', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const seen: unknown[] = [];
    expect(await supervisor.callUnchecked('trainNetwork', { action: 'progress', count: 3 }, { onProgress: (progress) => seen.push(progress) })).toBe('done');
    // the stray one after the reply would arrive before this echo answers
    await supervisor.callUnchecked('summarize', { action: 'echo', value: 1 });
    expect(seen).toEqual([{ k: 1 }, { k: 2 }, { k: 3 }]);
    // a call without onProgress is not disturbed by them
    expect(await supervisor.callUnchecked('trainNetwork', { action: 'progress', count: 2 })).toBe('done');
  });

  it('passes error replies through as CoreError with their code', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'fail' }));
    expect(error.code).toBe('internal');
    expect(error.message).toBe('fixture failure');
  });

  it('answers an unknown message type with an error instead of dropping it', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'no-such-action' }));
    expect(error.code).toBe('unknown_type');
  });

  it('a crash (process.exit) rejects every pending call with worker_crashed and restarts the worker', async () => {
    const { factory, created } = fixtureFactory();
    const { supervisor, statuses } = makeSupervisor({ createWorker: factory });
    const bystander = supervisor.callUnchecked('summarize', { action: 'delay', ms: 5000 });
    const crasher = supervisor.callUnchecked('summarize', { action: 'exit', code: 7 });
    const [e1, e2] = await Promise.all([rejection(bystander), rejection(crasher)]);
    for (const error of [e1, e2]) {
      expect(error.code).toBe('worker_crashed');
      expect(error.message).toBe('the engine stopped unexpectedly (exit code 7); your request was not completed');
    }
    expect(statuses.some((s) => s.state === 'restarting')).toBe(true);
    await supervisor.whenReady();
    expect(created).toHaveLength(2);
    // the replacement worker serves calls
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 'again' })).toEqual({ echo: 'again', worker: 2 });
    expect(supervisor.status).toEqual({ state: 'ready' });
  });

  it('an uncaught exception in the worker is reported with its message', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'throw' }));
    expect(error.code).toBe('worker_crashed');
    expect(error.message).toContain('exit code 1');
    expect(error.message).toContain('fixture exploded');
  });

  it('a hang times out, and the worker is replaced so later calls work', async () => {
    const { factory, created } = fixtureFactory();
    const { supervisor } = makeSupervisor({ createWorker: factory });
    const bystander = supervisor.callUnchecked('summarize', { action: 'delay', ms: 5000 }, { timeoutMs: 5000 });
    const started = Date.now();
    const hung = await rejection(supervisor.callUnchecked('summarize', { action: 'hang' }, { timeoutMs: 300 }));
    expect(hung.code).toBe('timeout');
    expect(hung.message).toBe('the engine did not answer summarize within 300 ms; it was restarted');
    expect(Date.now() - started).toBeLessThan(3000);
    const other = await rejection(bystander);
    expect(other.code).toBe('worker_crashed');
    expect(other.message).toContain('took longer than 300 ms');
    await supervisor.whenReady();
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 1 })).toEqual({ echo: 1, worker: 2 });
    // the hung thread was really terminated
    await until(() => created[0]!.threadId === -1);
  });

  it('uses the default time limit when the call has none', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory, defaultTimeoutMs: 200 });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'hang' }));
    expect(error.code).toBe('timeout');
    expect(error.message).toContain('200 ms');
  });

  it('cancel rejects at once with cancelled and sends a cancel message to the worker', async () => {
    const { factory } = fixtureFactory();
    const posted: unknown[] = [];
    const spying = (): WorkerLike => {
      const worker = factory();
      const original = worker.postMessage.bind(worker);
      worker.postMessage = (message) => {
        posted.push(message);
        original(message);
      };
      return worker;
    };
    const { supervisor } = makeSupervisor({ createWorker: spying });
    const controller = new AbortController();
    const call = supervisor.callUnchecked('summarize', { action: 'delay', ms: 2000 }, { signal: controller.signal });
    const started = Date.now();
    controller.abort();
    const error = await rejection(call);
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
    expect(posted).toContainEqual({ kind: 'cancel', id: 1 });
    expect(supervisor.pendingCount).toBe(0);
    // the worker keeps serving: cancellation does not restart it
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 2 })).toEqual({ echo: 2, worker: 1 });
  });

  it('an already-aborted signal rejects without sending anything', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'echo' }, { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
  });

  it('a payload that cannot be cloned is rejected as invalid_request, without a crash', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'echo', value: () => 1 }));
    expect(error.code).toBe('invalid_request');
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 3 })).toEqual({ echo: 3, worker: 1 });
  });

  it('allows 3 restarts in 5 minutes, then stops; restart() resets the budget', async () => {
    let clock = 1_000_000;
    const { factory, created } = fixtureFactory();
    const { supervisor, statuses } = makeSupervisor({ createWorker: factory, now: () => clock });
    for (let crash = 1; crash <= 3; crash++) {
      await supervisor.whenReady();
      await rejection(supervisor.callUnchecked('summarize', { action: 'exit', code: 1 }));
      expect(supervisor.status.state).toBe('restarting');
      clock += 60_000; // one minute between crashes: all within the 5-minute window
    }
    await supervisor.whenReady();
    await rejection(supervisor.callUnchecked('summarize', { action: 'exit', code: 1 }));
    expect(created).toHaveLength(4);
    expect(supervisor.status.state).toBe('stopped');
    const last = statuses.at(-1);
    expect(last?.state).toBe('stopped');
    expect(last?.state === 'stopped' && last.reason).toContain('failed 4 times within 5 minutes');

    const stopped = await rejection(supervisor.callUnchecked('summarize', { action: 'echo', value: 0 }));
    expect(stopped.code).toBe('engine_stopped');

    await supervisor.restart();
    expect(supervisor.status).toEqual({ state: 'ready' });
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 5 })).toEqual({ echo: 5, worker: 5 });
    // the budget is fresh: another crash restarts instead of stopping
    await rejection(supervisor.callUnchecked('summarize', { action: 'exit', code: 1 }));
    expect(supervisor.status.state).toBe('restarting');
  });

  it('crashes spread over more than 5 minutes never exhaust the budget', async () => {
    let clock = 0;
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory, now: () => clock });
    for (let crash = 1; crash <= 5; crash++) {
      await supervisor.whenReady();
      await rejection(supervisor.callUnchecked('summarize', { action: 'exit', code: 2 }));
      expect(supervisor.status.state).toBe('restarting');
      clock += 2 * 60_000; // at most 3 crashes fall in any 5-minute window
    }
  });

  it('a worker that dies on start ends stopped after the budget, not in a restart loop', async () => {
    const { factory, created } = fixtureFactory({ exitOnStart: 9 });
    const { supervisor, statuses } = makeSupervisor({ createWorker: factory });
    await until(() => supervisor.status.state === 'stopped');
    expect(created).toHaveLength(4);
    expect(statuses.filter((s) => s.state === 'restarting')).toHaveLength(3);
  });

  it('a runaway allocation hits the worker heap limit and only that worker dies', async () => {
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory, defaultTimeoutMs: 20_000 });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'oom' }));
    expect(error.code).toBe('worker_crashed');
    expect(error.message).toMatch(/memory/i);
    await supervisor.whenReady();
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 'alive' })).toEqual({ echo: 'alive', worker: 2 });
  });

  it('a factory that throws leaves the engine stopped with the reason', async () => {
    const { supervisor } = makeSupervisor({
      createWorker: () => {
        throw new Error('script missing');
      },
    });
    expect(supervisor.status).toEqual({ state: 'stopped', reason: 'the engine could not be started: script missing' });
    expect((await rejection(supervisor.callUnchecked('summarize', {}))).code).toBe('engine_stopped');
  });
});
