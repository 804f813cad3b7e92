/**
 * How a long core computation shares its thread with the host (the worker's dispatcher):
 * `checkpoint()` yields to the host's event loop now and then and throws a `cancelled` error
 * once the caller cancelled; `progress(partial)` sends a partial result to the caller at once
 * (the dispatcher posts it as a `progress` message carrying the request's id). Both are
 * optional for the caller: tests and the CLI run the same methods without a host.
 */
export interface Cooperation {
  checkpoint(): Promise<void>;
  /** A partial result of the running call, in the method's documented progress shape. */
  progress?(partial: unknown): void;
}

/** Milliseconds between two progress reports of a long run: 20 a second, twice what a live view needs. */
export const PROGRESS_INTERVAL_MS = 50;

/**
 * Paces progress reports: `due()` is true at most once per `intervalMs` (the first time after
 * one interval), so a run builds its partial result only when it will be sent.
 */
export function progressPacer(cooperation: Cooperation | undefined, intervalMs = PROGRESS_INTERVAL_MS, now: () => number = Date.now) {
  let last = now();
  const enabled = typeof cooperation?.progress === 'function';
  return {
    due(): boolean {
      if (!enabled) return false;
      const time = now();
      if (time - last < intervalMs) return false;
      last = time;
      return true;
    },
    send(partial: unknown): void {
      if (enabled) cooperation!.progress!(partial);
    },
  };
}
