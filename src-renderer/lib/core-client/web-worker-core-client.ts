import type { CallOptions, CoreMethod, CorePayload, CoreResult } from '../../../shared/protocol/core-api';
import { CoreError, isCoreProgress, type CoreReply, type ToWorker } from '../../../shared/protocol/messages';
import { createListeners, trackCall, type PendingCall } from './call-tracker';
import type { CoreClient, EngineStatus } from './types';

/** What the client needs of a worker; the default wraps a module `Worker` running `core.worker.ts`. */
export interface WorkerPort {
  post(message: ToWorker): void;
  terminate(): void;
}

export interface WorkerHandlers {
  onMessage(data: unknown): void;
  /** The worker threw outside a request, failed to load, or sent something unreadable. */
  onCrash(reason: string): void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => WorkerPort;

export interface WebWorkerCoreClientOptions {
  createWorker?: WorkerFactory;
  /** Crashes tolerated within `restartWindowMs` before the engine is left stopped. Default 3. */
  maxRestarts?: number;
  /** Default 5 minutes. */
  restartWindowMs?: number;
  now?: () => number;
}

export const createModuleWorker: WorkerFactory = (handlers) => {
  // Vite bundles the worker because the URL is written out here, next to `new Worker`.
  const worker = new Worker(new URL('./core.worker.ts', import.meta.url), { type: 'module', name: 'layerwise-core' });
  worker.addEventListener('message', (event: MessageEvent) => handlers.onMessage(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    event.preventDefault();
    handlers.onCrash(event.message || 'the core worker failed');
  });
  worker.addEventListener('messageerror', () => handlers.onCrash('the core worker sent a message that could not be read'));
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  };
};

function isReply(data: unknown): data is CoreReply {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'reply' && typeof (data as { id?: unknown }).id === 'number';
}

/**
 * The core in a module Web Worker (browser mode), speaking the same request / reply / cancel
 * messages as the Electron worker thread, with the same time limits
 * (shared/protocol/time-limits.ts) and the same rules as main's supervisor: a call that runs
 * past its limit fails alone with `timeout` and the worker is replaced (a synchronous call
 * cannot see a cancel), the calls waiting behind it going to the new worker; that does not
 * count as a crash. When the worker crashes, pending calls reject with `worker_crashed` and
 * a fresh worker starts; after `maxRestarts` crashes within `restartWindowMs` it stays
 * `stopped` until `restart()`.
 */
