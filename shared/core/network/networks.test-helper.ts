import type { NetworkSpec } from './spec';

/**
 * Networks several tests read (the engine's fields, the region code, the derivation books), kept
 * in one place so they stay the same network.
 */

/** One of every layer kind, with padding 'same', ceil mode, uneven adaptive pooling and a vector tail. */
export const EVERY_LAYER_KIND: NetworkSpec = {
  input: [4, 9, 9],
  layers: [
    { type: 'conv2d', out_channels: 4, kernel: [3, 1], padding: 'same' },
    { type: 'convtranspose2d', out_channels: 4, kernel: 3, stride: 2, padding: 1 },
    { type: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true, padding: 1 },
    { type: 'avgpool2d', kernel: 2 },
    { type: 'adaptiveavgpool2d', output_size: [3, 2] },
    { type: 'batchnorm2d' },
    { type: 'leakyrelu' },
    { type: 'dropout2d' },
    { type: 'linear', out_features: 3 },
    { type: 'globalmaxpool2d' },
    { type: 'flatten' },
    { type: 'softmax' },
    { type: 'linear', out_features: 2 },
  ],
};

/**
 * Issue 9's worked example: units of unequal reach after a transposed convolution; after the
 * max-pool the largest field is 8 rows high (spans [6m - 3, 6m + 4]), not 11.
 */
export const ISSUE_9_UNEVEN_UNITS: NetworkSpec = {
  input: [1, 32, 16],
  layers: [
    { type: 'conv2d', out_channels: 1, kernel: [2, 3], stride: 2, padding: 1 },
    { type: 'conv2d', out_channels: 1, kernel: 1, stride: 3, padding: [1, 0] },
    { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1 },
    { type: 'maxpool2d', kernel: 2, stride: 1 },
  ],
};
