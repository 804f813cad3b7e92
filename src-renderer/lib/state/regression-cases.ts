import type { BiasVarianceRequest, DoubleDescentRequest, RegressionIssue } from '../../../shared/core/regression/index';
import { DEFAULT_BIAS_VARIANCE_CASE, DEFAULT_DOUBLE_DESCENT_CASE } from '../../../shared/core/regression/presets';
import type { BiasVarianceToolState, DoubleDescentToolState } from '../../../shared/project/regression-labs';

/**
 * What the two regression labs send the core, built from their saved settings (plain
 * functions, so the unit tests read them without a worker). The core checks every value
 * and answers with issues as data; these only decide the lists the plots need.
 */

/** The bias-variance lab's first settings: the core's starting case, degree 3 shown. */
export const DEFAULT_BIAS_VARIANCE_TOOL: BiasVarianceToolState = {
  truth: DEFAULT_BIAS_VARIANCE_CASE.truth,
  domain: DEFAULT_BIAS_VARIANCE_CASE.domain ?? [0, 1],
  noise_std: DEFAULT_BIAS_VARIANCE_CASE.noise_std ?? 0.3,
  train_size: DEFAULT_BIAS_VARIANCE_CASE.train_size ?? 20,
  resamples: DEFAULT_BIAS_VARIANCE_CASE.resamples ?? 50,
  seed: DEFAULT_BIAS_VARIANCE_CASE.seed ?? 0,
  family: 'polynomial',
  degree: 3,
  ridge: 0,
  k: 5,
};

/** The double-descent lab's first settings: the core's starting case (n = 20, P = 200), ridge off, p = n shown. */
export const DEFAULT_DOUBLE_DESCENT_TOOL: DoubleDescentToolState = {
  truth: DEFAULT_DOUBLE_DESCENT_CASE.truth,
  domain: DEFAULT_DOUBLE_DESCENT_CASE.domain ?? [0, 1],
  noise_std: DEFAULT_DOUBLE_DESCENT_CASE.noise_std ?? 0.3,
  train_size: DEFAULT_DOUBLE_DESCENT_CASE.train_size ?? 20,
  max_features: DEFAULT_DOUBLE_DESCENT_CASE.features?.length ?? 200,
  seed: DEFAULT_DOUBLE_DESCENT_CASE.seed ?? 0,
  ridge_on: false,
  ridge: 0.01,
  chosen: DEFAULT_DOUBLE_DESCENT_CASE.train_size ?? 20,
};

/** The test grid of the bias-variance lab: 100 evenly spaced points over the domain, ends included. */
export const BIAS_VARIANCE_TEST_POINTS = 100;
/** Degrees on the U-curve: every degree the core fits, 0..15. */
export const POLYNOMIAL_DEGREES: readonly number[] = Array.from({ length: 16 }, (_, degree) => degree);
/** The double-descent lab's test grid (the core's default). */
export const DOUBLE_DESCENT_TEST_POINTS = 500;

/** The slider's ridge values: off, then decades from 10^-6 to 10. */
export const RIDGE_STEPS: readonly number[] = [0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

/** The slider position of a lambda: its step, or the nearest one on a log scale (a lambda from a file). */
export function ridgeStepOf(lambda: number): number {
  const exact = RIDGE_STEPS.indexOf(lambda);
  if (exact >= 0) return exact;
  if (!(lambda > 0)) return 0;
  let best = 1;
  for (let i = 1; i < RIDGE_STEPS.length; i++) {
    if (Math.abs(Math.log10(RIDGE_STEPS[i]!) - Math.log10(lambda)) < Math.abs(Math.log10(RIDGE_STEPS[best]!) - Math.log10(lambda))) best = i;
  }
  return best;
}

export const TRUTH_CHOICES = ['sin', 'cubic', 'step', 'formula'] as const;
export type TruthChoice = (typeof TRUTH_CHOICES)[number];

/** Which of the truth menu's entries the text is: a preset name, or a typed formula. */
export function truthChoiceOf(truth: string): TruthChoice {
  const trimmed = truth.trim();
  return trimmed === 'sin' || trimmed === 'cubic' || trimmed === 'step' ? trimmed : 'formula';
}

/** The k shown: the saved k, at most n (the slider's range follows n). */
export function shownK(tool: BiasVarianceToolState): number {
  return Math.max(1, Math.min(tool.k, tool.train_size));
}

/** The complexity whose fan is shown: the degree, or k. */
export function chosenComplexity(tool: BiasVarianceToolState): number {
  return tool.family === 'polynomial' ? tool.degree : shownK(tool);
}

/**
 * The core's request: every degree 0..15 (or every k = 1..n) for the U-curve, and the chosen
 * one for the fan. Polynomials carry the ridge; k-NN has none.
 */
export function biasVarianceRequest(tool: BiasVarianceToolState): BiasVarianceRequest {
  return {
    case: {
      truth: tool.truth,
      domain: [tool.domain[0], tool.domain[1]],
      noise_std: tool.noise_std,
      train_size: tool.train_size,
      resamples: tool.resamples,
      test_points: BIAS_VARIANCE_TEST_POINTS,
      model: tool.family === 'polynomial' ? { family: 'polynomial', degrees: [...POLYNOMIAL_DEGREES], ridge: tool.ridge } : { family: 'knn', ks: Array.from({ length: tool.train_size }, (_, k) => k + 1) },
      seed: tool.seed,
    },
    chosen: chosenComplexity(tool),
  };
}

/** The p shown: the saved one, at most P. */
export function shownFeatures(tool: DoubleDescentToolState): number {
  return Math.max(1, Math.min(tool.chosen, tool.max_features));
}

/** The core's request: p = 1..P features of one draw, ridge only while the switch is on. */
export function doubleDescentRequest(tool: DoubleDescentToolState): DoubleDescentRequest {
  return {
    case: {
      truth: tool.truth,
      domain: [tool.domain[0], tool.domain[1]],
      noise_std: tool.noise_std,
      train_size: tool.train_size,
      test_points: DOUBLE_DESCENT_TEST_POINTS,
      features: Array.from({ length: tool.max_features }, (_, p) => p + 1),
      ridge: tool.ridge_on ? tool.ridge : 0,
      seed: tool.seed,
    },
    chosen: shownFeatures(tool),
  };
}

/** The issues about the truth formula (shown at its field) and the rest (shown above the plots). */
export function splitTruthIssues(issues: readonly RegressionIssue[]): { truth: RegressionIssue[]; other: RegressionIssue[] } {
  return { truth: issues.filter((issue) => issue.field === 'truth'), other: issues.filter((issue) => issue.field !== 'truth') };
}

/**
 * How far the measured test error is from the expected error, the two numbers the lab says
 * agree up to sampling error: the difference (test - expected) and its share of the expected.
 */
export function errorAgreement(entry: { expected_error: number; test_error: number }): { difference: number; share: number } {
  const difference = entry.test_error - entry.expected_error;
  return { difference, share: entry.expected_error > 0 ? Math.abs(difference) / entry.expected_error : 0 };
}
