import { describe, expect, it } from 'vitest';
import type { Step, StepOperands, TensorName } from '../../../shared/core/backprop/types';
import { boxOf, shownAt, shownCells, windowTensor } from './reveal';
import { stepWork, workLine } from './step-work';

/**
 * The seed's Q3 trace as its structure gives it, worked by hand: 4 cells of z (steps 1-4),
 * a = max(z) (5), the given dL/da (6), 4 of dL/dz (7-10), 4 of dL/dW (11-14), dL/db (15),
 * 9 of dL/dX (16-24). Index -1 is step 0, before the first.
 */
const trace = { length: 24, firstStep: { conv: 0, pooled: 4, grad_pooled: 5, grad_activated: 6, grad_filters: 10, grad_bias: 14, grad_input: 15 } };
const SIZES: Partial<Record<TensorName, number>> = { input: 9, filters: 4, bias: 1, conv: 4, pooled: 1, grad_pooled: 1, grad_activated: 4, grad_filters: 4, grad_bias: 1, grad_input: 9 };

describe('shownCells: the seed Q3 stepper builds up', () => {
  it('at step 0 shows only the inputs: X, W, b; every output and gradient is empty', () => {
    expect(shownAt(trace, SIZES, -1)).toEqual({ input: 9, filters: 4, bias: 1, conv: 0, pooled: 0, grad_pooled: 0, grad_activated: 0, grad_filters: 0, grad_bias: 0, grad_input: 0 });
  });

  it('step 1 fills exactly z1; step 4 all of z, step 5 a = max(z)', () => {
    expect(shownAt(trace, SIZES, 0)).toMatchObject({ conv: 1, pooled: 0, grad_filters: 0 });
    expect(shownAt(trace, SIZES, 3)).toMatchObject({ conv: 4, pooled: 0 });
    expect(shownAt(trace, SIZES, 4)).toMatchObject({ conv: 4, pooled: 1, grad_pooled: 0 });
  });

  it('backward: dL/da, then dL/dz cell by cell, then dL/dW one weight per step, dL/db, dL/dX', () => {
    expect(shownAt(trace, SIZES, 5)).toMatchObject({ grad_pooled: 1, grad_activated: 0 });
    expect(shownAt(trace, SIZES, 8)).toMatchObject({ grad_activated: 3, grad_filters: 0 });
    expect(shownAt(trace, SIZES, 11)).toMatchObject({ grad_activated: 4, grad_filters: 2, grad_bias: 0 });
    expect(shownAt(trace, SIZES, 15)).toMatchObject({ grad_filters: 4, grad_bias: 1, grad_input: 1 });
    expect(shownAt(trace, SIZES, 22)).toMatchObject({ grad_input: 8 });
    expect(shownAt(trace, SIZES, 23)).toEqual(SIZES);
  });

  it('while a step animates, its own cell waits (shown as of the step before); show all fills everything', () => {
    expect(shownCells(trace, 'conv', 4, 0, { arriving: true })).toBe(0);
    expect(shownCells(trace, 'grad_filters', 4, 12, { arriving: true })).toBe(2);
    expect(shownCells(trace, 'grad_filters', 4, 12)).toBe(3);
    expect(shownCells(trace, 'grad_input', 9, 23, { arriving: true })).toBe(8);
    expect(shownAt(trace, SIZES, -1, { showAll: true })).toEqual(SIZES);
  });

  it('a truncated trace shows the cells past its end at the last step; a tensor no step writes likewise', () => {
    const truncated = { length: 10, firstStep: { conv: 0, grad_filters: 8 } };
    expect(shownCells(truncated, 'grad_filters', 4, 8)).toBe(1);
    expect(shownCells(truncated, 'grad_filters', 4, 9)).toBe(4);
    expect(shownCells(truncated, 'grad_input', 9, 8)).toBe(0);
    expect(shownCells(truncated, 'grad_input', 9, 9)).toBe(9);
    expect(shownCells(truncated, 'activated', 4, 3)).toBe(0);
  });
});

function step(partial: Partial<Step> & Pick<Step, 'op' | 'a'>): Step {
  return { phase: 'forward', out: 'conv', at: 0, index: [0], value: 0, start: 0, count: 0, text: { key: 'conv', params: {} }, ...partial };
}

function operands(aAt: number[], aValues: number[], bAt: number[], bValues: number[], partialSums: number[]): StepOperands {
  return { aAt: Int32Array.from(aAt), aValues: Float64Array.from(aValues), bAt: Int32Array.from(bAt), bValues: Float64Array.from(bValues), partialSums: Float64Array.from(partialSums) };
}

