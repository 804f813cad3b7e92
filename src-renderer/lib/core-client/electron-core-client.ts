import type { CallOptions, CoreMethod, CorePayload, CoreResult } from '../../../shared/protocol/core-api';
import type { LayerwiseApi } from '../../../shared/protocol/preload-api';
import { CoreError } from '../../../shared/protocol/messages';
import { IPC_TIME_LIMIT_MARGIN_MS, MAX_CORE_TIME_LIMIT_MS } from '../../../shared/protocol/time-limits';
import { createListeners, trackCall } from './call-tracker';
import { toCoreError } from './errors';
import type { CoreClient, EngineStatus } from './types';

/**
 * The core through Electron's preload: main hosts the engine in a worker thread and
 * supervises it (time limits, restarts, the stopped state); this adapter adds ids and
 * abort, hands main the call's time limit, and mirrors the status main reports. Its own
 * timer runs a little longer than main's limit, only to end a call whose reply was lost.
 */
export function createElectronCoreClient(api: LayerwiseApi): CoreClient {
  const statusListeners = createListeners<EngineStatus>();
  let status: EngineStatus = { state: 'ready' };
  let nextId = 1;
  let disposed = false;
  const rejectors = new Map<string, (error: CoreError) => void>();
  const progressTargets = new Map<string, (progress: unknown) => void>();

  const unsubscribe = api.core.onStatus((next) => {
    status = next;
    statusListeners.emit(next);
  });
  const unsubscribeProgress = api.core.onProgress(({ callId, progress }) => progressTargets.get(callId)?.(progress));

  function call<M extends CoreMethod>(method: M, payload: CorePayload<M>, options?: CallOptions): Promise<CoreResult<M>> {
    if (disposed) return Promise.reject(new CoreError({ code: 'engine_stopped', message: 'the core client was disposed' }));
    const callId = `renderer-${nextId++}`;
    return trackCall<CoreResult<M>>(
      method,
      options,
      (pending, timeLimitMs) => {
        rejectors.set(callId, pending.reject);
        progressTargets.set(callId, pending.progress);
        // main accepts whole milliseconds up to its maximum ("no limit" from a caller is that maximum)
        const forMain = Number.isFinite(timeLimitMs) && timeLimitMs > 0 ? Math.min(Math.ceil(timeLimitMs), MAX_CORE_TIME_LIMIT_MS) : MAX_CORE_TIME_LIMIT_MS;
        const result = api.core.call(method, payload, callId, forMain) as Promise<unknown>;
        result.then(
          (value) => {
            rejectors.delete(callId);
            progressTargets.delete(callId);
            pending.resolve(value);
          },
          (error: unknown) => {
            rejectors.delete(callId);
            progressTargets.delete(callId);
            pending.reject(toCoreError(error));
          },
        );
      },
      () => {
        rejectors.delete(callId);
        progressTargets.delete(callId);
        api.core.cancel(callId);
      },
      IPC_TIME_LIMIT_MARGIN_MS,
    );
  }

  return {
    get status() {
      return status;
    },
    summarize: (payload, options) => call('summarize', payload, options),
    explain: (payload, options) => call('explain', payload, options),
    optimize: (payload, options) => call('optimize', payload, options),
    optimizeSurface: (payload, options) => call('optimizeSurface', payload, options),
    optimizeExplain: (payload, options) => call('optimizeExplain', payload, options),
    checkAnswers: (payload, options) => call('checkAnswers', payload, options),
    solveSettings: (payload, options) => call('solveSettings', payload, options),
    importCode: (payload, options) => call('importCode', payload, options),
    exportNetwork: (payload, options) => call('exportNetwork', payload, options),
    backprop: (payload, options) => call('backprop', payload, options),
    backpropGradientCheck: (payload, options) => call('backpropGradientCheck', payload, options),
    unitRegion: (payload, options) => call('unitRegion', payload, options),
    effectiveReceptiveField: (payload, options) => call('effectiveReceptiveField', payload, options),
    gradientFlow: (payload, options) => call('gradientFlow', payload, options),
    trainNetwork: (payload, options) => call('trainNetwork', payload, options),
    linearRegions: (payload, options) => call('linearRegions', payload, options),
    sameBudget: (payload, options) => call('sameBudget', payload, options),
    overfittingLab: (payload, options) => call('overfittingLab', payload, options),
    overfittingExplain: (payload, options) => call('overfittingExplain', payload, options),
    biasVariance: (payload, options) => call('biasVariance', payload, options),
    biasVarianceExplain: (payload, options) => call('biasVarianceExplain', payload, options),
    doubleDescent: (payload, options) => call('doubleDescent', payload, options),
    doubleDescentExplain: (payload, options) => call('doubleDescentExplain', payload, options),
    onStatus: (listener) => statusListeners.add(listener),
    restart: () => api.core.restart(),
    dispose() {
      disposed = true;
      unsubscribe();
      unsubscribeProgress();
      progressTargets.clear();
      statusListeners.clear();
      const error = new CoreError({ code: 'engine_stopped', message: 'the core client was disposed' });
      for (const reject of rejectors.values()) reject(error);
      rejectors.clear();
    },
  };
}
