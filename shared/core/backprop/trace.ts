import type { Step, StepText, Trace, TraceLimits } from './types';

/**
 * Collects steps and their operands until the limits are reached. Operands go into
 * growable typed columns (no array per step), so a 100,000-step trace stays cheap. Ops ask
 * `recording` before building a step; past the limits every tensor is still computed.
 *
 * Use: `begin()`, then `term(...)` per operand, then `end(step)`.
 */
export class Recorder {
  readonly steps: Step[] = [];
  recording: boolean;
  // Plain fields, not #private: this is the hot path, and bundlers may lower #private to WeakMaps.
  private _truncated: Trace['truncated'] = null;
  private readonly _limits: TraceLimits;
  private _aAt: Int32Array;
  private _aValues: Float64Array;
  private _bAt: Int32Array;
  private _bValues: Float64Array;
  private _partialSums: Float64Array;
  private _length = 0;
  private _capacity: number;
  private _start = 0;

  /**
   * `expectedTerms`: an upper bound on the operands, so the columns are allocated once
   * (growing large typed arrays step by step costs more in garbage collection than the work).
   */
  constructor(limits: TraceLimits, expectedTerms = 1024) {
    this._limits = limits;
    this.recording = limits.maxSteps > 0;
    this._capacity = this.recording ? Math.max(16, Math.min(expectedTerms, limits.maxTerms + 1)) : 0;
    this._aAt = new Int32Array(this._capacity);
    this._aValues = new Float64Array(this._capacity);
    this._bAt = new Int32Array(this._capacity);
    this._bValues = new Float64Array(this._capacity);
    this._partialSums = new Float64Array(this._capacity);
  }

  /** Where the next step's operands start. */
  begin(): number {
    this._start = this._length;
    return this._start;
  }

  /** One operand (and the running sum after it) of the step being recorded. */
  term(aAt: number, aValue: number, bAt: number, bValue: number, partialSum: number): void {
    if (this._length === this._capacity) this._grow();
    const k = this._length++;
    this._aAt[k] = aAt;
    this._aValues[k] = aValue;
    this._bAt[k] = bAt;
    this._bValues[k] = bValue;
    this._partialSums[k] = partialSum;
  }

  /** Closes the step begun last; `start` and `count` are filled in here. */
  end(step: Omit<Step, 'start' | 'count'>): void {
    if (!this.recording) return;
    if (this.steps.length >= this._limits.maxSteps || this._length > this._limits.maxTerms) {
      this._length = this._start;
      this.recording = false;
      const bySteps = this.steps.length >= this._limits.maxSteps;
      this._truncated = { afterSteps: this.steps.length, limit: bySteps ? 'steps' : 'operands', max: bySteps ? this._limits.maxSteps : this._limits.maxTerms };
      return;
    }
    (step as Step).start = this._start;
    (step as Step).count = this._length - this._start;
    this.steps.push(step as Step);
  }

  private _grow(): void {
    this._capacity = Math.max(1024, this._capacity * 2);
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(this._capacity);
      next.set(old);
      return next;
    };
    this._aAt = grow(this._aAt, (n) => new Int32Array(n));
    this._aValues = grow(this._aValues, (n) => new Float64Array(n));
    this._bAt = grow(this._bAt, (n) => new Int32Array(n));
    this._bValues = grow(this._bValues, (n) => new Float64Array(n));
    this._partialSums = grow(this._partialSums, (n) => new Float64Array(n));
  }

  toTrace(): Trace {
    const n = this._length;
    // Mostly full: hand out views; else copy, so the worker does not send the unused tail.
    const cut = <T extends Int32Array | Float64Array>(column: T): T => (n >= this._capacity * 0.75 ? column.subarray(0, n) : column.slice(0, n)) as T;
    return {
      steps: this.steps,
      operands: { aAt: cut(this._aAt), aValues: cut(this._aValues), bAt: cut(this._bAt), bValues: cut(this._bValues), partialSums: cut(this._partialSums) },
      truncated: this._truncated,
    };
  }
}

/** Shorthand for a step's words. */
export function say(key: StepText['key'], params: StepText['params']): StepText {
  return { key, params };
}

/** The operands of one step, as views into the trace's columns (no copy). */
export function stepOperands(trace: Pick<Trace, 'operands'>, step: Pick<Step, 'start' | 'count'>): Trace['operands'] {
  const end = step.start + step.count;
  const { aAt, aValues, bAt, bValues, partialSums } = trace.operands;
  return { aAt: aAt.subarray(step.start, end), aValues: aValues.subarray(step.start, end), bAt: bAt.subarray(step.start, end), bValues: bValues.subarray(step.start, end), partialSums: partialSums.subarray(step.start, end) };
}
