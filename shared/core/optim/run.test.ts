import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from './presets';
import { lossSurface } from './contour';
import { cleanNumber, formatNumber } from './format';
import type { OptimizeProblem } from './problem';
import { dataLoss, prepareProblem, runOptimization, stepSchedule } from './run';

const line: OptimizeProblem = {
  ...SEED_OPTIMIZE_PROBLEM,
  model: 'w*x + b',
  params: { w: 0, b: 0 },
  data: { columns: ['x', 't'], rows: [[1, 3], [2, 5], [3, 7], [4, 9], [5, 11]] },
  optimizer: { type: 'sgd', lr: 0.01 },
};

function ok(problem: OptimizeProblem) {
  const result = runOptimization(problem);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

describe('cleanNumber / formatNumber', () => {
  it('removes float noise and keeps real digits', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1 + 1.6)).toBe('2.6');
    expect(formatNumber(0.6000000000000001)).toBe('0.6');
    expect(formatNumber(1 / 3)).toBe('0.333333333333');
    expect(formatNumber(1e-7)).toBe('1e-7');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(cleanNumber(123456789.1234)).toBe(123456789.123);
  });
});

describe('the schedule', () => {
  it('online in order, minibatch with a smaller last batch, batch once per epoch', () => {
    expect(stepSchedule({ ...line, epochs: 2 }).map((s) => s.samples)).toEqual([[0], [1], [2], [3], [4], [0], [1], [2], [3], [4]]);
    expect(stepSchedule({ ...line, mode: 'minibatch', batch_size: 2 }).map((s) => s.samples)).toEqual([[0, 1], [2, 3], [4]]);
    expect(stepSchedule({ ...line, mode: 'batch', epochs: 3 }).map((s) => [s.epoch, s.samples])).toEqual([[1, [0, 1, 2, 3, 4]], [2, [0, 1, 2, 3, 4]], [3, [0, 1, 2, 3, 4]]]);
  });

  it('shuffles each epoch from the seed: a permutation, the same for the same seed', () => {
    const a = stepSchedule({ ...line, shuffle: true, seed: 7, epochs: 3 });
    const b = stepSchedule({ ...line, shuffle: true, seed: 7, epochs: 3 });
    const c = stepSchedule({ ...line, shuffle: true, seed: 8, epochs: 3 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    for (let epoch = 1; epoch <= 3; epoch++) {
      expect(a.filter((s) => s.epoch === epoch).flatMap((s) => s.samples).sort()).toEqual([0, 1, 2, 3, 4]);
    }
  });
});

describe('a run', () => {
  it('batch mean squared error: the gradient is the hand-worked mean (w=0, b=0: dL/dw = -2*mean(t*x))', () => {
    const result = ok({ ...line, mode: 'batch' });
    const step = result.steps[0]!;
    // t*x = 3, 10, 21, 36, 55 → mean 25; t = 3..11 → mean 7
    expect(step.grad).toEqual({ w: -50, b: -14 });
    expect(step.loss).toBe((9 + 25 + 49 + 81 + 121) / 5);
    expect(step.dloss_dy).toEqual([-1.2, -2, -2.8, -3.6, -4.4]);
    expect(step.params).toEqual({ w: 0.5, b: 0.14 });
  });

  it('sum reduction and half squared error: dL/dy = y - t per sample', () => {
    const step = ok({ ...line, mode: 'batch', reduction: 'sum', loss: 'half_squared_error' }).steps[0]!;
    expect(step.dloss_dy).toEqual([-3, -5, -7, -9, -11]);
    expect(step.grad).toEqual({ w: -125, b: -35 });
  });

  it('absolute error: dL/dy = sign(y - t), 0 where y = t (PyTorch)', () => {
    const step = ok({ ...line, params: { w: 2, b: 1 }, data: { columns: ['x', 't'], rows: [[1, 3], [1, 4], [1, 2]] }, mode: 'batch', reduction: 'sum', loss: 'absolute_error' }).steps[0]!;
    expect(step.dloss_dy).toEqual([0, -1, 1]);
  });

  it('converges on a line with enough epochs', () => {
    const result = ok({ ...line, mode: 'batch', optimizer: { type: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, epochs: 2000 });
    expect(result.final.w).toBeCloseTo(2, 3);
    expect(result.final.b).toBeCloseTo(1, 2);
    expect(result.steps.at(-1)!.data_loss).toBeLessThan(1e-4);
  });

  it('stops at the step that diverges, with a message suggesting a smaller rate', () => {
    const result = ok({ ...line, mode: 'batch', optimizer: { type: 'sgd', lr: 1 }, epochs: 500 });
    expect(result.stopped).not.toBeNull();
    expect(result.steps).toHaveLength(result.stopped!.step);
    expect(result.stopped!.reason).toBe('blow_up');
    expect(result.stopped!.message).toMatch(/^Stopped at step \d+: .*the run diverged\. Try a smaller learning rate than 1 \(e\.g\. 0\.1\)\.$/);
  });

  it('a model undefined at the start stops at step 1 without blaming the rate', () => {
    const result = ok({ ...line, model: 'log(w)*x + b', params: { w: -1, b: 0 } });
    expect(result.stopped).toMatchObject({ step: 1, reason: 'nan' });
    expect(result.stopped!.message).toMatch(/y is NaN for sample 1 at the initial parameters \(the model is undefined there/);
  });

  it('names the field of every problem it cannot run', () => {
    const errors = (problem: OptimizeProblem) => {
      const result = runOptimization(problem);
      return result.ok ? [] : result.errors.map((e) => `${e.field}: ${e.message}`);
    };
    expect(errors({ ...line, target: 'y' })).toEqual(['target: "y" is not a column; the columns are x, t']);
    expect(errors({ ...line, model: 'w*x + b + t' })[0]).toMatch(/^model: the model reads "t", the target column/);
    expect(errors({ ...line, params: { w: 0, b: 0, q: 1 } })).toEqual(['params.q: the model has no parameter "q"; its parameters are w, b']);
    expect(errors({ ...line, data: { columns: ['x', 't'], rows: [[1, 2, 3]] } })).toEqual(['data.rows[0]: row 1 has 3 values; it needs 2 (x, t)']);
    expect(errors({ ...line, data: { columns: ['x', 'x', 't'], rows: [] } })[0]).toMatch(/^data.columns\[1\]: the column name "x" appears twice/);
    expect(errors({ ...line, optimizer: { type: 'momentum', form: 'delta', lr: 0.1, beta: 0.9, nesterov: true } })[0]).toMatch(/^optimizer.nesterov:/);
    expect(errors({ ...line, epochs: 5000 })[0]).toMatch(/^epochs: 5000 epochs make 25000 steps; at most 10000 \(here at most 2000 epochs\)/);
    expect(errors({ ...line, model: 'w*x +* b' })[0]).toBe('model: expected a number, a name or "(" but found "*" (at character 6)');
  });
});

describe('the loss surface', () => {
  it('each grid value is the whole-data loss with the other parameters held', () => {
    const problem: OptimizeProblem = { ...SEED_OPTIMIZE_PROBLEM };
    const result = lossSurface(problem, { x: { param: 'a', min: -2, max: 2 }, y: { param: 'd', min: 0, max: 4 }, resolution: 5, at: { a: 9, b: 0.5, c: -1, d: 9 } });
    if (!result.ok) throw new Error('surface failed');
    const { xs, ys, values } = result.surface;
    expect(xs).toEqual([-2, -1, 0, 1, 2]);
    expect(ys).toEqual([0, 1, 2, 3, 4]);
    const prepared = prepareProblem(problem);
    if (!prepared.ok) throw new Error('invalid');
    for (let j = 0; j < 5; j++) {
      for (let i = 0; i < 5; i++) {
        expect(values[j * 5 + i]).toBeCloseTo(dataLoss(prepared.prepared, Float64Array.from([xs[i]!, 0.5, -1, ys[j]!])), 10);
      }
    }
    expect(result.surface.min).toBe(Math.min(...values));
  });

  it('names a wrong axis', () => {
    const result = lossSurface(SEED_OPTIMIZE_PROBLEM, { x: { param: 'q', min: 0, max: 1 }, y: { param: 'a', min: 1, max: 1 } });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['x.param', 'y.min']);
  });
});
