import type { ReceptiveFieldErrorCode, ReceptiveFieldNoteCode } from '../core/receptive/messages';

/**
 * English phrasing of the receptive-field explorer's refusals and effective-field notes
 * (shared/core/receptive: region.ts, effective-field.ts, spatial-layers.ts): word for word the
 * core's `message` and `notes` (a test holds them equal). `input_issue` is the network's own
 * input issue, phrased by the layer-issue book.
 */
export const enReceptiveFieldErrors = {
  codes: {
    not_whole: '{name} must be a whole number ≥ 0, got {value}',
    region_too_large: 'the field of a unit of layer {layer} is too large to trace cell by cell: about {work} cell visits, more than the {limit} allowed ({constant}); use a smaller input',
    unit_outside: 'unit {unit} is outside layer {layer}, whose output is {shape} (rows {first} to {last_row}, columns {first} to {last_column})',
    input_not_image: 'the network input is not an image {shape}',
    no_layer: 'layer {layer} does not exist; the network has layers {first} to {count} ({input} is the input)',
    layer_not_computed: 'layer {layer} ({type}) is not computed; fix the network first',
    layer_not_image: 'layer {layer} ({type}) does not output an image, so its units have no spatial position',
    request_not_object: 'the request must be an object with spec, layer, y, x, weights and activations, got {value}',
    weights_value: 'weights must be "uniform" or "random", got {value}',
    activations_value: 'activations must be true or false, got {value}',
    channel_value: 'channel must be a whole number ≥ 0, got {value}',
    seed_value: 'seed must be a whole number from 0 to 2^32 - 1, got {value}',
    max_channels_value: 'maxChannels must be a whole number ≥ 1, got {value}',
    input_not_list: 'input must be a list of numbers (C x H x W), got {value}',
    input_not_number: 'input[{index}] must be a finite number, got {value}',
    input_issue: '{issue}',
    input_layer: 'choose a unit of layer {first} or later; the input has no receptive field to compute',
    input_size: "input has {count} numbers; the network's input {shape} needs {needed} (channel by channel, each row by row)",
    layer_unsupported: 'layer {layer} ({type}) is not supported by the effective receptive field; choose a unit of an earlier layer',
    field_too_much_work: 'this effective field needs about {work} multiply-adds, more than the {limit} allowed ({constant}); use a smaller input, fewer channels ({option}) or uniform weights',
    field_too_many_values: 'this effective field holds about {values} numbers at once, more than the {limit} allowed ({constant}); use a smaller input or fewer channels',
    no_channel: 'channel {channel} does not exist in layer {layer}, which has channels {first} to {last}',
    sees_nothing: 'unit {unit} of layer {layer} sees no input pixel',
  } satisfies Record<ReceptiveFieldErrorCode, string>,
  tables: {},
};

export const enReceptiveFieldNotes = {
  codes: {
    uniform_weights: 'weights {weights}, bias {bias}',
    he_weights: 'He-normal weights {weights}, bias {bias}, seed {seed}',
    given_input: 'forward pass on the given input ({shape}); max pooling routes to its argmax',
    seeded_input: 'forward pass on a seeded random input in {range} (seed {seed}); max pooling routes to its argmax',
    activations_derivative: 'activations multiply by their derivative at the forward value',
    activations_identity: 'activations treated as the identity',
    eval_mode: 'batch norm and dropout as the identity (eval mode, fresh statistics)',
    every_channel: 'uniform weights on an input whose channels differ before the first conv: every channel computed',
    narrowed: 'random weights: layers narrowed to at most {channels} channels',
  } satisfies Record<ReceptiveFieldNoteCode, string>,
  tables: {},
};
