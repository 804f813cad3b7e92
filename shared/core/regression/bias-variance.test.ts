import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeBiasVariance, fitsAt } from './bias-variance';
import { checkBiasVarianceCase, type BiasVarianceCaseInput } from './case';
import { DEFAULT_BIAS_VARIANCE_CASE } from './presets';
import { explainBiasVariance, runBiasVariance } from './run';

/**
 * The hand-worked case: truth f(x) = x on [0, 1], a 2-point grid (x = 0 and 1), sigma 0.5, two
 * training sets D1 = {(0, 0), (1, 2)} and D2 = {(0, 0), (1, 0)}, fresh targets y* = (0, 1).
 *
 * Degree 0 (the mean of y): f_D1 = 1, f_D2 = 0, so f_bar = 0.5 everywhere.
 *   bias^2   = ((0.5 - 0)^2 + (0.5 - 1)^2) / 2 = 0.25
 *   variance = (1/2) sum_t (1/2) sum_D (f_D - 0.5)^2 = (0.25 + 0.25) / 2 = 0.25
 *   noise    = 0.25, expected = 0.75
 *   test     = (1/2)[((1-0)^2 + (1-1)^2)/2 + ((0-0)^2 + (0-1)^2)/2] = 0.5
 *   train    = (1/2)[((1-0)^2 + (1-2)^2)/2 + 0] = 0.5
 * Degree 1 (the line through both points): f_D1 = 2x, f_D2 = 0, f_bar = x = f.
 *   bias^2 = 0; variance = (0 + ((2-1)^2 + (0-1)^2)/2) / 2 = 0.5; expected = 0.75
 *   test = (1/2)[((0-0)^2 + (2-1)^2)/2 + ((0-0)^2 + (0-1)^2)/2] = 0.5; train = 0
 * k-NN on the same sets: k = 1 is the line (each grid point is a training point), k = 2 the mean.
 */
const HAND_CASE: BiasVarianceCaseInput = {
  truth: 'x',
  domain: [0, 1],
  noise_std: 0.5,
  test_points: 2,
  model: { family: 'polynomial', degrees: [0, 1] },
  datasets: [
    { x: [0, 1], y: [0, 2] },
    { x: [0, 1], y: [0, 0] },
  ],
  test_targets: [0, 1],
};

const DEGREE_0 = { bias2: 0.25, variance: 0.25, noise: 0.25, expected_error: 0.75, test_error: 0.5, train_error: 0.5, mean_fit: [0.5, 0.5] };
const DEGREE_1 = { bias2: 0, variance: 0.5, noise: 0.25, expected_error: 0.75, test_error: 0.5, train_error: 0, mean_fit: [0, 1] };

/** Every number within 1e-12 (the line's fit carries rounding of order 1e-16). */
function expectNumbers(actual: unknown, expected: unknown): void {
  if (typeof expected === 'number') return void expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-12);
  if (Array.isArray(expected)) {
    expect(actual).toHaveLength(expected.length);
    return expected.forEach((value, i) => expectNumbers((actual as unknown[])[i], value));
  }
  expect(Object.keys(actual as object).sort()).toEqual(Object.keys(expected as object).sort());
  for (const [key, value] of Object.entries(expected as object)) expectNumbers((actual as Record<string, unknown>)[key], value);
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

describe('the decomposition, worked by hand', () => {
  it('polynomial degrees 0 and 1', () => {
    const result = ok(runBiasVariance({ case: HAND_CASE }));
    expectNumbers(result.results, [
      { complexity: 0, ...DEGREE_0 },
      { complexity: 1, ...DEGREE_1 },
    ]);
    expect(result.grid).toEqual([0, 1]);
    expect(result.truth_on_grid).toEqual([0, 1]);
    // Both expected errors are 0.75 (up to rounding), so the fan is asked for explicitly below.
    expectNumbers(ok(runBiasVariance({ case: HAND_CASE, chosen: 0 })).chosen, { complexity: 0, fits: [[1, 1], [0, 0]], mean_fit: [0.5, 0.5] });
  });

  it('k-NN: k = 1 is the line, k = 2 the mean', () => {
    const result = ok(runBiasVariance({ case: { ...HAND_CASE, model: { family: 'knn', ks: [2, 1] } }, chosen: 1 }));
    expectNumbers(result.results, [
      { complexity: 2, ...DEGREE_0 },
      { complexity: 1, ...DEGREE_1 },
    ]);
    expectNumbers(result.chosen, { complexity: 1, fits: [[0, 2], [0, 0]], mean_fit: [0, 1] });
  });

  it('derivations carry the same numbers, filled in', () => {
    const { explanation } = ok(explainBiasVariance({ case: HAND_CASE, complexity: 0, point: 1 }));
    expect(explanation.bias2!.text).toBe('bias^2 = (1/2)*[(0.5 - 0)^2 + (0.5 - 1)^2] = 0.25');
    expect(explanation.variance!.text).toBe('variance = (1/2)*[0.25 + 0.25] = 0.25');
    expect(explanation.noise!.text).toBe('noise = 0.5^2 = 0.25');
    expect(explanation.expected_error!.text).toBe('expected error = 0.25 + 0.25 + 0.25 = 0.75');
    expect(explanation.test_error!.text).toBe('test error = (1/2)*[0.5 + 0.5] = 0.5');
    expect(explanation.train_error!.text).toBe('train error = (1/2)*[1 + 0] = 0.5');
    expect(explanation.mean_fit!.text).toBe('f_bar(1) = (1/2)*[1 + 0] = 0.5');
    expect(explanation.truth!.text).toBe('f(1) = 1 = 1');
    expect(explanation.variance_at!.text).toBe('variance at 1 = (1/2)*[(1 - 0.5)^2 + (0 - 0.5)^2] = 0.25');
    expect(explanation.bias2_at!.text).toBe('bias^2 at 1 = (0.5 - 1)^2 = 0.25');
    expect(explanation.expected_error!.substituted).toBe('0.25 + 0.25 + 0.25');
    expect(explanation.bias2!.formula).toContain('\\bar f(x_t) - f(x_t)');
  });

  it('refuses a complexity or grid point the case does not have, naming the field', () => {
    expect(explainBiasVariance({ case: HAND_CASE, complexity: 3 })).toMatchObject({ ok: false, issues: [{ field: 'complexity', code: 'unknown_choice', values: { value: '3', choices: '0, 1' } }] });
    expect(explainBiasVariance({ case: HAND_CASE, complexity: 0, point: 2 })).toMatchObject({ ok: false, issues: [{ field: 'point', code: 'too_large', values: { max: 1 } }] });
    expect(runBiasVariance({ case: HAND_CASE, chosen: 7 })).toMatchObject({ ok: false, issues: [{ field: 'chosen', code: 'unknown_choice' }] });
  });
});

