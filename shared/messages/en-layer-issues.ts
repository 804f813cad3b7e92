import type { ExactQuantityCode, ExpectationCode, LayerIssueCode } from '../core/network/issues';

/**
 * English phrasing of the core's layer issues: word for word the core's `message` (a test
 * holds them equal over a corpus of broken networks), so the CLI and the renderer say the same.
 */
export const enLayerIssues = {
  prefixes: { layer: 'layer {layer} ({layerType}): ', input: 'input: ' },
  codes: {
    invalid_value: '{field:field} must be {expected:expectation}, got {value}',
    kernel_too_large: '{kernelKind:kernelKind} {effectiveKernel} is larger than the padded input {paddedHeight}x{paddedWidth}',
    too_large: '{quantity:quantity} {value} is above {limit} (the largest exact integer); use smaller sizes',
    groups_mismatch: 'groups {groups} must divide in_channels {inChannels} and out_channels {outChannels}',
    same_padding_stride:
      'padding "same" needs stride 1 (PyTorch does not support it for strided convolutions), got stride {stride}; give the padding as a number instead',
    output_padding_too_large: 'output_padding {outputPadding} must be smaller than stride {stride} or dilation {dilation} (at most {limit})',
    output_too_small:
      'output size would be {outputHeight}x{outputWidth}; (H - 1)s - 2p + d(k - 1) + output_padding + 1 must be at least 1, so reduce padding {padding}',
    pool_padding_too_large: 'padding {padding} must be at most half the kernel size {kernel} (at most {limit})',
    wrong_rank: 'needs a [C, H, W] input but got {inputShape}; place it before flatten/linear, or give the network an image input',
    not_an_object: 'each layer must be an object with a "type", got {value}',
    unknown_type: 'unknown layer type {value}; valid types: {validTypes}',
    invalid_spec: 'the network must be an object with "input" and "layers", got {value}',
    invalid_input: 'shape must be [C, H, W] (an image) or [N] (a vector) of positive integers, got {value}',
    input_too_large: '{shape} holds {size} values, above what can be counted exactly ({limit} at 4 bytes each); use a smaller input',
    invalid_layers: '"layers" must be an array of layers, got {value}',
    unreadable: 'the network could not be read ({reason})',
  } satisfies Record<LayerIssueCode, string>,
  tables: {
    expectation: {
      positive_integer: 'a positive integer',
      positive_integer_or_pair: 'a positive integer or a pair [height, width] of them',
      non_negative_integer_or_pair: 'a non-negative integer or a pair [height, width] of them',
      boolean: 'true or false',
      finite_number: 'a finite number',
      number_at_least: 'a number of at least {minimum}',
      number_between: 'a number between {minimum} and {maximum}',
      conv_padding: 'a non-negative integer, a pair [height, width] of them, "same" or "valid"',
      softmax_dim: 'an integer from {minimum} to {maximum} for a batched input of {rank} axes ({inputShape} plus the batch axis)',
    } satisfies Record<ExpectationCode, string>,
    quantity: {
      output_memory: 'output memory in bytes',
      parameter_count: 'parameter count',
      buffer_count: 'buffer count',
      flop_count: 'FLOP count',
      total_parameter_count: 'total parameter count',
      total_buffer_count: 'total buffer count',
      total_flop_count: 'total FLOP count',
      total_memory: 'total activation memory in bytes',
    } satisfies Record<ExactQuantityCode, string>,
    kernelKind: { kernel: 'kernel', dilated_kernel: 'dilated kernel' },
    /** A layer's fields by their PyTorch names, as English messages write them. */
    field: {
      affine: 'affine',
      bias: 'bias',
      ceil_mode: 'ceil_mode',
      count_include_pad: 'count_include_pad',
      dilation: 'dilation',
      dim: 'dim',
      eps: 'eps',
      groups: 'groups',
      kernel: 'kernel',
      momentum: 'momentum',
      negative_slope: 'negative_slope',
      out_channels: 'out_channels',
      out_features: 'out_features',
      output_padding: 'output_padding',
      output_size: 'output_size',
      p: 'p',
      padding: 'padding',
      stride: 'stride',
      track_running_stats: 'track_running_stats',
    },
  },
  /** The core's describeValue text is English already. */
  describeValue: (text: string) => text,
};