export function createWebWorkerCoreClient(options: WebWorkerCoreClientOptions = {}): CoreClient {
  const createWorker = options.createWorker ?? createModuleWorker;
  const maxRestarts = options.maxRestarts ?? 3;
  const restartWindowMs = options.restartWindowMs ?? 5 * 60_000;
  const now = options.now ?? (() => Date.now());

  /**
   * In-flight calls with their request, to send again to a replacement worker, and whether
   * the caller has received partial results (such a call is not re-sent: it would repeat them).
   */
  const pending = new Map<number, PendingCall & { request: ToWorker; method: CoreMethod; listens: boolean; reported: boolean }>();
  const statusListeners = createListeners<EngineStatus>();
  let restartTimes: number[] = [];
  let nextId = 1;
  let status: EngineStatus = { state: 'ready' };
  let worker: WorkerPort | null = null;
  let generation = 0;
  let disposed = false;

  function setStatus(next: EngineStatus) {
    status = next;
    statusListeners.emit(next);
  }

  function rejectAll(error: CoreError) {
    const calls = [...pending.values()];
    pending.clear();
    for (const call of calls) call.reject(error);
  }

  function start() {
    const myGeneration = ++generation;
    worker = createWorker({
      onMessage(data) {
        if (myGeneration !== generation) return;
        if (isCoreProgress(data)) {
          const call = pending.get(data.id);
          if (!call?.listens) return;
          call.reported = true;
          call.progress(data.progress);
          return;
        }
        if (!isReply(data)) return;
        const call = pending.get(data.id);
        if (!call) return; // cancelled or timed out already
        pending.delete(data.id);
        if (data.ok) call.resolve(data.result);
        else call.reject(new CoreError(data.error));
      },
      onCrash(reason) {
        if (myGeneration === generation) crashed(reason);
      },
    });
  }

  /** The worker is stuck past a call's limit: a new one takes over the calls still waiting. */
  function replaceStuckWorker(reason: string) {
    generation++;
    worker?.terminate();
    setStatus({ state: 'restarting', reason });
    for (const [id, call] of pending) {
      if (!call.reported) continue;
      pending.delete(id);
      call.reject(new CoreError({ code: 'worker_crashed', message: `the engine was restarted because ${reason}; ${call.method} had sent partial results and was stopped with it: run it again` }));
    }
    start();
    for (const call of pending.values()) worker?.post(call.request);
    setStatus({ state: 'ready' });
  }

  function crashed(reason: string) {
    generation++; // ignore anything more from the dead worker
    worker?.terminate();
    worker = null;
    rejectAll(new CoreError({ code: 'worker_crashed', message: `the core worker crashed: ${reason}` }));
    const time = now();
    restartTimes = restartTimes.filter((t) => time - t < restartWindowMs);
    if (restartTimes.length >= maxRestarts) {
      setStatus({ state: 'stopped', reason });
      return;
    }
    restartTimes.push(time);
    setStatus({ state: 'restarting', reason });
    start();
    setStatus({ state: 'ready' });
  }

  function call<M extends CoreMethod>(method: M, payload: CorePayload<M>, callOptions?: CallOptions): Promise<CoreResult<M>> {
    if (disposed || status.state === 'stopped' || !worker) {
      const reason = status.state === 'stopped' ? status.reason : 'the core client was disposed';
      return Promise.reject(new CoreError({ code: 'engine_stopped', message: `the engine is stopped (${reason})` }));
    }
    const id = nextId++;
    return trackCall<CoreResult<M>>(
      method,
      callOptions,
      (call) => {
        const request: ToWorker = { kind: 'request', id, type: method, payload };
        pending.set(id, { ...call, request, method, listens: callOptions?.onProgress !== undefined, reported: false });
        worker?.post(request);
      },
      (reason) => {
        if (!pending.delete(id) || !worker) return;
        worker.post({ kind: 'cancel', id });
        // A synchronous core call that overran cannot see the cancel: replace the worker, as
        // the Electron supervisor does, so later calls are not stuck behind it.
        if (reason === 'timeout') replaceStuckWorker(`${method} did not answer in time`);
      },
    );
  }

  start();

  return {
    get status() {
      return status;
    },
    summarize: (payload, callOptions) => call('summarize', payload, callOptions),
    explain: (payload, callOptions) => call('explain', payload, callOptions),
    optimize: (payload, callOptions) => call('optimize', payload, callOptions),
    optimizeSurface: (payload, callOptions) => call('optimizeSurface', payload, callOptions),
    optimizeExplain: (payload, callOptions) => call('optimizeExplain', payload, callOptions),
    checkAnswers: (payload, callOptions) => call('checkAnswers', payload, callOptions),
    solveSettings: (payload, callOptions) => call('solveSettings', payload, callOptions),
    importCode: (payload, callOptions) => call('importCode', payload, callOptions),
    exportNetwork: (payload, callOptions) => call('exportNetwork', payload, callOptions),
    backprop: (payload, callOptions) => call('backprop', payload, callOptions),
    backpropGradientCheck: (payload, callOptions) => call('backpropGradientCheck', payload, callOptions),
    unitRegion: (payload, callOptions) => call('unitRegion', payload, callOptions),
    effectiveReceptiveField: (payload, callOptions) => call('effectiveReceptiveField', payload, callOptions),
    gradientFlow: (payload, callOptions) => call('gradientFlow', payload, callOptions),
    trainNetwork: (payload, callOptions) => call('trainNetwork', payload, callOptions),
    linearRegions: (payload, callOptions) => call('linearRegions', payload, callOptions),
    sameBudget: (payload, callOptions) => call('sameBudget', payload, callOptions),
    overfittingLab: (payload, callOptions) => call('overfittingLab', payload, callOptions),
    overfittingExplain: (payload, callOptions) => call('overfittingExplain', payload, callOptions),
    biasVariance: (payload, callOptions) => call('biasVariance', payload, callOptions),
    biasVarianceExplain: (payload, callOptions) => call('biasVarianceExplain', payload, callOptions),
    doubleDescent: (payload, callOptions) => call('doubleDescent', payload, callOptions),
    doubleDescentExplain: (payload, callOptions) => call('doubleDescentExplain', payload, callOptions),
    onStatus: (listener) => statusListeners.add(listener),
    async restart() {
      if (disposed) return;
      generation++;
      worker?.terminate();
      rejectAll(new CoreError({ code: 'worker_crashed', message: 'the engine was restarted' }));
      restartTimes = [];
      start();
      setStatus({ state: 'ready' });
    },
    dispose() {
      disposed = true;
      generation++;
      worker?.terminate();
      worker = null;
      rejectAll(new CoreError({ code: 'engine_stopped', message: 'the core client was disposed' }));
      statusListeners.clear();
    },
  };
}
