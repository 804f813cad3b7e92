import type { Core, CoreProgressMap } from '../core/index';

/**
 * Every call the renderer (or CLI) can make on the numeric core: the core's own `Core`
 * interface (shared/core/index.ts documents each method). The worker hosts an implementation;
 * unit tests call `createCore()` directly (same call shape in and out of the worker). Each
 * method takes one plain-data payload and returns plain data.
 */
export type CoreApi = Core;

export type CoreMethod = keyof CoreApi;
export type CorePayload<M extends CoreMethod> = Parameters<CoreApi[M]>[0];
/** What a call resolves to (asynchronous methods are awaited). */
export type CoreResult<M extends CoreMethod> = Awaited<ReturnType<CoreApi[M]>>;

/** What a method reports while it runs (never, for most). */
export type CoreProgressOf<M extends CoreMethod> = M extends keyof CoreProgressMap ? CoreProgressMap[M] : never;

/** Same interface, asynchronous: what a client of the worker sees. */
export type AsyncCoreApi = {
  [M in CoreMethod]: (payload: CorePayload<M>, options?: CallOptions<CoreProgressOf<M>>) => Promise<CoreResult<M>>;
};

export interface CallOptions<P = unknown> {
  /** Aborting rejects the call with a `cancelled` error and tells the worker to drop it. */
  signal?: AbortSignal;
  /** Milliseconds before the call fails with a `timeout` error. */
  timeoutMs?: number;
  /** Partial results of a long method as they arrive (before the result; never after it settles). */
  onProgress?(progress: P): void;
}
