import { describe, expect, it } from 'vitest';
import type { Step, StepOperands } from '../../../shared/core/backprop/types';
import { stepLatex, texNumber, unflatten } from './formula';

function operands(a: number[], b: number[], sums: number[]): StepOperands {
  return { aAt: new Int32Array(a.length), aValues: Float64Array.from(a), bAt: new Int32Array(b.length), bValues: Float64Array.from(b), partialSums: Float64Array.from(sums) };
}

describe('stepLatex', () => {
  it('fills the seed’s dL/dw3 (= x3 · dL/dz3) with its numbers', () => {
    const step: Step = { phase: 'backward', op: 'grad_filter', out: 'grad_filters', at: 2, index: [0, 0, 1, 0], value: 3, a: 'grad_conv', b: 'input', start: 0, count: 4, text: { key: 'gradFilter', params: {} } };
    expect(stepLatex(step, operands([0, 0, 1, 0], [1, 0, 3, 0], [0, 0, 3, 3]), 'none')).toBe(
      '\\frac{\\partial L}{\\partial w_{0,0,1,0}} = \\sum_{i,j} \\frac{\\partial L}{\\partial z_{f,i,j}}\\, x_{c,\\,i s + u d - p,\\,j s + v d - p} = 0 \\cdot 1 + 0 \\cdot 0 + 1 \\cdot 3 + 0 \\cdot 0 = 3',
    );
  });

  it('writes a conv cell with its bias, negatives in parentheses, and elides long sums', () => {
    const step: Step = { phase: 'forward', op: 'conv', out: 'conv', at: 2, index: [0, 1, 0], value: 10, a: 'input', b: 'filters', start: 0, count: 4, add: { tensor: 'bias', at: 0, value: 3 }, text: { key: 'conv', params: {} } };
    expect(stepLatex(step, operands([-1, 5, 3, 0], [1, 1, 1, 1], [-1, 4, 7, 7]), 'none')).toContain('= (-1) \\cdot 1 + 5 \\cdot 1 + 3 \\cdot 1 + 0 \\cdot 1 + 3 = 10');
    const long = { ...step, count: 27 };
    const latex = stepLatex(long, operands(Array.from({ length: 27 }, () => 1), Array.from({ length: 27 }, () => 2), []), 'none');
    expect(latex).toContain('\\cdots');
    expect(latex).toContain('(27\\text{ terms})');
  });

  it('formats numbers to 4 decimals and unflattens indices', () => {
    expect(texNumber(1 / 3)).toBe('0.3333');
    expect(texNumber(-0.00001)).toBe('0');
    expect(unflatten(7, [2, 2, 2])).toEqual([1, 1, 1]);
  });
});
