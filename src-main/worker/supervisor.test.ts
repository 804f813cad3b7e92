import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../shared/protocol/preload-api';
import { CoreError, type ToWorker } from '../../shared/protocol/messages';
import { DEFAULT_CORE_TIME_LIMIT_MS, timeLimitFor } from '../../shared/protocol/time-limits';
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

  it('a hang times out alone: the worker is replaced, the other pending call is answered by the new one', async () => {
    const { factory, created } = fixtureFactory();
    const { supervisor } = makeSupervisor({ createWorker: factory });
    const bystander = supervisor.callUnchecked('summarize', { action: 'delay', ms: 200 }, { timeoutMs: 20_000 });
    const hung = await rejection(supervisor.callUnchecked('summarize', { action: 'hang' }, { timeoutMs: 300 }));
    expect(hung.code).toBe('timeout');
    expect(hung.message).toBe('the engine did not answer summarize within 300 ms; it was restarted');
    // the first worker never answered the bystander (it was stuck behind the hang): the second did
    expect(await bystander).toBe('late');
    expect(created).toHaveLength(2);
    expect(await supervisor.callUnchecked('summarize', { action: 'echo', value: 1 })).toEqual({ echo: 1, worker: 2 });
    // the hung thread was really terminated
    await until(() => created[0]!.threadId === -1);
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
    const { supervisor } = makeSupervisor({ createWorker: fixtureFactory().factory });
    const error = await rejection(supervisor.callUnchecked('summarize', { action: 'oom' }, { timeoutMs: 20_000 }));
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

/** A worker the test drives by hand: it records what it is sent and answers only when told. */
class ScriptedWorker extends EventEmitter implements WorkerLike {
  readonly posted: ToWorker[] = [];
  terminated = false;
  constructor() {
    super();
    queueMicrotask(() => this.emit('online'));
  }
  postMessage(message: ToWorker): void {
    this.posted.push(message);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    queueMicrotask(() => this.emit('exit', 1));
    return Promise.resolve(1);
  }
  requests(): number[] {
    return this.posted.filter((message) => message.kind === 'request').map((message) => message.id);
  }
  reply(id: number, result: unknown): void {
    this.emit('message', { kind: 'reply', id, ok: true, result });
  }
  crash(code = 1): void {
    this.emit('exit', code);
  }
}

function scripted() {
  const workers: ScriptedWorker[] = [];
  const factory = (): WorkerLike => {
    const worker = new ScriptedWorker();
    workers.push(worker);
    return worker;
  };
  return { factory, workers, latest: () => workers.at(-1)! };
}

/** Tracks whether a promise has settled, and how. */
function observe(promise: Promise<unknown>) {
  const state: { settled: boolean; value?: unknown; error?: CoreError } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: CoreError) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('CoreSupervisor time limits (shared/protocol/time-limits.ts)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("a call without its own limit gets the table's limit, the one the renderer uses, not a shorter one", async () => {
    const { factory } = scripted();
    const { supervisor } = makeSupervisor({ createWorker: factory });
    const quick = observe(supervisor.callUnchecked('summarize', {}));
    const long = observe(supervisor.callUnchecked('backpropGradientCheck', {}));
    await vi.advanceTimersByTimeAsync(10_000);
    expect([quick.settled, long.settled]).toEqual([false, false]);
    await vi.advanceTimersByTimeAsync(DEFAULT_CORE_TIME_LIMIT_MS - 10_000);
    expect(quick.error?.code).toBe('timeout');
    expect(long.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(timeLimitFor('backpropGradientCheck') - DEFAULT_CORE_TIME_LIMIT_MS - 1);
    expect(long.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(long.error?.code).toBe('timeout');
  });

  it('a limit the renderer passed (60 s) is honoured: the call is still waiting at 10 s and 59 s', async () => {
    const { factory, latest } = scripted();
    const { supervisor } = makeSupervisor({ createWorker: factory });
    const call = observe(supervisor.callUnchecked('summarize', {}, { timeoutMs: 60_000 }));
    await vi.advanceTimersByTimeAsync(59_000);
    expect(call.settled).toBe(false);
    latest().reply(latest().requests()[0]!, 'done');
    await vi.advanceTimersByTimeAsync(0);
    expect(call.value).toBe('done');
  });

  it('a timeout rejects that call only; the other pending calls are sent again to the replacement worker', async () => {
    const { factory, workers } = scripted();
    const { supervisor, statuses } = makeSupervisor({ createWorker: factory });
    const stuck = observe(supervisor.callUnchecked('summarize', { n: 1 }, { timeoutMs: 1_000 }));
    const waiting = observe(supervisor.callUnchecked('explain', { n: 2 }, { timeoutMs: 30_000 }));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stuck.error?.code).toBe('timeout');
    expect(waiting.settled).toBe(false);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.posted).toEqual([{ kind: 'request', id: 2, type: 'explain', payload: { n: 2 } }]);
    workers[1]!.reply(2, 'answered by the new worker');
    await vi.advanceTimersByTimeAsync(0);
    expect(waiting.value).toBe('answered by the new worker');
    expect(supervisor.status).toEqual({ state: 'ready' });
    expect(statuses.filter((status) => status.state === 'stopped')).toEqual([]);
  });

  it('a call that already sent partial results is not re-run by the replacement worker (it would send them again): it fails, the waiting ones are re-sent', async () => {
    const { factory, workers } = scripted();
    const { supervisor } = makeSupervisor({ createWorker: factory });
    const seen: unknown[] = [];
    const training = observe(supervisor.callUnchecked('trainNetwork', { run: 1 }, { onProgress: (progress) => seen.push(progress) }));
    const quiet = observe(supervisor.callUnchecked('linearRegions', { net: 1 }));
    const stuck = observe(supervisor.callUnchecked('summarize', { n: 1 }, { timeoutMs: 1_000 }));
    const waiting = observe(supervisor.callUnchecked('explain', { n: 2 }, { timeoutMs: 30_000 }));
    workers[0]!.emit('message', { kind: 'progress', id: 1, progress: { kind: 'train', done: 5 } });
    // progress for a call without onProgress reaches nobody, so that call may still be re-run
    workers[0]!.emit('message', { kind: 'progress', id: 2, progress: { kind: 'regions' } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(stuck.error?.code).toBe('timeout');
    expect(training.error?.code).toBe('worker_crashed');
    expect(training.error?.message).toBe('the engine was restarted because summarize took longer than 1 s; trainNetwork had sent partial results and was stopped with it: run it again');
    expect(seen).toEqual([{ kind: 'train', done: 5 }]);
    expect(workers[1]!.requests()).toEqual([2, 4]);
    workers[1]!.reply(2, 'regions');
    workers[1]!.reply(4, 'explained');
    await vi.advanceTimersByTimeAsync(0);
    expect([quiet.value, waiting.value]).toEqual(['regions', 'explained']);
  });

  it('timeouts do not use up the crash-restart budget', async () => {
    const { factory, workers, latest } = scripted();
    const { supervisor } = makeSupervisor({ createWorker: factory, now: () => 0 });
    for (let i = 0; i < 5; i++) {
      const call = observe(supervisor.callUnchecked('summarize', {}, { timeoutMs: 100 }));
      await vi.advanceTimersByTimeAsync(100);
      expect(call.error?.code).toBe('timeout');
      expect(supervisor.status.state).not.toBe('stopped');
    }
    expect(workers).toHaveLength(6);
    // the whole budget of 3 restarts is still there for real crashes
    for (let crash = 1; crash <= 3; crash++) {
      latest().crash();
      await vi.advanceTimersByTimeAsync(0);
      expect(supervisor.status.state).not.toBe('stopped');
    }
    latest().crash();
    await vi.advanceTimersByTimeAsync(0);
    expect(supervisor.status.state).toBe('stopped');
  });
});
