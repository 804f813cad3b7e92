import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backpropToJson, caseInput, checkCase, formatPath, gradientCheck, runBackprop, stepOfCell, stepOperands, traceStep, traceSteps } from './index';
import { BACKPROP_CLI_EXAMPLE, SEED_BACKPROP_CASE } from './examples';
import { KEY, OP, Recorder } from './trace';
import type { BackpropResult, Step, TraceInfo } from './types';

function ok(result: BackpropResult): Extract<BackpropResult, { ok: true }> {
  if (!result.ok) throw new Error(result.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`).join('; '));
  return result;
}

function messages(raw: unknown): string[] {
  const result = runBackprop(raw);
  return result.ok ? [] : result.issues.map((issue) => (issue.path.length ? `${formatPath(issue.path)}: ${issue.message}` : issue.message));
}

/** Question 3 of the seed, as in SEED-NOTES: bottom-left window [[-1, 5], [3, 0]], z peaks at z3 = 10 (the case the app, the CLI tests and the project tests share). */
const SEED = SEED_BACKPROP_CASE;

describe('the seed, question 3', () => {
  it('gives a = z3 = 10, dL/dw = (-1, 5, 3, 0) and dL/db = 1', () => {
    const { tensors } = ok(runBackprop(SEED));
    expect(tensors.conv.data).toEqual([8, 6, 10, 8]);
    expect(tensors.pooled.data).toEqual([10]);
    expect(tensors.argmax?.data).toEqual([2]);
    expect(tensors.grad_conv.data).toEqual([0, 0, 1, 0]);
    expect(tensors.grad_filters.data).toEqual([-1, 5, 3, 0]);
    expect(tensors.grad_bias.data).toEqual([1]);
  });

  it('traces the gradient of w3 as the pixel under w3 in z3 times dL/dz3', () => {
    const result = ok(runBackprop(SEED));
    const w3 = traceSteps(result).find((step) => step.op === 'grad_filter' && step.at === 2)!;
    expect(w3.value).toBe(3);
    // Only z3 carries a gradient: its term is 1 · 3.
    const terms = stepOperands(result, w3);
    const nonZero = [...terms.aValues].map((g, k) => [g, terms.bValues[k]]).filter(([g]) => g !== 0);
    expect(nonZero).toEqual([[1, 3]]);
  });
});

describe('the CLI example of the issue (hand-worked)', () => {
  const EXAMPLE = BACKPROP_CLI_EXAMPLE;

  it('prints every tensor in its shape', () => {
    // z[0][1] = 2·1 + 0·(-1) + 1·0 + 3·2 + 0.5 = 8.5, the maximum; the gradients are its window and the filter placed there.
    expect(backpropToJson(ok(runBackprop(EXAMPLE)))).toEqual({
      conv: [[[1.5, 8.5, 1.5], [1.5, -1.5, 6.5], [1.5, 3.5, 4.5]]],
      activated: [[[1.5, 8.5, 1.5], [1.5, -1.5, 6.5], [1.5, 3.5, 4.5]]],
      pooled: [[[8.5]]],
      argmax: [[[1]]],
      loss: null,
      grad_pooled: [[[1]]],
      grad_activated: [[[0, 1, 0], [0, 0, 0], [0, 0, 0]]],
      grad_conv: [[[0, 1, 0], [0, 0, 0], [0, 0, 0]]],
      grad_filters: [[[[2, 0], [1, 3]]]],
      grad_bias: [1],
      grad_input: [[[0, 1, -1, 0], [0, 0, 2, 0], [0, 0, 0, 0], [0, 0, 0, 0]]],
    });
  });
});

describe('pooling semantics (PyTorch)', () => {
  const identity = { filters: [[1]], pool: { type: 'max', kernel: 2 } };

  it('max pooling ties go to the first maximum in row-major order; split shares the gradient', () => {
    const first = ok(runBackprop({ ...identity, input: [[0, 7], [7, 7]] }));
    expect(first.tensors.argmax?.data).toEqual([1]);
    expect(first.tensors.grad_activated.data).toEqual([0, 1, 0, 0]);
    const split = ok(runBackprop({ ...identity, input: [[0, 7], [7, 7]], ties: 'split' }));
    expect(split.tensors.argmax?.data).toEqual([1]);
    expect(split.tensors.grad_activated.data).toEqual([0, 1 / 3, 1 / 3, 1 / 3]);
    expect(traceSteps(split).find((step) => step.op === 'pool_max')!.winners).toEqual([1, 2, 3]);
  });

  it('max pooling padding never wins (it is -inf, not 0)', () => {
    const { tensors } = ok(runBackprop({ input: [[-1, -2], [-3, -4]], filters: [[1]], pool: { type: 'max', kernel: 2, stride: 2, padding: 1 } }));
    expect(tensors.pooled.data).toEqual([-1, -2, -3, -4]);
    expect(tensors.argmax?.data).toEqual([0, 1, 2, 3]);
  });

  it('average pooling counts the padding zeros (count_include_pad = true) and routes 1/k² back', () => {
    const { tensors } = ok(runBackprop({ input: [[1, 2], [3, 4]], filters: [[1]], pool: { type: 'avg', kernel: 2, stride: 2, padding: 1 }, upstream: 1 }));
    expect(tensors.pooled.data).toEqual([0.25, 0.5, 0.75, 1]);
    expect(tensors.grad_activated.data).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('global average pooling spreads 1/(H·W); mean squared error gives 2(y - t)/N', () => {
    const { tensors } = ok(runBackprop({ input: [[1, 2], [3, 4]], filters: [[1]], pool: { type: 'globalavg' }, upstream: { loss: 'mse', target: [[2]] } }));
    expect(tensors.pooled.data).toEqual([2.5]);
    expect(tensors.loss).toBe(0.25);
    expect(tensors.grad_pooled.data).toEqual([1]);
    expect(tensors.grad_input.data).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('ReLU passes no gradient at z = 0 (PyTorch)', () => {
    const { tensors } = ok(runBackprop({ input: [[0, -1], [2, 0]], filters: [[1]], activation: 'relu', upstream: [[1, 1], [1, 1]] }));
    expect(tensors.grad_conv.data).toEqual([0, 0, 1, 0]);
  });
});

describe('stride, padding and dilation (hand-worked)', () => {
  it('a 2x2 kernel dilated by 2 with stride 2 and padding 1 on a 5x5 input', () => {
    const input = [Array.from({ length: 5 }, (_, y) => Array.from({ length: 5 }, (_, x) => y * 5 + x))];
    const { tensors } = ok(runBackprop({ input, filters: [[[[1, 0], [0, 0]]]], stride: 2, padding: 1, dilation: 2 }));
    // Output 3x3: floor((5 + 2 - 3) / 2) + 1. Tap (0, 0) reads x[2i - 1][2j - 1], zero in the padding.
    expect(tensors.conv.shape).toEqual([1, 3, 3]);
    expect(tensors.conv.data).toEqual([0, 0, 0, 0, 6, 8, 0, 16, 18]);
    // dL/dx is 1 exactly at the pixels tap (0, 0) read.
    expect(tensors.grad_input.data.flatMap((g, k) => (g ? [k] : []))).toEqual([6, 8, 16, 18]);
  });
});

describe('the trace', () => {
  const CASE = {
    input: [[[1, -2, 3, 0], [2, 1, -1, 4], [0, 3, 2, -2], [1, 1, 0, 5]], [[2, 0, 1, 1], [-1, 3, 0, 2], [4, -2, 1, 0], [0, 1, 2, 3]]],
    filters: [[[[1, 0], [-1, 2]], [[0, 1], [1, -1]]], [[[2, -1], [0, 1]], [[1, 1], [0, -2]]]],
    bias: [0.5, -1],
    activation: 'relu',
    pool: { type: 'max', kernel: 2, stride: 1 },
    upstream: { loss: 'mse', target: [[[1, 0], [2, 1]], [[0, 3], [1, 1]]] },
  };

  it('writes every cell of every tensor once, forward before backward, in pipeline order', () => {
    const result = ok(runBackprop(CASE));
    const { trace, tensors } = result;
    const steps = traceSteps(result);
    const order = ['conv', 'activation', 'pool_max', 'loss', 'grad_output', 'grad_pool', 'grad_activation', 'grad_filter', 'grad_bias', 'grad_input'];
    const ops = steps.map((step) => order.indexOf(step.op));
    expect(ops.every((op, k) => op >= 0 && (k === 0 || op >= ops[k - 1]!))).toBe(true);
    const count = (op: Step['op']) => steps.filter((step) => step.op === op).length;
    expect(count('conv')).toBe(tensors.conv.data.length);
    expect(count('activation')).toBe(tensors.activated.data.length);
    expect(count('pool_max')).toBe(tensors.pooled.data.length);
    expect(count('grad_filter')).toBe(tensors.grad_filters.data.length);
    expect(count('grad_input')).toBe(tensors.grad_input.data.length);
    expect(trace.truncated).toBeNull();
  });

  it('each step’s operands, partial sums and value agree with the tensors', () => {
    const result = ok(runBackprop(CASE));
    const { trace, tensors } = result;
    for (const [index, step] of traceSteps(result).entries()) {
      expect(stepOfCell(trace, step.out, step.at)).toBe(index);
      const written = step.out === 'loss' ? tensors.loss : tensors[step.out as 'conv'].data[step.at];
      expect(step.value).toBe(written);
      const terms = stepOperands(result, step);
      if (step.b && step.op !== 'loss' && step.op !== 'grad_output') {
        let sum = 0;
        terms.aValues.forEach((a, k) => (sum += a * terms.bValues[k]!));
        expect(terms.partialSums.at(-1) ?? 0).toBeCloseTo(sum, 12);
        if (step.op === 'conv') expect(step.value).toBeCloseTo(sum + step.add!.value, 12);
        else expect(step.value).toBeCloseTo(sum, 12);
      }
      // Padding cells read as 0; a coefficient operand points into the trace's coefficients.
      terms.aAt.forEach((at, k) => {
        if (at < 0) expect(terms.aValues[k]).toBe(0);
        if (step.a === 'coefficient') expect(trace.coefficients[at]).toBe(terms.aValues[k]);
      });
      terms.bAt.forEach((at, k) => {
        if (at < 0) expect(terms.bValues[k]).toBe(0);
        if (step.b === 'coefficient') expect(trace.coefficients[at]).toBe(terms.bValues[k]);
      });
      expect(typeof step.text.key).toBe('string');
    }
  });

  it('records each conv cell’s window and each dL/dW cell’s positions (cells worked out independently from the geometry)', () => {
    // Stride 2, padding 1, dilation 2 on a 1x5x5 input with a 2x2 filter: windows reach into the padding.
    const input = [[[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20], [21, 22, 23, 24, 25]]];
    const result = ok(runBackprop({ input, filters: [[[[1, -1], [2, 0.5]]]], stride: 2, padding: 1, dilation: 2 }));
    const [, OH = 0, OW = 0] = result.tensors.conv.shape;
    // floor((5 + 2·1 - ((2 - 1)·2 + 1)) / 2) + 1 = 3
    expect([OH, OW]).toEqual([3, 3]);
    const pixel = (y: number, x: number) => (y >= 0 && y < 5 && x >= 0 && x < 5 ? y * 5 + x : -1);
    for (let i = 0; i < OH; i++) {
      for (let j = 0; j < OW; j++) {
        const terms = stepOperands(result, stepOfCell(result.trace, 'conv', i * OW + j));
        const expected = [0, 1].flatMap((u) => [0, 1].map((v) => pixel(2 * i - 1 + 2 * u, 2 * j - 1 + 2 * v)));
        expect([...terms.aAt]).toEqual(expected);
        expect([...terms.bAt]).toEqual([0, 1, 2, 3]);
        expect([...terms.aValues]).toEqual(expected.map((at) => (at < 0 ? 0 : input[0]![Math.floor(at / 5)]![at % 5]!)));
      }
    }
    // dL/dw[u][v] sums over the outputs (i, j) the pixel each saw: the same cells, by weight.
    for (let u = 0; u < 2; u++) {
      for (let v = 0; v < 2; v++) {
        const terms = stepOperands(result, stepOfCell(result.trace, 'grad_filters', u * 2 + v));
        expect([...terms.aAt]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
        expect([...terms.bAt]).toEqual([0, 1, 2].flatMap((i) => [0, 1, 2].map((j) => pixel(2 * i - 1 + 2 * u, 2 * j - 1 + 2 * v))));
      }
    }
  });

  it('reads a step on demand: out-of-range steps are refused; cells no step wrote have none', () => {
    const result = ok(runBackprop(SEED));
    expect(() => traceStep(result, result.trace.length)).toThrow(RangeError);
    expect(() => traceStep(result, -1)).toThrow(RangeError);
    expect(stepOfCell(result.trace, 'input', 0)).toBe(-1);
    // Without an activation there are no activation steps: a = z is shown on z's grid.
    expect(stepOfCell(result.trace, 'activated', 0)).toBe(-1);
    expect(traceStep(result, stepOfCell(result.trace, 'grad_bias', 0)).value).toBe(1);
  });

  it('keeps cell indices in 16 bits for small cases and 32 bits past 32,768 cells, reading the same', () => {
    const small = ok(runBackprop(SEED));
    expect(small.trace.operands.aAt).toBeInstanceOf(Int16Array);
    // One 1x1 filter over a 1x190x190 input: 36,100 cells per map.
    const size = 190;
    const input = Array.from({ length: size }, (_, y) => Array.from({ length: size }, (_, x) => ((y * 7 + x * 3) % 11) - 5));
    const large = ok(runBackprop({ input, filters: [[2]], bias: [1] }, { limits: { maxChannels: 1, maxFilters: 1, maxSize: size }, trace: { maxSteps: Infinity, maxTerms: Infinity } }));
    expect(large.trace.operands.aAt).toBeInstanceOf(Int32Array);
    const last = size * size - 1;
    const conv = stepOperands(large, stepOfCell(large.trace, 'conv', last));
    expect([...conv.aAt]).toEqual([last]);
    expect(traceStep(large, stepOfCell(large.trace, 'conv', last)).value).toBe(input[size - 1]![size - 1]! * 2 + 1);
    const dx = stepOperands(large, stepOfCell(large.trace, 'grad_input', last));
    expect([...dx.aAt]).toEqual([last]);
    expect([...dx.bValues]).toEqual([2]);
  });

  it('widens 16-bit index columns when more coefficients come than expected', () => {
    const info = ok(runBackprop(SEED)).trace.info satisfies TraceInfo;
    const recorder = new Recorder({ maxSteps: 100, maxTerms: 100_000 }, info, { steps: 4, terms: 16, coefficients: 16, maxIndex: 10 });
    expect(recorder.aAt).toBeInstanceOf(Int16Array);
    recorder.begin();
    for (let k = 0; k < 40_000; k++) recorder.term(recorder.coefficient(k / 2), -1);
    recorder.end(OP.grad_output, KEY.gradOutputGiven, 0);
    const trace = recorder.toTrace();
    expect(trace.operands.aAt).toBeInstanceOf(Int32Array);
    expect(trace.operands.aAt[39_999]).toBe(39_999);
    expect(trace.coefficients[trace.operands.aAt[39_999]!]).toBe(39_999 / 2);
    expect(trace.steps.start[1]).toBe(40_000);
  });

  it('stops recording at the limits but still computes every tensor', () => {
    const full = ok(runBackprop(CASE));
    const cut = ok(runBackprop(CASE, { trace: { maxSteps: 5, maxTerms: 1e6 } }));
    expect(cut.trace.length).toBe(5);
    expect(cut.trace.truncated).toEqual({ afterSteps: 5, limit: 'steps', max: 5 });
    const last = traceStep(cut, 4);
    expect(cut.trace.operands.aAt.length).toBe(last.start + last.count);
    expect(cut.tensors).toEqual(full.tensors);
  });
});

describe('gradient check (central finite differences)', () => {
  it('agrees with finite differences on random smooth cases', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('none', 'sigmoid', 'tanh'),
        fc.constantFrom({ type: 'avg', kernel: 2 }, { type: 'globalavg' }, { type: 'none' }, { type: 'max', kernel: 2, stride: 1 }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2 * 16 + 2 * 2 * 4, maxLength: 2 * 16 + 2 * 2 * 4 }),
        (activation, pool, values) => {
          const input = [0, 1].map((c) => [0, 1, 2, 3].map((y) => values.slice(c * 16 + y * 4, c * 16 + y * 4 + 4)));
          const w = values.slice(32);
          const filters = [0, 1].map((f) => [0, 1].map((c) => [0, 1].map((u) => w.slice(f * 8 + c * 4 + u * 2, f * 8 + c * 4 + u * 2 + 2))));
          const result = gradientCheck({ input, filters, bias: [0.2, -0.3], stride: [1, 2], padding: 1, activation, pool, upstream: 0.5 });
          if (!result.ok) throw new Error(result.issues[0]!.message);
          expect(result.check.checked).toBe(result.check.total);
          // Max pooling is only piecewise smooth: where shrinking made cells tie, finite differences are not defined.
          fc.pre(result.check.kinks === 0);
          expect(result.check.maxError).toBeLessThan(1e-5);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('finds the seed case exact, and counts the kinks (ties, ReLU at 0)', () => {
    const result = gradientCheck(SEED);
    expect(result.ok && result.check.maxError).toBeLessThan(1e-8);
    const tied = gradientCheck({ input: [[1, 1], [0, 0]], filters: [[1]], pool: { type: 'max', kernel: 2 } });
    expect(tied.ok && tied.check.kinks).toBe(2);
  });
});

describe('bad input: a message at the field or cell, never a throw', () => {
  const good = { input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], filters: [[1, 0], [0, 1]] };

  it.each([
    [{ ...good, input: [[[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3]]] }, 'input[0][2]: row has 3 cells, expected 4'],
    [{ ...good, input: [[1, 2, 3], [4, 'five', 6], [7, 8, 9]] }, 'input[1][1]: expected a number, got "five"'],
    [{ ...good, input: [[1, 2, 3], [4, null, 6], [7, 8, 9]] }, 'input[1][1]: expected a number, got null'],
    [{ ...good, input: [] }, 'input: expected a grid [C][H][W] or [H][W] of numbers, got 1 level of arrays'],
    [{ ...good, input: [[]] }, 'input[0]: has no cells'],
    [{ ...good, filters: [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] }, 'filters: the conv output would be empty: the effective kernel 4x4 ((k - 1)·dilation + 1) is larger than the padded input 3x3'],
    [{ ...good, input: Array.from({ length: 33 }, () => [1, 2]) }, 'input: is 33x2; at most 32x32'],
    [{ ...good, input: Array.from({ length: 9 }, () => [[1, 2], [3, 4]]) }, 'input: has 9 channels; at most 8'],
    [{ ...good, filters: [[[[1]], [[1]]]] }, 'filters[0]: has 2 channels, expected 1 (one kernel per input channel)'],
    [{ ...good, bias: [1, 2] }, 'bias: has 2 values, expected 1 (one per filter)'],
    [{ ...good, stride: 0 }, 'stride: expected a whole number ≥ 1 (at most 64) or [h, w], got 0'],
    [{ ...good, padding: [1, -1] }, 'padding: expected a whole number ≥ 0 (at most 64) or [h, w], got [1,-1]'],
    [{ ...good, activation: 'softmax' }, 'activation: expected one of none, relu, sigmoid, tanh, got "softmax"'],
    [{ ...good, pool: { type: 'max' } }, 'pool.kernel: is required for max pooling: a whole number ≥ 1 or [h, w]'],
    [{ ...good, pool: { type: 'max', kernel: 3 } }, 'pool.kernel: the pooled output would be empty: kernel 3x3 is larger than the padded conv output 2x2'],
    [{ ...good, pool: { type: 'avg', kernel: 2, padding: 2 } }, "pool.padding: 2x2 is more than half the kernel 2x2 (PyTorch's limit)"],
    [{ ...good, pool: { type: 'globalmax', kernel: 2 } }, 'pool.kernel: only max and avg pooling take a kernel; globalmax has none'],
    [{ ...good, upstream: [[1, 2]] }, 'upstream: is [1][1][2]; expected the output\'s shape [1][2][2] (or [2][2])'],
    [{ ...good, upstream: { loss: 'mae', target: [[1, 2], [3, 4]] } }, 'upstream.loss: expected "mse", got "mae"'],
    [{ ...good, kernal: 3 }, 'kernal: unknown field; known fields: input, filters, bias, stride, padding, dilation, activation, pool, upstream, ties'],
    ['not a case', 'a case is a JSON object with input and filters, got "not a case"'],
  ])('%j → %s', (raw, message) => {
    expect(messages(raw)).toContain(message);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (input, filters, pool) => {
        expect(() => runBackprop({ input, filters, pool })).not.toThrow();
        expect(() => gradientCheck({ input, filters, pool })).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('a checked case written back in the CLI format checks the same', () => {
    const checked = checkCase({ ...good, pool: { type: 'max', kernel: 2, stride: 1 } });
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checkCase(caseInput(checked.value))).toMatchObject({ ok: true, value: { ...checked.value, inputWas2d: false, filtersWere2d: false } });
  });
});
