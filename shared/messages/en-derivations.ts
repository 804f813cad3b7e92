import type { DerivationCode, DerivationNoteCode } from '../core/network/info';

/**
 * English phrasing of a layer derivation's plain line (shared/core/network/derivation.ts and
 * receptive-field-derivation.ts): word for word its `text`, the line (a code) followed by its
 * notes (codes). Equations, shapes and symbols are values: math, the same in every language.
 * `{h_eq:heq}` is the height's (or the only) equation, `{w_eq:weq}` the width's.
 */
export const enDerivations = {
  codes: {
    scalar: '{label:label} = {h_eq:heq}{unit:unit}',
    symbol: '{prefix}{symbol} = {h_eq:heq}',
    symbol_axes: '{prefix}{symbol_h} = {h_eq:heq}; {symbol_w} = {w_eq:weq}',
    output: 'output = {shape}: {axes:axes} = {h_eq:heq}',
    output_vector: 'output = {shape}: size = {h_eq:heq}',
    output_axes: 'output = {shape}: H_out = {h_eq:heq}; W_out = {w_eq:weq}',
    zero: '{label:label} = {zero} ({reason:reason})',
    same: '{label:label} = {value} ({reason:reason})',
    why: ' ({reason:reason})',
    exact_varies: ' (units differ: the largest exact span over units, unit {unit} sees input {rows:rows} and {columns:columns}{partial:partial})',
    exact_same: ' (the exact span of every unit, moved by the jump: unit {unit} sees input {rows:rows} and {columns:columns}{partial:partial})',
    average_spacing: ' (the average spacing of units, which differ)',
    origin_centre: ' (the centre of the exact span of unit {origin})',
    origin_empty: " (unit {origin} sees nothing along some axis: its centre there is where the units' spacing puts it)",
    flattened: ' (a flattened vector has no spatial layout: its receptive field is that of the whole vector, which every later layer reads)',
    already_whole: ' (the input is already seen as a whole)',
    whole_input: ' (every unit sees the whole input: all units of the previous layer)',
    whole_width: ' (each unit sees the whole width: Linear acts on the last axis)',
    spread_largest: ' (largest, at output unit {unit}; units differ{partial:partial})',
    origin_reads_none: " (unit {origin} reads no input along some axis: its centre there is where the units' spacing puts it)",
  } satisfies Record<DerivationCode | DerivationNoteCode, string>,
  tables: {
    label: { output: 'output', params: 'params', macs: 'MACs', memory: 'memory' },
    axes: { square: 'H_out = W_out' },
    heq: { plain: '{h}', dropped: '{h_before} (the last window would start in the padding) = {h_result}' },
    weq: { plain: '{w}', dropped: '{w_before} (the last window would start in the padding) = {w_result}' },
    unit: {
      none: '',
      bytes: ' bytes',
      gamma_beta: ' (gamma and beta)',
      gamma_beta_buffers: ' (gamma and beta; the running mean and variance are {buffers} buffers, not parameters)',
    },
    reason: {
      no_params: '{type} has no parameters',
      acts_alone: '{type} acts on each unit alone',
      pooling_no_params: 'pooling has no parameters',
      no_macs: 'only conv, transposed conv and linear layers count multiply-accumulates',
      flatten_macs: 'flatten only reorders units',
      affine_none: '{affine} and {stats}',
      affine_buffers: '{affine}: no gamma and beta; the running mean and variance are {buffers} buffers, not parameters',
      softmax_shape: 'softmax keeps the shape; it mixes units only along {dim}',
      dropout_shape: 'dropout zeroes units at random while training; shapes do not change',
      batchnorm_shape: 'batch norm rescales each unit with its channel statistics',
      already_vector: 'already a vector',
    },
    rows: { none: 'no rows', some: 'rows {row_first} to {row_last}' },
    columns: { none: 'no columns', some: 'columns {column_first} to {column_last}' },
    partial: { all: '', ends: '; of the units nearest the two ends only: the pattern of units is too long to examine them all' },
  },
};

/**
 * The words inside the derivations' LaTeX (`\text{...}`), by their English text: the renderer
 * writes them in its language inside the formula (KaTeX keeps the formula left to right).
 */
export const enDerivationLatexWords = {
  'same as input': 'same as input',
  'output shape': 'output shape',
  first: 'first',
  last: 'last',
  'H: ': 'H: ',
  'W: ': 'W: ',
  'output\\_size': 'output\\_size',
} as const;
