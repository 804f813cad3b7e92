import type { CallOptions, CoreMethod, CorePayload, CoreProgressOf, CoreResult } from '../../shared/protocol/core-api';
import { CoreError, isCoreProgress, type CoreErrorData, type CoreReply, type ToWorker } from '../../shared/protocol/messages';
import type { EngineStatus } from '../../shared/protocol/preload-api';
import { timeLimitFor } from '../../shared/protocol/time-limits';

/**
 * The part of `worker_threads.Worker` the supervisor uses. Injected through a factory so
 * tests can run a worker that crashes or hangs on command.
 */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (exitCode: number) => void): unknown;
  on(event: 'online', listener: () => void): unknown;
  terminate(): Promise<number>;
}

export type WorkerFactory = () => WorkerLike;

export interface SupervisorOptions {
  createWorker: WorkerFactory;
  /** Restarts allowed within `restartWindowMs` before the engine is left stopped. */
  maxRestarts?: number;
  restartWindowMs?: number;
  /** Clock for the restart budget (injectable for tests). */
  now?: () => number;
}

export const DEFAULT_MAX_RESTARTS = 3;
export const DEFAULT_RESTART_WINDOW_MS = 5 * 60_000;

interface Pending {
  method: CoreMethod;
  /** Kept to send the request again if its worker is replaced before answering. */
  payload: unknown;
  resolve(result: unknown): void;
  reject(error: CoreError): void;
  /** The caller's onProgress (partial results of an asynchronous method). */
  progress: ((progress: unknown) => void) | undefined;
  /** The caller has received partial results: a rerun would send them again, so it is not re-sent. */
  reported: boolean;
  /** Clears the timer and the abort listener. */
  cleanup(): void;
}

