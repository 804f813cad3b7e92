import type { CallOptions } from '../../../shared/protocol/core-api';
import type { CoreError } from '../../../shared/protocol/messages';
import { cancelledError, timeoutError } from './errors';
import { timeLimitFor } from '../../../shared/protocol/time-limits';

export interface PendingCall {
  resolve(value: unknown): void;
  reject(error: CoreError): void;
  /** A partial result: handed to the caller's onProgress while the call is pending. */
  progress(value: unknown): void;
}

/**
 * The part of a call both transports share: abort and timeout reject the promise at once
 * (then `onGiveUp` tells the other side to drop it); `settle` runs at most once. The time
 * limit comes from shared/protocol/time-limits.ts (or the caller); `start` is told it so a
 * transport can hand it on, and `marginMs` is how much longer this side waits.
 */
export function trackCall<T>(
  method: string,
  options: CallOptions | undefined,
  start: (pending: PendingCall, timeLimitMs: number) => void,
  /** Called when the caller stops waiting: cancelled by its signal, or out of time. */
  onGiveUp: (reason: 'cancelled' | 'timeout') => void,
  marginMs = 0,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const signal = options?.signal;
    const timeLimitMs = timeLimitFor(method, options?.timeoutMs);
    const timeoutMs = timeLimitMs + marginMs;
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cleanup = () => {
      done = true;
      if (timer !== undefined) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      if (done) return;
      cleanup();
      onGiveUp('cancelled');
      reject(cancelledError());
    };
    if (signal?.aborted) {
      done = true;
      reject(cancelledError());
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    if (Number.isFinite(timeoutMs) && timeoutMs > 0) {
      timer = setTimeout(() => {
        if (done) return;
        cleanup();
        onGiveUp('timeout');
        reject(timeoutError(method, timeLimitMs));
      }, timeoutMs);
    }
    start(
      {
        progress(value) {
          if (done || !options?.onProgress) return;
          try {
            options.onProgress(value);
          } catch (error) {
            console.error('layerwise: an onProgress listener failed', error);
          }
        },
        resolve(value) {
          if (done) return;
          cleanup();
          resolve(value as T);
        },
        reject(error) {
          if (done) return;
          cleanup();
          reject(error);
        },
      },
      timeLimitMs,
    );
  });
}

/** A tiny listener set for status changes. */
export function createListeners<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(value: T): void {
      for (const listener of [...listeners]) listener(value);
    },
    clear(): void {
      listeners.clear();
    },
  };
}
