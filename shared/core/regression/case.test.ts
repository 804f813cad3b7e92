import { describe, expect, it } from 'vitest';
import { checkBiasVarianceCase, checkDoubleDescentCase } from './case';
import { describeRegressionIssue, formatRegressionIssue } from './issues';
import { readTruth } from './truth';
import { runBiasVariance } from './run';

const base = { truth: 'sin', model: { family: 'polynomial' } };

function issuesOf(value: unknown) {
  const checked = checkBiasVarianceCase(value);
  if (checked.ok) throw new Error('the case was accepted');
  return checked.issues.map(({ field, code, values }) => ({ field, code, values }));
}

describe('truths', () => {
  const at = (text: string, x: number, domain: [number, number] = [0, 1]) => {
    const read = readTruth(text, domain);
    if (!read.ok) throw new Error(read.issue.message);
    return read.truth.at(x);
  };

  it('presets: sin(2 pi x), x^3 - x, and the step at the domain midpoint (0 at the midpoint itself)', () => {
    expect(at('sin', 0.25)).toBeCloseTo(1, 15);
    expect(at('sin', 0.125)).toBeCloseTo(Math.SQRT1_2, 15);
    expect(at('cubic', 2)).toBe(6);
    expect(at('cubic', -0.5)).toBe(0.375);
    expect(at('step', 0.49)).toBe(0);
    expect(at('step', 0.5)).toBe(0);
    expect(at('step', 0.51)).toBe(1);
    expect(at('step', 2.9, [2, 4])).toBe(0);
    expect(at('step', 3.1, [2, 4])).toBe(1);
    const sin = readTruth('sin', [0, 1]);
    expect(sin.ok && sin.truth.text).toBe('sin(2*pi*x)');
    expect(sin.ok && sin.truth.latex).toBe('\\sin\\left(2\\,\\pi\\,x\\right)');
  });

  it('formulas in the expression language, with x and pi', () => {
    expect(at('sin(2*pi*x) + 0.5*x^2', 0.5)).toBeCloseTo(0.125, 14);
    expect(at('relu(x - 1)', 3)).toBe(2);
  });

  it('a syntax error carries the parser code, its position and the English; another name is refused where it is', () => {
    const syntax = readTruth('2*x +', [0, 1]);
    expect(syntax.ok).toBe(false);
    if (!syntax.ok) {
      expect(syntax.issue).toMatchObject({ field: 'truth', code: 'formula_syntax', values: { position: 5, reason: 'ends_early' } });
      expect(syntax.issue.message).toBe('the formula ends too early: a value is missing (at character 6)');
    }
    const name = readTruth('sin(x) + a*x', [0, 1]);
    expect(name.ok || name.issue).toMatchObject({ field: 'truth', code: 'unknown_name', values: { name: 'a', position: 9 } });
    expect(name.ok || name.issue.message).toBe('the formula reads "a" (at character 10); it may read only x (and the constant pi)');
  });

  it('a truth that is not finite on the domain is refused at the point where it fails', () => {
    expect(runBiasVariance({ case: { ...base, truth: 'log(x)', model: { family: 'polynomial', degrees: [1] } } })).toMatchObject({ ok: false, issues: [{ field: 'truth', code: 'truth_not_finite', values: { x: 0 } }] });
  });
});

