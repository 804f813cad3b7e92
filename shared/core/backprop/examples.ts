import type { BackpropCaseInput } from './types';

/**
 * Question 3 of the seed, the backprop tool's default case and first preset: a 2x2 filter
 * over a 3x3 input whose bottom-left window is [[-1, 5], [3, 0]]; z = [[8, 6], [10, 8]]
 * peaks at z3 = 10, global max pooling gives a = 10, and with dL/da = 1:
 * dL/dw = (-1, 5, 3, 0), dL/db = 1.
 */
export const SEED_BACKPROP_CASE: BackpropCaseInput = {
  input: [
    [1, 0, 0],
    [-1, 5, -2],
    [3, 0, 2],
  ],
  filters: [
    [1, 1],
    [1, 1],
  ],
  bias: [3],
  stride: 1,
  padding: 0,
  dilation: 1,
  activation: 'none',
  pool: { type: 'globalmax' },
  upstream: 1,
  ties: 'first',
};

/**
 * The example case of issue 4's CLI (`npx layerwise backprop <file|-> --json`): a 2x2 filter
 * over a 4x4 input with global max pooling. The app offers it as a second preset; the tests
 * work its tensors out by hand.
 */
export const BACKPROP_CLI_EXAMPLE: BackpropCaseInput = {
  input: [[[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0, 2], [1, 0, 1, 3]]],
  filters: [[[[1, -1], [0, 2]]]],
  bias: [0.5],
  stride: 1,
  padding: 0,
  dilation: 1,
  activation: 'none',
  pool: { type: 'globalmax' },
  upstream: 1,
  ties: 'first',
};
