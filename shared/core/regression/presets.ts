import type { BiasVarianceCaseInput, DoubleDescentCaseInput } from './case';

/** The bias-variance lab's starting case: Bishop's sin(2 pi x) with sigma 0.3, 20 points, 50 resamples, degrees 0..15. */
export const DEFAULT_BIAS_VARIANCE_CASE: BiasVarianceCaseInput = {
  truth: 'sin',
  domain: [0, 1],
  noise_std: 0.3,
  train_size: 20,
  resamples: 50,
  test_points: 100,
  model: { family: 'polynomial', degrees: Array.from({ length: 16 }, (_, d) => d), ridge: 0 },
  seed: 0,
};

/** The double-descent lab's starting case: 20 points, p = 1..200 features, no ridge (the peak at p = 20). */
export const DEFAULT_DOUBLE_DESCENT_CASE: DoubleDescentCaseInput = {
  truth: 'sin',
  domain: [0, 1],
  noise_std: 0.3,
  train_size: 20,
  test_points: 500,
  features: Array.from({ length: 200 }, (_, p) => p + 1),
  ridge: 0,
  seed: 0,
};
