import type { CaseIssueCode } from '../core/backprop/types';

/**
 * English phrasing of a backprop case's issues (shared/core/backprop/case.ts): word for word
 * the core's `message` (a test holds them equal over a corpus of real refused cases).
 */
export const enBackpropIssues = {
  codes: {
    not_an_object: 'a case is a JSON object with input and filters, got {got}',
    unknown_field: 'unknown field; known fields: {known}',
    grid_required: 'is required: a grid {field:gridForms} of numbers',
    grid_not_grid: 'expected a grid {field:gridForms} of numbers, got {got}',
    grid_depth: 'expected a grid {field:gridForms} of numbers, got {depth} {unit:levelUnit} of arrays',
    not_a_number: 'expected a number, got {got}',
    not_an_array: 'expected an array of {holds:items}, got {got}',
    empty_level: 'has no {holds:items}',
    level_length: '{what:owner} has {count} {items:items}, expected {expected}',
    too_many_channels: 'has {count} channels; at most {max}',
    input_too_large: 'is {height}x{width}; at most {max}x{max}',
    too_many_filters: 'has {count} filters; at most {max}',
    kernel_too_large: 'kernel is {height}x{width}; at most {max}x{max}',
    filter_channels: 'has {count} {items:items}, expected {expected} (one kernel per input channel)',
    filter_channels_2d: 'has {count} {items:items}, expected {expected} (one kernel per input channel); write filters as [F][C][kh][kw]',
    bias_not_array: 'expected an array of numbers, one per filter, got {got}',
    bias_length: 'has {count} {items:items}, expected {expected} (one per filter)',
    not_int_or_pair: 'expected a whole number ≥ {min} (at most {max}) or [h, w], got {got}',
    not_one_of: 'expected one of {options}, got {got}',
    conv_output_empty:
      'the conv output would be empty: the effective kernel {kernelHeight}x{kernelWidth} ((k - 1)·dilation + 1) is larger than the padded input {paddedHeight}x{paddedWidth}',
    pool_not_object: 'expected an object like {"type": "max", "kernel": 2}, got {got}',
    pool_type_required: 'is required: one of {options}',
    pool_kernel_required: 'is required for {type} pooling: a whole number ≥ 1 or [h, w]',
    pool_padding_too_large: "{paddingHeight}x{paddingWidth} is more than half the kernel {kernelHeight}x{kernelWidth} (PyTorch's limit)",
    pool_output_empty: 'the pooled output would be empty: kernel {kernelHeight}x{kernelWidth} is larger than the padded conv output {paddedHeight}x{paddedWidth}',
    pool_takes_no: 'only max and avg pooling take a {key}; {type} has none',
    upstream_not_finite: 'expected a finite number, got {got}',
    not_output_grid: 'expected a grid shaped like the output {form:outputShape}',
    output_grid_shape: "is {got}; expected the output's shape {form:outputShape}",
    loss_not_mse: 'expected "mse", got {got}',
    target_required: 'is required: a grid shaped like the output',
    upstream_invalid: 'expected a number, a grid shaped like the output, or {"loss": "mse", "target": [...]}, got {got}',
    unreadable: 'the case could not be read: {detail}',
  } satisfies Record<CaseIssueCode, string>,
  tables: {
    /** The grid forms a field takes. */
    gridForms: { input: '[C][H][W] or [H][W]', filters: '[F][C][kh][kw] or [kh][kw]' },
    levelUnit: { level: 'level', levels: 'levels' },
    /** What a level of a grid holds, as counted ("3 cells", "1 cell"). */
    items: {
      maps: 'maps',
      map: 'map',
      filters: 'filters',
      filter: 'filter',
      channels: 'channels',
      channel: 'channel',
      rows: 'rows',
      row: 'row',
      cells: 'cells',
      cell: 'cell',
      values: 'values',
      value: 'value',
    },
    /** The level that has the wrong number of items. */
    owner: { grid: 'grid', map: 'map', filter: 'filter', channel: 'channel', row: 'row' },
    /** The output's shape, with its 2-D spelling when there is one filter. */
    outputShape: { either: '{shape} (or {shape2d})', full: '{shape}' },
  },
};
