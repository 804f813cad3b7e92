import type { LayerIssue } from '../network/info';

/**
 * Why a unit's region or effective field could not be computed, as a code (the English
 * templates, word for word the `message`, are in shared/messages/en-receptive-field.ts).
 */
export type ReceptiveFieldErrorCode =
  | 'not_whole'
  | 'region_too_large'
  | 'unit_outside'
  | 'input_not_image'
  | 'no_layer'
  | 'layer_not_computed'
  | 'layer_not_image'
  | 'request_not_object'
  | 'weights_value'
  | 'activations_value'
  | 'channel_value'
  | 'seed_value'
  | 'max_channels_value'
  | 'input_not_list'
  | 'input_not_number'
  | 'input_issue'
  | 'input_layer'
  | 'input_size'
  | 'layer_unsupported'
  | 'field_too_much_work'
  | 'field_too_many_values'
  | 'no_channel'
  | 'sees_nothing';

/** What an effective field's notes say, as codes. */
export type ReceptiveFieldNoteCode =
  | 'uniform_weights'
  | 'he_weights'
  | 'given_input'
  | 'seeded_input'
  | 'activations_derivative'
  | 'activations_identity'
  | 'eval_mode'
  | 'every_channel'
  | 'narrowed';

export type ReceptiveFieldValues = Readonly<Record<string, string | number>>;

/** A refusal: the English `message`, the same as a code with values; `issue` is the network's own input issue (code `input_issue`). */
export interface ReceptiveFieldFailure {
  ok: false;
  message: string;
  code: ReceptiveFieldErrorCode;
  values: ReceptiveFieldValues;
  issue?: LayerIssue;
}

export interface ReceptiveFieldNote {
  code: ReceptiveFieldNoteCode;
  values: ReceptiveFieldValues;
}

export function refuse(code: ReceptiveFieldErrorCode, values: ReceptiveFieldValues, message: string): ReceptiveFieldFailure {
  return { ok: false, message, code, values };
}
