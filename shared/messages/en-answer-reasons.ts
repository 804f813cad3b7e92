/**
 * English phrasing of the answer marks (shared/core/network/answers.ts): word for word the
 * core's `reason` and `expected` (a test holds them equal). `{formula}` is the layer's
 * derivation with its numbers filled in.
 */
export const enAnswerReasons = {
  codes: {
    formula: '{formula}',
    channels_last: '{formula} (channels last: {shape})',
    unreadable_shape: '"{text}" is not a shape; write it as 62x62x64, 64x62x62 or [64, 62, 62]',
    channels_wrong_filters: 'the height and width {hw} are right, but the channels are {channels}, not {answered}: a convolution outputs one channel per filter (out_channels = {channels}); {formula}',
    channels_wrong_kept: 'the height and width {hw} are right, but the channels are {channels}, not {answered}: this layer keeps the {channels} channels of its input; {formula}',
    neighbour: '{typed} is the {quantity:quantity} of layer {layer} ({type}), {where:where}; this row: {formula}',
    neighbour_modules: '{typed} is the {quantity:quantity} of layer {layer} ({type}), {where:where}: PyTorch makes {first} and {second} two modules, each a row of its own; this row: {formula}',
    axes_wrong: 'the output has {axes} axes ({shape}), not {answered}: {formula}',
    unreadable_count: '"{text}" is not a whole number; write it as 51,264 or 51264',
    counts_buffers: '{answered} counts the {buffers} buffers too (the running mean and variance), which PyTorch keeps as buffers, not parameters: {formula}',
    bias_missing: 'each output unit also has a bias (+1 per filter or output): {formula}',
    no_bias: 'this layer has no bias (bias=False), so there is no +1 per filter or output: {formula}',
    unreadable_rf: '"{text}" is not a receptive field; write one side (11), both (11x11) or the area (121 px)',
    not_whole: 'units of this layer see {size} input pixels, not the whole input: {formula}',
    side_not_area: 'one number is read as the side, so {typed} means {typed}x{typed} pixels; for the area {size} = {typed}, write {typed} px: {formula}',
    rf_multiply: 'receptive fields do not multiply ({product} is the product of the kernel sizes): {formula}',
    rf_multiply_bare: 'receptive fields do not multiply ({product} is the product of the kernel sizes, and one number is read as the side, so {typed} means {typed}x{typed} pixels): {formula}',
    rf_one_axis: 'the {axis:axis} {right} is right, but the {other:axis} is {wrong}, not {answered}: {formula}',
    area_is: 'the area is {size} = {area} px: {formula}',
    not_computed: 'layer {layer} has no numbers yet: fix the first layer marked with an error',
    no_layer: 'the network has no layer {layer}',
  },
  tables: {
    quantity: { output: 'output shape', params: 'parameter count', rf: 'receptive field' },
    where: { next: 'the next row', previous: 'the previous row' },
    axis: { height: 'height', width: 'width' },
  },
  expected: {
    none: '',
    shape_chw: '{chw} (channels first, as PyTorch) = {hwc} (channels last)',
    shape: '{shape}',
    count: '{count}',
    rf_whole: 'the whole input (r = {side})',
    rf_field: '{side} ({size} = {area} px)',
  },
} as const;
