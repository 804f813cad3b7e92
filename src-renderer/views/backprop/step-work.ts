import type { Activation, Step, StepOperands, TensorName } from '../../../shared/core/backprop/types';

/**
 * A step's arithmetic written out with its numbers, as the stepper shows it under the grids:
 * "0·1 + 0·0 + 1·(-1) + 0·5 = -1". Read from the trace (its operands and running sums), never
 * recomputed; every number keeps the cell it came from so the view can make it clickable.
 */

/** One number of the line and where it lives (a tensor cell, or a coefficient with no cell). */
export interface WorkNumber {
  tensor: TensorName;
  at: number;
  value: number;
}

export interface WorkTerm {
  a: WorkNumber;
  b: WorkNumber | null;
  /** The running sum after this term (from the trace). */
  partial: number;
}

export interface StepWork {
  /** How the terms combine: a sum (of products), a max, one function value, a given number. */
  kind: 'sum' | 'max' | 'function' | 'given' | 'mse' | 'loss';
  terms: WorkTerm[];
  /** Added after the sum (a conv cell's bias). */
  add: WorkNumber | null;
  /** Divided after the sum (an average pool's window, N of a mean). */
  divisor: number | null;
  value: number;
}

export function stepWork(step: Step, operands: StepOperands): StepWork {
  const terms: WorkTerm[] = Array.from(operands.aValues, (value, k) => ({
    a: { tensor: step.a, at: operands.aAt[k]!, value },
    b: step.b ? { tensor: step.b, at: operands.bAt[k]!, value: operands.bValues[k]! } : null,
    partial: operands.partialSums[k]!,
  }));
  const kind: StepWork['kind'] =
    step.op === 'pool_max' ? 'max' : step.op === 'activation' ? 'function' : step.op === 'loss' ? 'loss' : step.op === 'grad_output' ? (step.b === 'target' ? 'mse' : 'given') : 'sum';
  const add = step.add ? { tensor: step.add.tensor, at: step.add.at, value: step.add.value } : null;
  return { kind, terms, add, divisor: step.divisor ?? null, value: step.value };
}

/** The activation's name as the line writes it (the same in every language). */
const FUNCTION_NAME: Record<Activation, string> = { none: '', relu: 'ReLU', sigmoid: 'σ', tanh: 'tanh' };

/**
 * The line as one string, numbers through `format` (the locale's digits), negatives in
 * parentheses where they are operands: "1·1 + 0·1 + (-1)·1 + 5·1 + 3 = 8", "max(8, 6, 10, 8) = 10".
 */
export function workLine(work: StepWork, format: (value: number) => string, activation: Activation): string {
  const operand = (value: number) => (value < 0 || Object.is(value, -0) ? `(${format(value)})` : format(value));
  const result = format(work.value);
  const term = (t: WorkTerm) => (t.b ? `${operand(t.a.value)}·${operand(t.b.value)}` : operand(t.a.value));
  switch (work.kind) {
    case 'max':
      return `max(${work.terms.map((t) => format(t.a.value)).join(', ')}) = ${result}`;
    case 'function':
      return `${FUNCTION_NAME[activation]}(${format(work.terms[0]?.a.value ?? 0)}) = ${result}`;
    case 'given':
      return result;
    case 'mse': {
      const [first] = work.terms;
      return `2·(${format(first?.a.value ?? 0)} − ${format(first?.b?.value ?? 0)}) / ${format(work.divisor ?? 1)} = ${result}`;
    }
    case 'loss':
      return `(${work.terms.map((t) => `(${format(t.a.value)} − ${format(t.b?.value ?? 0)})²`).join(' + ')}) / ${format(work.divisor ?? 1)} = ${result}`;
    default: {
      const parts = work.terms.map(term);
      if (work.add) parts.push(operand(work.add.value));
      const sum = parts.length === 0 ? format(0) : parts.join(' + ');
      return work.divisor !== null ? `(${sum}) / ${format(work.divisor)} = ${result}` : `${sum} = ${result}`;
    }
  }
}
