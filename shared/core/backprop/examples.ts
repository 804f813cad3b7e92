import type { BackpropCaseInput } from './types';

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
