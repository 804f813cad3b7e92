import type { CoreError } from '../../../shared/protocol/messages';
import { isCancelled, toCoreError } from './errors';

/**
 * "The newest call wins", for state that asks the core again on every edit: each `run`
 * aborts the call before it (the worker drops it), and a call's answer or failure is handed
 * on only while it is still the newest; a cancelled call reports nothing.
 */
export class LatestCall {
  #controller: AbortController | null = null;

  run<T>(call: (signal: AbortSignal) => Promise<T>, onResult: (value: T) => void, onError: (error: CoreError) => void): void {
    this.cancel();
    const controller = new AbortController();
    this.#controller = controller;
    call(controller.signal).then(
      (value) => {
        if (!controller.signal.aborted) onResult(value);
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isCancelled(error)) onError(toCoreError(error));
      },
    );
  }

  /** Aborts the call in flight, if any. */
  cancel(): void {
    this.#controller?.abort();
    this.#controller = null;
  }
}
