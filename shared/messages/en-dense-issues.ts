/**
 * English phrasing of the dense engine's issues (shared/core/dense/issues.ts): word for word
 * `describeDenseIssue` (a test holds them equal). The core's one code with optional parts
 * ("is required (or \"x\")", ", got 5") is split by `phraseDenseIssue` into the forms below.
 */
export const enDenseIssues = {
  codes: {
    required: 'is required',
    required_or: 'is required (or "{alternative}")',
    wrong_type: 'must be {expected:type}',
    not_finite: 'must be a finite number',
    not_integer: 'must be a whole number',
    too_small: 'must be at least {min}',
    too_small_exclusive: 'must be greater than {min}',
    too_large: 'must be at most {max}',
    too_large_of: 'must be at most {max} {of:count}',
    too_large_exclusive: 'must be less than {max}',
    not_one_of: 'must be one of {allowed}',
    unknown_field: 'unknown field "{name}"',
    unknown_field_known: 'unknown field "{name}"; the fields are {known}',
    wrong_length: 'needs {expected} {of:count}, got {actual}',
    exclusive_fields: 'give either this or "{other}", not both',
    not_for_scheme: 'the {scheme} scheme takes no {parameter}; the schemes with a {parameter} are {accepted}',
    nesterov_needs_pytorch_form: 'Nesterov momentum is given in PyTorch\'s form: set "form": "pytorch", or "nesterov": false',
    needs: 'needs {other}',
    too_much_work: 'makes {value} {measure:measure}; the engine takes at most {max} ({measure:hint})',
    bad_formula_names: 'the formula may read only x, not {names}',
    bad_formula_not_finite: 'the formula is {value} at x = {x}; it must be finite on the whole domain',
    bad_formula_syntax: '{detail}',
    bad_formula_syntax_at: '{detail} (at character {at})',
    internal: 'the engine failed: {detail}',
  },
  tables: {
    /** After the sentence, when the issue has a `got`. */
    got: { got: '{sentence}, got {got}' },
    type: {
      number: 'a number',
      list: 'a list',
      object: 'an object',
      boolean: 'true or false',
      text: 'text',
      init: 'a scheme name or {"scheme", "a"?, "std"?, "gain"?}',
      rectangle: 'a rectangle [[x0, x1], [y0, y1]]',
      number_list: 'a list of numbers',
    },
    count: {
      entries: 'entries',
      hidden_layers: 'hidden layers',
      layers: 'layers (the hidden layers, then the output layer)',
      unit_rows: 'rows (one per unit of layer {layer})',
      input_weights: 'weights (one per input of layer {layer})',
      unit_biases: 'biases (one per unit of layer {layer})',
      samples: 'samples',
      rows_of_x: 'rows (one per row of x)',
      inputs: 'inputs (input_dim is {dim})',
      targets: 'targets (output_dim is {dim})',
      class_index: '(a class index below output_dim {dim})',
      interval: 'numbers [lo, hi]',
      hidden_layers_2d: 'hidden layers for 2-D regions',
      units_2d: 'units for 2-D regions',
    },
    measure: {
      samples_x_parameters: 'samples x parameters',
      epochs_x_samples_x_parameters: 'epochs x samples x parameters',
      batch_rows_x_units: 'batch rows x units',
      recorded_steps: 'steps to record',
      pieces: 'pieces',
      regions: 'regions',
      units_of_work: 'units of work',
    },
    hint: {
      samples_x_parameters: 'use fewer samples or a smaller network',
      epochs_x_samples_x_parameters: 'use fewer epochs, fewer samples or a smaller network',
      batch_rows_x_units: 'use fewer samples per batch or a smaller network',
      recorded_steps: 'use fewer epochs or larger batches',
      pieces: 'use a smaller network or domain',
      regions: 'use a smaller network or domain',
      units_of_work: 'use a smaller run',
    },
  },
};

export type DenseIssueForm = keyof typeof enDenseIssues.codes;