// The seed: X = [[1, 0, 0], [-1, 5, -2], [3, 0, 2]], W all ones, b = 3; z = [[8, 6], [10, 8]]; only z3 (flat 2) has dL/dz = 1.
const G = [0, 0, 1, 0];
const z3 = step({ op: 'conv', out: 'conv', at: 2, value: 10, a: 'input', b: 'filters', add: { tensor: 'bias', at: 0, value: 3 } });
const z3Operands = operands([3, 4, 6, 7], [-1, 5, 3, 0], [0, 1, 2, 3], [1, 1, 1, 1], [-1, 4, 7, 7]);
/** dL/dw_k = Σ_ij dL/dz_ij · x under w_k in window ij: w1 meets x[0][0], x[0][1], x[1][0], x[1][1] = 1, 0, -1, 5. */
const dw1 = step({ phase: 'backward', op: 'grad_filter', out: 'grad_filters', value: -1, a: 'grad_conv', b: 'input' });
const dw1Operands = operands([0, 1, 2, 3], G, [0, 1, 3, 4], [1, 0, -1, 5], [0, 0, -1, -1]);
const dw2 = step({ phase: 'backward', op: 'grad_filter', out: 'grad_filters', at: 1, value: 5, a: 'grad_conv', b: 'input' });
const dw2Operands = operands([0, 1, 2, 3], G, [1, 2, 4, 5], [0, 0, 5, -2], [0, 0, 5, 5]);

describe('the moving window', () => {
  it('z3 reads the bottom-left 2x2 window of X; dL/dw2 reads the window of X one column to the right of dL/dw1’s', () => {
    expect(windowTensor(z3)).toBe('input');
    expect(boxOf(z3Operands.aAt, [1, 3, 3])).toEqual({ map: 0, top: 1, left: 0, bottom: 2, right: 1 });
    expect(windowTensor(dw1)).toBe('input');
    expect(boxOf(dw1Operands.bAt, [1, 3, 3])).toEqual({ map: 0, top: 0, left: 0, bottom: 1, right: 1 });
    expect(boxOf(dw2Operands.bAt, [1, 3, 3])).toEqual({ map: 0, top: 0, left: 1, bottom: 1, right: 2 });
  });

  it('skips padding cells (-1), has no box without cells; a given dL/da has no window', () => {
    expect(boxOf(Int32Array.from([-1, 4, -1, 8]), [1, 3, 3])).toEqual({ map: 0, top: 1, left: 1, bottom: 2, right: 2 });
    expect(boxOf([], [1, 3, 3])).toBeNull();
    expect(windowTensor(step({ op: 'grad_output', a: 'coefficient' }))).toBeNull();
  });
});

describe('the products line of a step', () => {
  const plain = (value: number) => String(value);

  it('writes dL/dw1 and dL/dw2 as the seed works them: g·x over the four windows', () => {
    expect(workLine(stepWork(dw1, dw1Operands), plain, 'none')).toBe('0·1 + 0·0 + 1·(-1) + 0·5 = -1');
    expect(workLine(stepWork(dw2, dw2Operands), plain, 'none')).toBe('0·0 + 0·0 + 1·5 + 0·(-2) = 5');
  });

  it('writes z3 with its bias, keeps the trace’s partial sums and the cells of every number', () => {
    const work = stepWork(z3, z3Operands);
    expect(workLine(work, plain, 'none')).toBe('(-1)·1 + 5·1 + 3·1 + 0·1 + 3 = 10');
    expect(work.terms.map((term) => term.partial)).toEqual([-1, 4, 7, 7]);
    expect(work.terms[1]).toEqual({ a: { tensor: 'input', at: 4, value: 5 }, b: { tensor: 'filters', at: 1, value: 1 }, partial: 4 });
    expect(work.add).toEqual({ tensor: 'bias', at: 0, value: 3 });
  });

  it('writes a max, a sum without products, an empty sum, an average, a given number and an activation', () => {
    const max = step({ op: 'pool_max', out: 'pooled', value: 10, a: 'activated' });
    expect(workLine(stepWork(max, operands([0, 1, 2, 3], [8, 6, 10, 8], [], [], [8, 8, 10, 10])), plain, 'none')).toBe('max(8, 6, 10, 8) = 10');
    const bias = step({ phase: 'backward', op: 'grad_bias', out: 'grad_bias', value: 1, a: 'grad_conv' });
    expect(workLine(stepWork(bias, operands([0, 1, 2, 3], G, [], [], [0, 0, 1, 1])), plain, 'none')).toBe('0 + 0 + 1 + 0 = 1');
    const unrouted = step({ phase: 'backward', op: 'grad_pool', out: 'grad_activated', value: 0, a: 'grad_pooled', b: 'coefficient' });
    expect(workLine(stepWork(unrouted, operands([], [], [], [], [])), plain, 'none')).toBe('0 = 0');
    const average = step({ op: 'pool_avg', out: 'pooled', value: 2.5, a: 'activated', divisor: 4 });
    expect(workLine(stepWork(average, operands([0, 1, 2, 3], [1, 2, 3, 4], [], [], [1, 3, 6, 10])), plain, 'none')).toBe('(1 + 2 + 3 + 4) / 4 = 2.5');
    const given = step({ phase: 'backward', op: 'grad_output', out: 'grad_pooled', value: 1, a: 'coefficient' });
    expect(workLine(stepWork(given, operands([0], [1], [-1], [0], [1])), plain, 'none')).toBe('1');
    const relu = step({ op: 'activation', out: 'activated', value: 0, a: 'conv' });
    expect(workLine(stepWork(relu, operands([0], [-2], [], [], [-2])), plain, 'relu')).toBe('ReLU(-2) = 0');
  });
});
