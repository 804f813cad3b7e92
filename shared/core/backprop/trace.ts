import type { Step, Trace, TraceLimits } from './types';

/**
 * Collects steps until the limits are reached. Ops ask `recording` before building a
 * step, so a case past the limits still computes every tensor at full speed.
 */
export class Recorder {
  readonly steps: Step[] = [];
  recording: boolean;
  #terms = 0;
  #truncated: Trace['truncated'] = null;
  readonly #limits: TraceLimits;

  constructor(limits: TraceLimits) {
    this.#limits = limits;
    this.recording = limits.maxSteps > 0;
  }

  push(step: Step): void {
    if (!this.recording) return;
    this.#terms += step.aAt.length;
    if (this.steps.length >= this.#limits.maxSteps || this.#terms > this.#limits.maxTerms) {
      this.recording = false;
      const reason =
        this.steps.length >= this.#limits.maxSteps
          ? `the trace stops after ${this.steps.length} steps (limit ${this.#limits.maxSteps}); every tensor is still complete`
          : `the trace stops after ${this.steps.length} steps (more than ${this.#limits.maxTerms} operands); every tensor is still complete`;
      this.#truncated = { afterSteps: this.steps.length, reason };
      return;
    }
    this.steps.push(step);
  }

  toTrace(): Trace {
    return { steps: this.steps, truncated: this.#truncated };
  }
}

/** Up to 6 significant digits, no trailing zeros, "-0" shown as "0": how numbers read in step texts. */
export function num(value: number): string {
  if (Object.is(value, -0) || value === 0) return '0';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const text = Number(value.toPrecision(6)).toString();
  return text;
}
