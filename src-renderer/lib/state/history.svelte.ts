interface PastEntry<T> {
  value: T;
  /** Edits with the same key in a row (typing in one field) form one undo step. */
  coalesceKey: string | null;
}

/**
 * Undo / redo of immutable snapshots: the caller records the value *before* each edit.
 * Snapshots are shared, never copied, so a step costs one reference (network specs are
 * replaced, not mutated).
 */
export class EditHistory<T> {
  #past: PastEntry<T>[] = $state.raw([]);
  #future: T[] = $state.raw([]);
  readonly limit: number;

  canUndo = $derived(this.#past.length > 0);
  canRedo = $derived(this.#future.length > 0);

  constructor(limit = 200) {
    this.limit = limit;
  }

  /** Call before replacing `previous`; with a `coalesceKey` equal to the last one, no new step is made. */
  record(previous: T, coalesceKey: string | null = null): void {
    const last = this.#past.at(-1);
    if (coalesceKey !== null && last?.coalesceKey === coalesceKey) {
      this.#future = [];
      return;
    }
    this.#past = [...this.#past, { value: previous, coalesceKey }].slice(-this.limit);
    this.#future = [];
  }

  /** Ends the current coalescing run (e.g. the field lost focus). */
  seal(): void {
    const last = this.#past.at(-1);
    if (last && last.coalesceKey !== null) this.#past = [...this.#past.slice(0, -1), { value: last.value, coalesceKey: null }];
  }

  /** Returns the value to go back to, or null. */
  undo(current: T): T | null {
    const last = this.#past.at(-1);
    if (!last) return null;
    this.#past = this.#past.slice(0, -1);
    this.#future = [...this.#future, current];
    return last.value;
  }

  redo(current: T): T | null {
    const next = this.#future.at(-1);
    if (next === undefined) return null;
    this.#future = this.#future.slice(0, -1);
    this.#past = [...this.#past, { value: current, coalesceKey: null }];
    return next;
  }

  clear(): void {
    this.#past = [];
    this.#future = [];
  }
}