describe('the decomposition on drawn cases', () => {
  it('bias^2 + variance is exactly the mean squared distance of the fits from f (every family, any case)', () => {
    fc.assert(
      fc.property(
        fc.record({
          truth: fc.constantFrom('sin', 'cubic', 'step', 'exp(x) - 2*x^2'),
          train_size: fc.integer({ min: 2, max: 15 }),
          resamples: fc.integer({ min: 1, max: 12 }),
          test_points: fc.integer({ min: 2, max: 30 }),
          noise_std: fc.double({ min: 0, max: 1, noNaN: true }),
          seed: fc.integer({ min: 0, max: 1000 }),
          knn: fc.boolean(),
          ridge: fc.constantFrom(0, 0.01, 1),
        }),
        ({ knn, ridge, ...rest }) => {
          const checked = checkBiasVarianceCase({ ...rest, domain: [-1, 2], model: knn ? { family: 'knn' } : { family: 'polynomial', ridge } });
          if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
          const analysis = analyzeBiasVariance(checked.settings);
          analysis.complexities.forEach((complexity, j) => {
            const fits = fitsAt(analysis, complexity);
            let distance = 0;
            for (const fit of fits) fit.forEach((value, t) => (distance += (value - analysis.truthOnGrid[t]!) ** 2));
            distance /= fits.length * analysis.grid.length;
            const { bias2, variance } = analysis.results[j]!;
            expect(Math.abs(bias2 + variance - distance)).toBeLessThan(1e-9 * (1 + distance));
            // f_bar is the mean of the fan.
            analysis.meanFit[j]!.forEach((mean, t) => {
              const direct = fits.reduce((s, fit) => s + fit[t]!, 0) / fits.length;
              expect(Math.abs(mean - direct)).toBeLessThan(1e-9 * (1 + Math.abs(direct)));
            });
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the measured test error agrees with the expected error up to sampling error (R = 200, 1000 test points)', () => {
    const result = ok(runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 200, test_points: 1000, model: { family: 'polynomial', degrees: [0, 1, 3, 5] } } }));
    for (const entry of result.results) {
      // The gap is the noise on the targets, (1/T) sum (eps_t^2 - sigma^2) (sd sigma^2 sqrt(2/T) ~ 0.004),
      // and the cross term -2 mean (f_D - f) eps_t: a few hundredths at most here.
      expect(Math.abs(entry.test_error - entry.expected_error)).toBeLessThan(0.03 + 0.05 * entry.expected_error);
    }
  });

  it('shows the trade-off on the default case: bias falls and variance rises with the degree, train error falls', () => {
    const result = ok(runBiasVariance({ case: DEFAULT_BIAS_VARIANCE_CASE }));
    const at = (degree: number) => result.results.find((entry) => entry.complexity === degree)!;
    expect(at(0).bias2).toBeGreaterThan(at(3).bias2 * 10);
    expect(at(9).variance).toBeGreaterThan(at(3).variance * 10);
    expect(at(15).train_error).toBeLessThan(at(0).train_error);
    // The U-curve's bottom: sin(2 pi x) with 20 points is best fitted by a cubic.
    expect(result.best).toBe(3);
    expect(result.chosen.fits).toHaveLength(50);
    expect(result.chosen.fits[0]).toHaveLength(100);
  });

  it('the fresh test targets are one set shared by every resample, and the draws keep their place when R or n grows', () => {
    const small = ok(runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 3, train_size: 5 } }));
    const large = ok(runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 6, train_size: 8 } }));
    expect(large.test_targets).toEqual(small.test_targets);
    small.datasets.forEach((dataset, r) => {
      expect(large.datasets[r]!.x.slice(0, 5)).toEqual(dataset.x);
      expect(large.datasets[r]!.y.slice(0, 5)).toEqual(dataset.y);
    });
    // Noise sigma = 0: the targets are the truth.
    const clean = ok(runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, noise_std: 0, resamples: 2 } }));
    expect(clean.test_targets).toEqual(clean.truth_on_grid);
  });

  it('a result fed back as explicit datasets and targets reproduces itself', () => {
    const first = ok(runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 5 } }));
    const { resamples: _r, train_size: _n, ...rest } = DEFAULT_BIAS_VARIANCE_CASE;
    const again = ok(runBiasVariance({ case: { ...rest, datasets: first.datasets, test_targets: first.test_targets } }));
    expect(again.results).toEqual(first.results);
  });
});