describe('checkBiasVarianceCase', () => {
  it('fills in the defaults', () => {
    const checked = checkBiasVarianceCase(base);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.settings).toMatchObject({ domain: [0, 1], noiseStd: 0.3, trainSize: 20, resamples: 50, testPoints: 100, seed: 0, datasets: null, testTargets: null });
    expect(checked.settings.model).toEqual({ family: 'polynomial', degrees: Array.from({ length: 16 }, (_, d) => d), ridge: 0 });
    const knn = checkBiasVarianceCase({ ...base, train_size: 4, model: { family: 'knn' } });
    expect(knn.ok && knn.settings.model).toEqual({ family: 'knn', ks: [1, 2, 3, 4] });
  });

  it('refuses each limit with the limit named', () => {
    expect(issuesOf({ ...base, train_size: 5000, resamples: 501, test_points: 1001 })).toEqual([
      { field: 'test_points', code: 'too_large', values: { max: 1000, value: 1001 } },
      { field: 'train_size', code: 'too_large', values: { max: 1000, value: 5000 } },
      { field: 'resamples', code: 'too_large', values: { max: 500, value: 501 } },
    ]);
    expect(issuesOf({ ...base, model: { family: 'polynomial', degrees: [3, 16] } })).toEqual([{ field: 'model.degrees[1]', code: 'too_large', values: { max: 15, value: 16 } }]);
    expect(issuesOf({ ...base, train_size: 10, model: { family: 'knn', ks: [0, 11] } })).toEqual([
      { field: 'model.ks[0]', code: 'too_small', values: { min: 1, value: 0 } },
      { field: 'model.ks[1]', code: 'too_large', values: { max: 10, value: 11 } },
    ]);
    expect(issuesOf({ ...base, test_points: 1 })).toEqual([{ field: 'test_points', code: 'too_small', values: { min: 2, value: 1 } }]);
  });

  it('names wrong types, fractions, negatives, unknown fields, duplicates and an unknown family', () => {
    expect(issuesOf({ ...base, noise_std: -1, train_size: 2.5, seed: 'x', extra: 1, domain: [1, 0] })).toEqual([
      { field: 'extra', code: 'unknown_field', values: { name: 'extra' } },
      { field: 'domain', code: 'domain_order', values: { low: 1, high: 0 } },
      { field: 'noise_std', code: 'too_small', values: { min: 0, value: -1 } },
      { field: 'seed', code: 'wrong_type', values: { expected: 'integer' } },
      { field: 'train_size', code: 'not_integer', values: { value: 2.5 } },
    ]);
    expect(issuesOf({ ...base, model: { family: 'polynomial', degrees: [2, 2], ridge: -1 } })).toEqual([
      { field: 'model.degrees[1]', code: 'duplicate', values: { value: 2 } },
      { field: 'model.ridge', code: 'too_small', values: { min: 0, value: -1 } },
    ]);
    expect(issuesOf({ truth: 'sin', model: { family: 'spline' } })).toEqual([{ field: 'model.family', code: 'unknown_choice', values: { value: 'spline', choices: 'polynomial, knn' } }]);
    expect(issuesOf({ model: { family: 'knn' } })).toEqual([{ field: 'truth', code: 'required', values: {} }]);
    expect(issuesOf('nonsense')).toEqual([{ field: '', code: 'wrong_type', values: { expected: 'object' } }]);
  });

  it('explicit datasets: sizes must agree, and train_size / resamples must agree with them', () => {
    expect(issuesOf({ ...base, datasets: [{ x: [0, 1], y: [1] }] })).toEqual([{ field: 'datasets[0].y', code: 'length_mismatch', values: { expected: 2, count: 1 } }]);
    expect(issuesOf({ ...base, datasets: [{ x: [0, 1], y: [1, 2] }, { x: [0], y: [1] }] })).toEqual([{ field: 'datasets[1].x', code: 'length_mismatch', values: { expected: 2, count: 1 } }]);
    expect(issuesOf({ ...base, train_size: 3, resamples: 2, datasets: [{ x: [0, 1], y: [1, 2] }] })).toEqual([
      { field: 'train_size', code: 'conflicts_with_datasets', values: { value: 3, datasets: 2 } },
      { field: 'resamples', code: 'conflicts_with_datasets', values: { value: 2, datasets: 1 } },
    ]);
    expect(issuesOf({ ...base, test_points: 3, test_targets: [1, 2] })).toEqual([{ field: 'test_targets', code: 'length_mismatch', values: { expected: 3, count: 2 } }]);
    expect(issuesOf({ ...base, datasets: [{ x: [0, 'a'], z: 1 }] })).toEqual([
      { field: 'datasets[0].z', code: 'unknown_field', values: { name: 'z' } },
      { field: 'datasets[0].y', code: 'required', values: {} },
    ]);
    const checked = checkBiasVarianceCase({ ...base, train_size: 2, datasets: [{ x: [0, 1], y: [1, 2] }] });
    expect(checked.ok && [checked.settings.trainSize, checked.settings.resamples]).toEqual([2, 1]);
  });

  it('phrases every issue in English once (the CLI prints "field: message")', () => {
    const checked = checkBiasVarianceCase({ ...base, train_size: 5000 });
    expect(!checked.ok && formatRegressionIssue(checked.issues[0]!)).toBe('train_size: must be at most 1000, got 5000');
    expect(describeRegressionIssue({ code: 'wrong_type', values: { expected: 'integer' } })).toBe('must be an integer');
    expect(describeRegressionIssue({ code: 'too_much_work', values: { work: 3e8, max: 2e8 } })).toBe('makes 300000000 units of work, at most 200000000: use fewer training points or features');
  });
});

describe('checkDoubleDescentCase', () => {
  it('defaults p = 1..10n, and refuses too many features, too much work, and a feature count of 0', () => {
    const checked = checkDoubleDescentCase({ truth: 'sin', train_size: 7 });
    expect(checked.ok && checked.settings.features).toEqual(Array.from({ length: 70 }, (_, p) => p + 1));
    const bad = checkDoubleDescentCase({ truth: 'sin', features: [0, 1001], train_size: 201 });
    expect(bad.ok || bad.issues.map(({ field, code, values }) => ({ field, code, values }))).toEqual([
      { field: 'train_size', code: 'too_large', values: { max: 200, value: 201 } },
      { field: 'features[0]', code: 'too_small', values: { min: 1, value: 0 } },
      { field: 'features[1]', code: 'too_large', values: { max: 1000, value: 1001 } },
    ]);
    const heavy = checkDoubleDescentCase({ truth: 'sin', train_size: 200, features: Array.from({ length: 1000 }, (_, p) => p + 1) });
    expect(heavy.ok || heavy.issues[0]).toMatchObject({ field: 'features', code: 'too_much_work', values: { max: 2e8 } });
  });
});
