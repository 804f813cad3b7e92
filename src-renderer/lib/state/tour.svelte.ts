import type { TourStore } from '../core-client';

/**
 * The guided tours (issue 10, requirement 7): which tool's tour is running and at which step,
 * and which tours the student has finished, skipped or declined (never offered again, but
 * always available from the Tour button). `?tour=off` in the URL offers none (tests, links).
 */
export class TourState {
  /** The tool whose tour is running, or null. */
  running: string | null = $state(null);
  step: number = $state(0);
  seen: readonly string[] = $state.raw([]);
  readonly off: boolean;
  readonly #store: TourStore;

  constructor(store: TourStore, options: { off?: boolean } = {}) {
    this.#store = store;
    this.seen = store.load();
    this.off = options.off ?? false;
  }

  /** Whether to offer the tool's tour without being asked (first visit, tours on). */
  offers(tool: string): boolean {
    return !this.off && this.running === null && !this.seen.includes(tool);
  }

  start(tool: string): void {
    this.running = tool;
    this.step = 0;
  }

  /** Moves by one step within [0, count - 1]; past the last step the tour is finished. */
  next(count: number): void {
    if (this.step + 1 >= count) this.finish();
    else this.step += 1;
  }

  back(): void {
    this.step = Math.max(0, this.step - 1);
  }

  /** Finished, skipped (Escape) or declined: remembered, and the offer goes away. */
  finish(tool: string | null = this.running): void {
    this.running = null;
    this.step = 0;
    if (tool !== null && !this.seen.includes(tool)) {
      this.seen = [...this.seen, tool];
      this.#store.save(this.seen);
    }
  }
}
