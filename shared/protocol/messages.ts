import type { CoreMethod } from './core-api';

/**
 * Worker protocol: plain-data messages with ids (netron's worker.js, VS Code's ipc.ts).
 * A request names a method of `CoreApi`; the reply carries the result or a typed error;
 * a cancel message drops a request. An unknown type is answered with an error, never dropped.
 */
export interface CoreRequest {
  kind: 'request';
  id: number;
  type: CoreMethod;
  payload: unknown;
}

export interface CoreCancel {
  kind: 'cancel';
  id: number;
}

export type ToWorker = CoreRequest | CoreCancel;

/**
 * worker → client while an asynchronous method runs: a partial result in the method's
 * progress shape (CoreProgressMap), for the call's `onProgress`. Any number of them may
 * precede the reply; none follows it.
 */
export interface CoreProgress {
  kind: 'progress';
  id: number;
  progress: unknown;
}

export type CoreErrorCode =
  /** the payload failed its schema; `message` names the field */
  | 'invalid_request'
  /** the message type is not a core method */
  | 'unknown_type'
  /** the caller cancelled */
  | 'cancelled'
  /** no reply within the request's time limit */
  | 'timeout'
  /** the worker exited or crashed while the request was pending */
  | 'worker_crashed'
  /** the worker has crashed too often and was not restarted */
  | 'engine_stopped'
  /** a bug in the core: an exception that escaped a method */
  | 'internal';

export interface CoreErrorData {
  code: CoreErrorCode;
  message: string;
}

export type CoreReply =
  | { kind: 'reply'; id: number; ok: true; result: unknown }
  | { kind: 'reply'; id: number; ok: false; error: CoreErrorData };

/** Everything the worker sends. */
export type FromWorker = CoreReply | CoreProgress;

export function isCoreProgress(message: unknown): message is CoreProgress {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'progress' && typeof (message as { id?: unknown }).id === 'number';
}

/** The error type clients reject with. */
export class CoreError extends Error {
  readonly code: CoreErrorCode;
  constructor(data: CoreErrorData) {
    super(data.message);
    this.name = 'CoreError';
    this.code = data.code;
  }
  toData(): CoreErrorData {
    return { code: this.code, message: this.message };
  }
}
