import type { AnswerExpectedCode, AnswerReasonCode } from '../core/network/answers';

/**
 * English phrasing of the answer marker's reasons and expected values
 * (shared/core/network/answers.ts): word for word its `reason` and `expected` (a test holds
 * them equal). `derivation` is the layer's derivation text.
 */
export const enAnswerReasons = {
  codes: {
    derivation: '{derivation}',
    channels_last: '{derivation} (channels last: {shape})',
    shape_unreadable: '"{text}" is not a shape; write it as 62x62x64, 64x62x62 or [64, 62, 62]',
    channels_wrong: 'the height and width {spatial} are right, but the channels are {channels}, not {answered}: {channel_reason:channelReason}; {derivation}',
    neighbour: '{typed} is the {quantity:quantity} of layer {layer} ({type}), {where:where}; this row: {derivation}',
    neighbour_modules:
      '{typed} is the {quantity:quantity} of layer {layer} ({type}), {where:where}: PyTorch makes {first} and {second} two modules, each a row of its own; this row: {derivation}',
    axes_count: 'the output has {axes} axes ({expected:expected}), not {answered}: {derivation}',
    count_unreadable: '"{text}" is not a whole number; write it as 51,264 or 51264',
    buffers: '{answer} counts the {buffers} buffers too (the running mean and variance), which PyTorch keeps as buffers, not parameters: {derivation}',
    missing_bias: 'each output unit also has a bias (+1 per filter or output): {derivation}',
    no_bias: 'this layer has no bias (bias=False), so there is no +1 per filter or output: {derivation}',
    rf_unreadable: '"{text}" is not a receptive field; write one side (11), both (11x11) or the area (121 px)',
    rf_not_whole: 'units of this layer see {size} input pixels, not the whole input: {derivation}',
    rf_side_as_area: 'one number is read as the side, so {typed} means {typed}x{typed} pixels; for the area {size} = {typed}, write {typed} px: {derivation}',
    rf_multiplied: 'receptive fields do not multiply ({product} is the product of the kernel sizes): {derivation}',
    rf_multiplied_bare:
      'receptive fields do not multiply ({product} is the product of the kernel sizes, and one number is read as the side, so {typed} means {typed}x{typed} pixels): {derivation}',
    rf_one_axis: 'the {right_axis:axis} {right} is right, but the {wrong_axis:axis} is {wrong}, not {typed}: {derivation}',
    rf_area: 'the area is {size} = {area} px: {derivation}',
    not_computed: 'layer {layer} has no numbers yet: fix the first layer marked with an error',
    no_layer: 'the network has no layer {layer}',
  } satisfies Record<AnswerReasonCode, string>,
  tables: {
    channelReason: {
      filters: 'a convolution outputs one channel per filter (out_channels = {channels})',
      kept: 'this layer keeps the {channels} channels of its input',
    },
    quantity: { output: 'output shape', params: 'parameter count', rf: 'receptive field' },
    where: { next: 'the next row', previous: 'the previous row' },
    axis: { height: 'height', width: 'width' },
    expected: { shape: '{shape}', shape_chw: '{chw} (channels first, as PyTorch) = {hwc} (channels last)' },
  },
};

/** The expected value of a mark ("64x62x62 (channels first, as PyTorch) = 62x62x64 (channels last)"). */
export const enAnswerExpected = {
  codes: {
    shape: '{shape}',
    shape_chw: '{chw} (channels first, as PyTorch) = {hwc} (channels last)',
    count: '{count}',
    rf: '{side} ({size} = {area} px)',
    rf_whole: 'the whole input (r = {side})',
  } satisfies Record<AnswerExpectedCode, string>,
  tables: {},
};
