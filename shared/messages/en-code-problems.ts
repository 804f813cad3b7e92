import type { CodeProblemCode, ExportNoteCode } from '../core/network/codegen/types';

/**
 * English phrasing of the code importers' problems (shared/core/network/codegen: the Python
 * reader, the PyTorch and Keras importers, importCode) and of the Keras export's notes: word for
 * word their `message` (a test holds them equal over a corpus of real imports reaching every
 * code). `got`, `found` and `allowed` are the reader's own descriptions ("a tuple", "the end of
 * the code", "'same' or 'valid'"), rewritten by `describeValue` in another language.
 */
export const enCodeProblems = {
  codes: {
    string_not_closed: 'this string is not closed',
    unexpected_character: 'unexpected character {character}',
    arithmetic_on_non_number: '"{operator}" computes numbers only ({operators}), got {got}',
    divides_by_zero: '{left} {operator} {right} divides by zero',
    negative_power_of_zero: '0 cannot be raised to a negative power',
    too_large_exact: '{left} {operator} {right} is larger than this reader computes exactly ({max})',
    complex_result: '{left} {operator} {right} is a complex number',
    too_large: '{left} {operator} {right} is too large to compute',
    expected_paren_after: 'expected "(" after {callee}, found {found}',
    expected_name: 'expected a name, found {found}',
    sign_needs_number: '"{operator}" must be followed by a number, found {got}',
    unreadable_number: '{number} is not a number this reader understands',
    number_too_large_exact: '{number} is larger than this reader computes exactly ({max})',
    expected_comma_or_close: 'expected "," or "{close}", found {found}',
    unsupported_operator: '"{operator}" cannot be computed here; a value may use numbers with {operators} and parentheses',
    expected_value: 'expected a value, found {found}',
    star_args: '*args and **kwargs cannot be read; write the arguments out',
    keyword_twice: 'keyword argument {name} is given twice',
    positional_after_keyword: 'a positional argument cannot follow a keyword argument',
    expected_comma_or_paren_in_arguments: 'expected "," or ")" in the arguments of {callee}, found {found}',
    too_many_positional: '{module} takes at most {count} positional arguments ({signature}), got {given}',
    unknown_argument: '{module} has no argument "{name}"; its arguments are {signature}',
    argument_twice: '{module} got "{name}" both by position and by name',
    must_be_number: '{where} must be a number, got {got}',
    must_be_whole: '{where} must be a whole number, got {got}',
    must_be_int: '{where} must be a whole number (an int), got {got}',
    must_be_int_not_float: '{where} must be a whole number (an int), got {got} (a float: in Python / always gives a float; // gives an int)',
    pair_length: '{where} must be a whole number or a pair (h, w), got a {sequence:sequence} of {count}',
    must_be_whole_or_pair: '{where} must be a whole number or a pair (h, w), got {got}',
    must_be_bool: '{where} must be True or False, got {got}',
    must_be_string: '{where} must be a string, got {got}',
    must_be_one_of: '{where} must be {allowed}, got {got}',
    argument_not_supported: '{module} {name}={got} is not supported here',
    adaptive_max_output_size: 'AdaptiveMaxPool2d is supported with output_size 1 (global max pooling) only',
    batchnorm_momentum_none: 'BatchNorm2d momentum=None (cumulative average) is not modelled; give a number from 0 to 1',
    flatten_start_dim: 'Flatten is supported with start_dim=1 only (keep the batch axis)',
    flatten_end_dim: 'Flatten is supported with end_dim=-1 only',
    no_sequential: 'no Sequential(...) found in the {language} code',
    no_sequential_lines: 'no Sequential(...) found in the {language} code ({lines} lines read)',
    declared_input_mismatch: 'layer {layer}: {name} is {declared}, but its input is {shape}, so it must be {actual}',
    sequential_keywords: 'Sequential takes the layers as positional arguments',
    ordered_dict_list: 'OrderedDict must be given a list of (name, layer) pairs',
    ordered_dict_pair: 'each OrderedDict entry must be a (name, layer) pair',
    unreadable: 'the code could not be read ({detail})',
    expected_layer: 'expected a layer such as {example}, found {got}',
    layer_not_supported: '{callee} is not supported; supported layers: {supported}',
    layer_needs: '{module} needs {argument}',
    keras_shape_tuple: '{where} must be a tuple such as (128, 128, 3)',
    keras_shape_length: '{where} must be (height, width, channels) or (features,), got {count} numbers',
    activation_not_supported: "activation '{name}' is not supported; supported: {supported}",
    zero_padding_place: 'ZeroPadding2D is read only directly before Conv2D, MaxPooling2D or AveragePooling2D',
    keras_needs_shape: '{module} needs shape=(height, width, channels)',
    keras_needs_filters: '{module} needs filters and kernel_size',
    transpose_same_padding: "Conv2DTranspose padding='same' is not read; use padding='valid' (and cropping) or write the PyTorch model",
    zero_padding_uneven: 'ZeroPadding2D with different padding on each side cannot be expressed as PyTorch padding',
    batchnorm_center_scale: 'BatchNormalization with only one of center and scale has no PyTorch equivalent (affine sets both)',
    activation_needs_name: 'Activation needs the activation name',
    relu_argument: 'ReLU {name} is not supported (use LeakyReLU for a slope)',
    softmax_axis: 'Softmax is read with axis=-1 (the channels) only',
    keras_layer_not_supported: '{callee} is not supported; supported Keras layers: {supported}',
    same_needs_input: "padding='same' needs the input size; an earlier layer or the input shape has a problem",
    same_pads_unevenly:
      "padding='same' on a {size} input pads unevenly here (TensorFlow puts the extra pixel at the end), which PyTorch padding cannot express; use padding='valid' with ZeroPadding2D",
    keras_sequential_list: 'Sequential takes a list of layers: Sequential([...])',
    model_add_layer: 'model.add needs a layer such as layers.Conv2D(...), found {got}',
    no_keras_sequential: 'no keras Sequential([...]) or model.add(...) found in the code',
    zero_padding_at_end: 'ZeroPadding2D at the end pads nothing that follows; remove it',
    not_text: 'the code must be text',
    looks_like_json: 'this looks like a JSON network spec, not {language} code; choose JSON to import it',
  } satisfies Record<CodeProblemCode, string>,
  tables: {
    sequence: { tuple: 'tuple', list: 'list' },
  },
  described: ['got', 'found', 'allowed'],
  describeValue: (text: string) => text,
};