function isReply(message: unknown): message is CoreReply {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Record<string, unknown>;
  return m['kind'] === 'reply' && typeof m['id'] === 'number' && typeof m['ok'] === 'boolean';
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/**
 * Runs the core in a worker thread and keeps it alive. Every call has an id, a time
 * limit (shared/protocol/time-limits.ts, the same table the renderer reads) and optional
 * cancellation.
 *
 * The core is synchronous, so a call that runs past its limit cannot be interrupted inside
 * the worker: that call is rejected with `timeout`, the worker is terminated and a new one
 * started, and the calls still pending (stuck behind it) are sent again to the new worker,
 * so a timeout fails that call only. A timeout is the caller's limit, not a fault of the
 * engine, so it does not count towards the restart budget.
 *
 * A crash rejects every pending call and restarts the worker, at most `maxRestarts` times
 * within `restartWindowMs`; after that the engine stays stopped until `restart()`, so a
 * crash loop cannot spin forever.
 */
export class CoreSupervisor {
  readonly #createWorker: WorkerFactory;
  readonly #maxRestarts: number;
  readonly #restartWindowMs: number;
  readonly #now: () => number;

  #worker: WorkerLike | null = null;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  #restartTimes: number[] = [];
  #status: EngineStatus = { state: 'restarting', reason: 'starting' };
  readonly #listeners = new Set<(status: EngineStatus) => void>();
  #online: Promise<void> = Promise.resolve();
  #disposed = false;

  constructor(options: SupervisorOptions) {
    this.#createWorker = options.createWorker;
    this.#maxRestarts = options.maxRestarts ?? DEFAULT_MAX_RESTARTS;
    this.#restartWindowMs = options.restartWindowMs ?? DEFAULT_RESTART_WINDOW_MS;
    this.#now = options.now ?? Date.now;
    this.#spawn();
  }

  get status(): EngineStatus {
    return this.#status;
  }

  /** Number of calls waiting for a reply. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  /** Resolves once the current worker is running (or immediately if it already is). */
  whenReady(): Promise<void> {
    return this.#online;
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  call<M extends CoreMethod>(method: M, payload: CorePayload<M>, options: CallOptions<CoreProgressOf<M>> = {}): Promise<CoreResult<M>> {
    return this.callUnchecked(method, payload, options as CallOptions) as Promise<CoreResult<M>>;
  }

  /** Same as `call` for a payload that has not been typed (IPC: the worker validates it). */
  callUnchecked(method: CoreMethod, payload: unknown, options: CallOptions = {}): Promise<unknown> {
    const worker = this.#worker;
    if (this.#status.state === 'stopped' || worker === null) {
      return Promise.reject(new CoreError({ code: 'engine_stopped', message: `the engine is stopped: ${this.#stoppedReason()}` }));
    }
    const { signal } = options;
    if (signal?.aborted) return Promise.reject(new CoreError({ code: 'cancelled', message: 'cancelled' }));
    const timeoutMs = timeLimitFor(method, options.timeoutMs);
    const id = this.#nextId++;

    return new Promise<unknown>((resolve, reject) => {
      const onAbort = () => {
        if (!this.#pending.has(id)) return;
        this.#settle(id)?.reject(new CoreError({ code: 'cancelled', message: 'cancelled' }));
        // The worker drops the request if it has not started it yet; a result that
        // arrives later finds no pending entry and is ignored.
        this.#post({ kind: 'cancel', id });
      };
      const timer = setTimeout(() => this.#onTimeout(id, timeoutMs), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#pending.set(id, {
        method,
        payload,
        resolve,
        reject,
        progress: options.onProgress ? (progress) => options.onProgress!(progress) : undefined,
        reported: false,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      });
      try {
        worker.postMessage({ kind: 'request', id, type: method, payload });
      } catch (error) {
        // structuredClone failure (a function or symbol in the payload)
        const text = error instanceof Error ? error.message : String(error);
        this.#settle(id)?.reject(new CoreError({ code: 'invalid_request', message: `the request could not be sent to the engine: ${text}` }));
      }
    });
  }

  /** Starts a fresh worker and resets the restart budget (the UI's "Restart engine"). */
  restart(): Promise<void> {
    if (this.#disposed) return Promise.reject(new Error('the engine supervisor was disposed'));
    this.#restartTimes = [];
    this.#retireWorker();
    this.#rejectAll({ code: 'worker_crashed', message: 'the engine was restarted; your request was not completed' });
    this.#setStatus({ state: 'restarting', reason: 'restarted by the user' });
    this.#spawn();
    return this.#online;
  }

  /** Stops the worker for good (app quit); pending calls reject with `engine_stopped`. */
  async dispose(): Promise<void> {
    this.#disposed = true;
    const worker = this.#worker;
    this.#worker = null;
    this.#rejectAll({ code: 'engine_stopped', message: 'the application is closing' });
    this.#setStatus({ state: 'stopped', reason: 'the application is closing' });
    if (worker) await worker.terminate();
  }

  #spawn(): void {
    let worker: WorkerLike;
    try {
      worker = this.#createWorker();
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.#worker = null;
      this.#setStatus({ state: 'stopped', reason: `the engine could not be started: ${text}` });
      return;
    }
    this.#worker = worker;
    let lastError: Error | null = null;
    this.#online = new Promise<void>((resolve) => {
      worker.on('online', () => {
        if (this.#worker !== worker) return;
        this.#setStatus({ state: 'ready' });
        resolve();
      });
      // A worker that dies before it comes online must not leave waiters hanging.
      worker.on('exit', () => resolve());
    });
    worker.on('message', (message) => {
      if (this.#worker === worker) this.#onMessage(message);
    });
    worker.on('error', (error) => {
      lastError = error;
    });
    worker.on('exit', (exitCode) => {
      // Exits of workers we terminated on purpose (timeout, restart) are expected.
      if (this.#worker !== worker) return;
      this.#worker = null;
      const detail = lastError ? `: ${lastError.message}` : '';
      this.#onCrash(`the engine stopped unexpectedly (exit code ${exitCode}${detail}); your request was not completed`);
    });
  }

  #onMessage(message: unknown): void {
    if (isCoreProgress(message)) {
      const entry = this.#pending.get(message.id);
      if (entry?.progress === undefined) return;
      entry.reported = true;
      try {
        entry.progress(message.progress);
      } catch {
        // a faulty progress listener must not break supervision
      }
      return;
    }
    if (!isReply(message)) return;
    const entry = this.#settle(message.id);
    if (!entry) return; // cancelled or timed out earlier
    if (message.ok) entry.resolve(message.result);
    else entry.reject(new CoreError(message.error));
  }

  #onTimeout(id: number, timeoutMs: number): void {
    const entry = this.#settle(id);
    if (!entry) return;
    entry.reject(
      new CoreError({
        code: 'timeout',
        message: `the engine did not answer ${entry.method} within ${seconds(timeoutMs)}; it was restarted`,
      }),
    );
    // The synchronous core cannot be interrupted from outside: replace the worker, and
    // hand the calls that were waiting behind the stuck one to its successor.
    if (this.#disposed || this.#worker === null) return;
    this.#retireWorker();
    const reason = `the engine was restarted because ${entry.method} took longer than ${seconds(timeoutMs)}`;
    this.#setStatus({ state: 'restarting', reason });
    // A call that already handed its caller partial results was running, not waiting: run
    // again, it would report them a second time, so it fails and the caller starts it anew.
    for (const [pendingId, pending] of this.#pending) {
      if (pending.reported) this.#settle(pendingId)?.reject(new CoreError({ code: 'worker_crashed', message: `${reason}; ${pending.method} had sent partial results and was stopped with it: run it again` }));
    }
    this.#spawn();
    const successor = this.#worker as WorkerLike | null;
    if (successor === null) {
      this.#rejectAll({ code: 'engine_stopped', message: `the engine is stopped: ${this.#stoppedReason()}` });
      return;
    }
    for (const [pendingId, pending] of this.#pending) {
      try {
        successor.postMessage({ kind: 'request', id: pendingId, type: pending.method, payload: pending.payload });
      } catch {
        // it was sent once, so it clones; a successor that is already gone reports its exit
      }
    }
  }

  /** Rejects everything pending and restarts, unless the restart budget is spent. */
  #onCrash(reason: string): void {
    this.#rejectAll({ code: 'worker_crashed', message: reason });
    if (this.#disposed) return;
    const now = this.#now();
    this.#restartTimes = this.#restartTimes.filter((time) => now - time < this.#restartWindowMs);
    if (this.#restartTimes.length >= this.#maxRestarts) {
      this.#setStatus({
        state: 'stopped',
        reason: `the engine failed ${this.#restartTimes.length + 1} times within ${Math.round(this.#restartWindowMs / 60_000)} minutes and was not restarted (last: ${reason})`,
      });
      return;
    }
    this.#restartTimes.push(now);
    this.#setStatus({ state: 'restarting', reason });
    this.#spawn();
  }

  #retireWorker(): void {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) void worker.terminate().catch(() => undefined);
  }

  #settle(id: number): Pending | undefined {
    const entry = this.#pending.get(id);
    if (!entry) return undefined;
    this.#pending.delete(id);
    entry.cleanup();
    return entry;
  }

  #rejectAll(error: CoreErrorData): void {
    for (const id of [...this.#pending.keys()]) this.#settle(id)?.reject(new CoreError(error));
  }

  #post(message: ToWorker): void {
    try {
      this.#worker?.postMessage(message);
    } catch {
      // the worker is gone; its exit handler rejects what was pending
    }
  }

  #stoppedReason(): string {
    return this.#status.state === 'stopped' ? this.#status.reason : 'no worker';
  }

  #setStatus(status: EngineStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) {
      try {
        listener(status);
      } catch {
        // a faulty listener must not break supervision
      }
    }
  }
}
