import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from './presets';
import { explainStep } from './explain';
import { formatNumber } from './format';
import { prepareProblem, runOptimization, runPrepared, type RawStep } from './run';

/** The seed's Q4 table (SEED-NOTES.md), row by row. */
const SEED_TABLE = [
  { y: 2, dEdy: -16, delta: [-1.6, -1.6, 1.6, -1.6], after: [2.6, 0.6, -2.6, 2.6] },
  { y: 13, dEdy: 0, delta: [-1.44, -1.44, 1.44, -1.44], after: [4.04, 2.04, -4.04, 4.04] },
];

describe('seed Q4: SGD with momentum, two online steps', () => {
  const result = runOptimization(SEED_OPTIMIZE_PROBLEM);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));

  it('reproduces the table exactly as shown (y, dE/dy, Delta, a b c d after)', () => {
    expect(result.steps).toHaveLength(2);
    SEED_TABLE.forEach((row, i) => {
      const step = result.steps[i]!;
      expect(step.samples).toEqual([i]);
      expect(step.y).toEqual([row.y]);
      expect(step.dloss_dy).toEqual([row.dEdy]);
      expect(['a', 'b', 'c', 'd'].map((p) => step.state.delta![p])).toEqual(row.delta);
      expect(['a', 'b', 'c', 'd'].map((p) => step.params[p])).toEqual(row.after);
      expect(['a', 'b', 'c', 'd'].map((p) => formatNumber(step.params[p]!))).toEqual(row.after.map(String));
    });
    expect(result.steps[0]!.loss).toBe(64);
    expect(result.steps[1]!.loss).toBe(0);
  });

  it('the full-precision run is within float rounding of the table (the display rounding hides only noise)', () => {
    const prepared = prepareProblem(SEED_OPTIMIZE_PROBLEM);
    if (!prepared.ok) throw new Error('seed invalid');
    const raw: RawStep[] = [];
    runPrepared(prepared.prepared, { raw });
    SEED_TABLE.forEach((row, i) => {
      row.after.forEach((value, k) => expect(Math.abs(raw[i]!.paramsAfter[k]! - value)).toBeLessThan(1e-14));
    });
  });

  it('step 2 moves the parameters although the gradient is zero (momentum)', () => {
    expect(result.steps[1]!.grad).toEqual({ a: 0, b: 0, c: 0, d: 0 });
    expect(result.steps[1]!.params).not.toEqual(result.steps[0]!.params);
  });

  it('shows the partials symbolically: dy/da = x1^2, dy/db = x2^2, dy/dc = x1*x2, dy/dd = 1', () => {
    expect(result.model.partials.map((p) => [p.param, p.text])).toEqual([
      ['a', 'x1^2'],
      ['b', 'x2^2'],
      ['c', 'x1*x2'],
      ['d', '1'],
    ]);
    expect(result.model.latex).toBe('a\\,x_{1}^{2} + b\\,x_{2}^{2} + c\\,x_{1}\\,x_{2} + d');
  });

  it('explains every cell with the numbers filled in', () => {
    const first = explainStep(SEED_OPTIMIZE_PROBLEM, 1);
    if (!first.ok) throw new Error('no explanation');
    expect(first.explanation['y:0']!.text).toBe('y = 1*1^2 + (-1)*(-1)^2 + (-1)*1*(-1) + 1 = 2');
    expect(first.explanation['dloss_dy:0']!.text).toBe('dL/dy1 = -2*(10 - 2) = -16');
    expect(first.explanation['grad:c']!.text).toBe('dL/dc = (-16)*(-1) = 16');
    expect(first.explanation['state:delta:a']!.text).toBe('delta_a = 0.9*0 + 0.1*(-16) = -1.6');
    expect(first.explanation['params:a']!.text).toBe('a = 1 - (-1.6) = 2.6');
    const second = explainStep(SEED_OPTIMIZE_PROBLEM, 2);
    if (!second.ok) throw new Error('no explanation');
    expect(second.explanation['state:delta:c']!.text).toBe('delta_c = 0.9*1.6 + 0.1*0 = 1.44');
    expect(second.explanation['params:c']!.text).toBe('c = -2.6 - 1.44 = -4.04');
    expect(second.explanation['params:c']!.substituted).toBe('-2.6 - 1.44');
    expect(second.explanation['dy:a:0']!.text).toBe('dy/da = 2^2 = 4');
    expect(explainStep(SEED_OPTIMIZE_PROBLEM, 3).ok).toBe(false);
  });

  it('PyTorch\'s form (v = beta v + g; w -= lr v) gives the same parameters while the rate is fixed', () => {
    const pytorch = runOptimization({ ...SEED_OPTIMIZE_PROBLEM, optimizer: { type: 'momentum', form: 'pytorch', lr: 0.1, beta: 0.9, nesterov: false } });
    if (!pytorch.ok) throw new Error('invalid');
    expect(pytorch.steps.map((s) => s.params)).toEqual(result.steps.map((s) => s.params));
    expect(pytorch.steps[0]!.state.v).toEqual({ a: -16, b: -16, c: 16, d: -16 });
    expect(pytorch.steps[1]!.state.v).toEqual({ a: -14.4, b: -14.4, c: 14.4, d: -14.4 });
  });
});