/** English phrasing of the Keras export's notes (word for word their `message`). */
export const enExportNotes = {
  codes: {
    pool_zero_padding: 'layer {layer}: Keras pads pooling with zeros (PyTorch max pooling pads with -inf): same shape, values may differ at the border',
    transpose_padding: "layer {layer}: Conv2DTranspose has no numeric padding; exported with padding='valid' (add Cropping2D({cropping}) after it for the same shape)",
    ceil_mode: 'layer {layer}: ceil_mode has no Keras equivalent; exported without it (the output may be one smaller)',
    pool_dilation: 'layer {layer}: Keras pooling has no dilation; exported without it',
    adaptive_avg_pool: 'layer {layer}: AdaptiveAvgPool2d from {from} to {to} has no Keras layer; left out',
    running_statistics: 'layer {layer}: Keras BatchNormalization always keeps running statistics',
    softmax_dim: 'layer {layer}: softmax over dim {dim} exported over the channels (axis=-1)',
    flatten_order: "layer {layer}: Keras flattens channels last (H, W, C), so the vector's order differs from PyTorch's; its size is the same",
    linear_on_map: "layer {layer}: PyTorch's Linear acts on the width of a [C, H, W] map; Keras' Dense acts on the channels",
  } satisfies Record<ExportNoteCode, string>,
  tables: {},
};

/** English phrasing of a refused PyTorch or Keras export (word for word its `message`); `problem` is the layer issue, already phrased. */
export const enExportFailures = {
  codes: {
    blocked_pytorch: '{problem}; fix it before exporting PyTorch code (in_channels and in_features come from the computed shapes)',
    blocked_keras: '{problem}; fix it before exporting Keras code',
    layer_has_error: 'layer {layer} has an error',
  },
  tables: {},
};
