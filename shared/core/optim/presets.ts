import type { OptimizeProblem } from './problem';

/** Question 4 of the seed: two online steps of momentum (delta form) on y = a x1^2 + b x2^2 + c x1 x2 + d. */
export const SEED_OPTIMIZE_PROBLEM: OptimizeProblem = {
  model: 'a*x1^2 + b*x2^2 + c*x1*x2 + d',
  params: { a: 1, b: -1, c: -1, d: 1 },
  data: {
    columns: ['x1', 'x2', 't'],
    rows: [
      [1, -1, 10],
      [2, 0, 13],
    ],
  },
  target: 't',
  loss: 'squared_error',
  reduction: 'mean',
  optimizer: { type: 'momentum', form: 'delta', lr: 0.1, beta: 0.9, nesterov: false },
  mode: 'online',
  batch_size: 1,
  epochs: 1,
  shuffle: false,
  seed: 0,
};

