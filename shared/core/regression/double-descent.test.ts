import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOUBLE_DESCENT_CASE } from './presets';
import { explainDoubleDescent, runDoubleDescent } from './run';

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

const relu = (u: number) => (u > 0 ? u : 0);

describe('double descent', () => {
  const result = ok(runDoubleDescent({ case: DEFAULT_DOUBLE_DESCENT_CASE }));
  const at = (p: number) => result.results.find((entry) => entry.features === p)!;

  it('peaks within a few features of p = n on the default case (n = 20), then descends again', () => {
    expect(result.threshold).toBe(20);
    expect(Math.abs(result.peak - 20)).toBeLessThanOrEqual(3);
    expect(at(result.peak).test_error).toBeGreaterThan(5 * at(200).test_error);
    expect(at(result.peak).test_error).toBeGreaterThan(at(1).test_error);
    // Past the threshold the minimum-norm fit interpolates the training points.
    expect(at(40).train_error).toBeLessThan(1e-12);
    expect(at(200).train_error).toBeLessThan(1e-12);
    expect(at(5).train_error).toBeGreaterThan(1e-3);
    // The coefficients are largest near the threshold.
    expect(at(result.peak).coefficient_norm).toBeGreaterThan(10 * at(200).coefficient_norm);
  });

  it('a ridge penalty removes the peak', () => {
    const ridged = ok(runDoubleDescent({ case: { ...DEFAULT_DOUBLE_DESCENT_CASE, ridge: 1e-3 } }));
    const near = ridged.results.filter((entry) => Math.abs(entry.features - 20) <= 3).map((entry) => entry.test_error);
    expect(Math.max(...near)).toBeLessThan(at(1).test_error);
    expect(Math.max(...ridged.results.map((entry) => entry.test_error))).toBeLessThan(at(result.peak).test_error / 10);
    expect(Math.abs(ridged.peak - 20)).toBeGreaterThan(3);
  });

  it('each p uses the first p of one draw of max(p) features; the fit is the pseudo-inverse solution, its errors as defined', () => {
    const few = ok(runDoubleDescent({ case: { ...DEFAULT_DOUBLE_DESCENT_CASE, features: [30, 10] }, chosen: 10 }));
    expect(few.w).toEqual(result.w.slice(0, 30));
    expect(few.b).toEqual(result.b.slice(0, 30));
    expect(few.train).toEqual(result.train);
    const p = 10;
    const design = few.train.x.map((x) => few.w.slice(0, p).map((w, j) => relu(w * x + few.b[j]!)));
    const c = pseudoInverse(new MlMatrix(design)).mmul(MlMatrix.columnVector(few.train.y)).to1DArray();
    few.chosen.coefficients.forEach((value, j) => expect(value).toBeCloseTo(c[j]!, 8));
    const predict = (x: number) => c.reduce((sum, cj, j) => sum + cj * relu(few.w[j]! * x + few.b[j]!), 0);
    const test = few.grid.reduce((sum, x, t) => sum + (predict(x) - few.truth_on_grid[t]!) ** 2, 0) / few.grid.length;
    const train = few.train.x.reduce((sum, x, i) => sum + (predict(x) - few.train.y[i]!) ** 2, 0) / few.train.x.length;
    expect(few.results[1]).toMatchObject({ features: 10 });
    expect(few.results[1]!.test_error).toBeCloseTo(test, 9);
    expect(few.results[1]!.train_error).toBeCloseTo(train, 9);
    // No intercept: with every feature 0 at x the fit is 0 there.
    few.chosen.fit.forEach((value, t) => expect(value).toBeCloseTo(predict(few.grid[t]!), 8));
  });

  it('the training inputs are stratified (one per cell of the domain) and the kinks lie in the domain', () => {
    result.train.x.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(i / 20);
      expect(x).toBeLessThan((i + 1) / 20);
    });
    result.w.forEach((w, j) => {
      const kink = -result.b[j]! / w;
      expect(kink).toBeGreaterThanOrEqual(-1e-12);
      expect(kink).toBeLessThanOrEqual(1 + 1e-12);
    });
  });

  it('explains the errors, the norm and the fit at a grid point with the numbers filled in', () => {
    const { explanation } = ok(explainDoubleDescent({ case: { ...DEFAULT_DOUBLE_DESCENT_CASE, features: [3] }, features: 3, point: 0 }));
    const three = ok(runDoubleDescent({ case: { ...DEFAULT_DOUBLE_DESCENT_CASE, features: [3] } }));
    expect(explanation.test_error!.text).toMatch(new RegExp(`^test error = \\(1/500\\)\\*\\[.* \\(500 terms\\)\\] = ${three.results[0]!.test_error}$`));
    expect(explanation.coefficient_norm!.text).toMatch(/^\|\|c\|\| = sqrt\(.*\^2 \+ .*\^2 \+ .*\^2\) = /);
    expect(explanation.fit!.text).toMatch(/^f_hat\(0\) = .*\*relu\(.*\) \+ .*\*relu\(.*\) \+ .*\*relu\(.*\) = /);
    expect(explainDoubleDescent({ case: DEFAULT_DOUBLE_DESCENT_CASE, features: 999 })).toMatchObject({ ok: false, issues: [{ field: 'features', code: 'unknown_choice' }] });
  });
});
