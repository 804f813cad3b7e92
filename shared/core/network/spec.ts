/**
 * Network specification: what a student or instructor writes. Field names are
 * snake_case as in PyTorch's constructor arguments; omitted fields take PyTorch's
 * defaults. Values here are *not yet validated*: the engine checks every value and
 * reports problems per layer instead of throwing (see `summarizeNetwork`).
 */

/** A size given once for both axes, or as [height, width]. */
export type IntOrPair = number | readonly [number, number];

/** Convolution padding: a number, [h, w], or PyTorch's string forms. */
export type ConvPadding = IntOrPair | 'same' | 'valid';

export interface Conv2dSpec {
  type: 'conv2d';
  out_channels: number;
  kernel: IntOrPair;
  /** default 1 */
  stride?: IntOrPair;
  /** default 0; "same" requires stride 1 (as in PyTorch) */
  padding?: ConvPadding;
  /** default 1 */
  dilation?: IntOrPair;
  /** default 1; must divide in_channels and out_channels */
  groups?: number;
  /** default true */
  bias?: boolean;
}

export interface ConvTranspose2dSpec {
  type: 'convtranspose2d';
  out_channels: number;
  kernel: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair;
  /** default 0; must be smaller than stride or dilation (PyTorch's rule) */
  output_padding?: IntOrPair;
  dilation?: IntOrPair;
  groups?: number;
  bias?: boolean;
}

export interface MaxPool2dSpec {
  type: 'maxpool2d';
  kernel: IntOrPair;
  /** default: the kernel size */
  stride?: IntOrPair;
  /** default 0; at most half the kernel */
  padding?: IntOrPair;
  /** default 1 */
  dilation?: IntOrPair;
  /** default false */
  ceil_mode?: boolean;
}

export interface AvgPool2dSpec {
  type: 'avgpool2d';
  kernel: IntOrPair;
  stride?: IntOrPair;
  padding?: IntOrPair;
  ceil_mode?: boolean;
  /** default true */
  count_include_pad?: boolean;
}

export interface GlobalPool2dSpec {
  type: 'globalmaxpool2d' | 'globalavgpool2d';
}

export interface AdaptiveAvgPool2dSpec {
  type: 'adaptiveavgpool2d';
  output_size: IntOrPair;
}

export interface BatchNorm2dSpec {
  type: 'batchnorm2d';
  /** default 1e-5 */
  eps?: number;
  /** default 0.1 */
  momentum?: number;
  /** default true: learnable gamma and beta (2*C trainable parameters) */
  affine?: boolean;
  /** default true: running mean and variance (2*C buffers; PyTorch also keeps num_batches_tracked) */
  track_running_stats?: boolean;
}

export interface ElementwiseActivationSpec {
  type: 'relu' | 'sigmoid' | 'tanh' | 'gelu';
}

export interface LeakyReluSpec {
  type: 'leakyrelu';
  /** default 0.01 */
  negative_slope?: number;
}

export interface SoftmaxSpec {
  type: 'softmax';
  /** default 1 (the channel / feature axis, counting the batch axis as 0) */
  dim?: number;
}

export interface DropoutSpec {
  type: 'dropout' | 'dropout2d';
  /** default 0.5; 0 <= p <= 1 */
  p?: number;
}

export interface FlattenSpec {
  type: 'flatten';
}

export interface LinearSpec {
  type: 'linear';
  out_features: number;
  /** default true */
  bias?: boolean;
}

export type LayerSpec =
  | Conv2dSpec
  | ConvTranspose2dSpec
  | MaxPool2dSpec
  | AvgPool2dSpec
  | GlobalPool2dSpec
  | AdaptiveAvgPool2dSpec
  | BatchNorm2dSpec
  | ElementwiseActivationSpec
  | LeakyReluSpec
  | SoftmaxSpec
  | DropoutSpec
  | FlattenSpec
  | LinearSpec;

export type LayerType = LayerSpec['type'];

/** Every layer type, in palette order. */
export const LAYER_TYPES = [
  'conv2d',
  'convtranspose2d',
  'maxpool2d',
  'avgpool2d',
  'globalmaxpool2d',
  'globalavgpool2d',
  'adaptiveavgpool2d',
  'batchnorm2d',
  'relu',
  'leakyrelu',
  'sigmoid',
  'tanh',
  'gelu',
  'softmax',
  'dropout',
  'dropout2d',
  'flatten',
  'linear',
] as const satisfies readonly LayerType[];

export interface NetworkSpec {
  /** [C, H, W] for an image (channels first, as PyTorch), or [N] for a vector. */
  input: readonly number[];
  layers: readonly LayerSpec[];
}
