import { formatLatex, formatPlain } from './format';
import type { Derivation, DerivationMessage, DerivationNote, DerivationValues, Quantity } from './info';

/** One axis of a per-axis computation: the expression with numbers, in LaTeX and plain text, and its value. */
export interface AxisTerm {
  latex: string;
  plain: string;
  value: number;
  /**
   * The plain expression before a note that sits inside it ("ceil(...) + 1 - 1" of
   * "ceil(...) + 1 - 1 (the last window would start in the padding)"), for the message.
   */
  dropped?: { before: string };
}

export function term(latex: string, plain: string, value: number): AxisTerm {
  return { latex, plain, value };
}

export function shapeLatex(shape: readonly number[]): string {
  return shape.map(formatLatex).join(' \\times ');
}

export function shapePlain(shape: readonly number[]): string {
  return shape.join('x');
}

/** Word labels of scalar quantities ("params = ..."), phrased by the derivation book; other labels are symbols (r, j, c). */
export type DerivationLabel = 'output' | 'params' | 'macs' | 'memory';
const WORD_LABELS: Readonly<Record<string, DerivationLabel>> = { output: 'output', params: 'params', MACs: 'macs', memory: 'memory' };

/** What follows a scalar's result: nothing, " bytes", " (gamma and beta ...)". */
export type DerivationUnit = { code: 'none' | 'bytes' | 'gamma_beta' } | { code: 'gamma_beta_buffers'; buffers: string };

/** Why a quantity is 0 or passes through unchanged (phrased by the derivation book's `reason` table). */
export type DerivationReason =
  | { code: 'no_params'; type: string }
  | { code: 'acts_alone'; type: string }
  | { code: 'pooling_no_params' | 'no_macs' | 'flatten_macs' | 'dropout_shape' | 'batchnorm_shape' | 'already_vector' }
  | { code: 'softmax_shape'; dim: 'dim' }
  | { code: 'affine_none'; affine: 'affine=false'; stats: 'track_running_stats=false' }
  | { code: 'affine_buffers'; affine: 'affine=false'; buffers: string };

/** The values of one equation ("7 + (5 - 1)*1 = 11"), under `prefix` (h or w): `{prefix}_eq` says which form. */
function equationValues(prefix: 'h' | 'w', value: AxisTerm): DerivationValues {
  const result = formatPlain(value.value);
  if (value.dropped) return { [`${prefix}_eq`]: 'dropped', [`${prefix}_before`]: value.dropped.before, [`${prefix}_result`]: result };
  return { [`${prefix}_eq`]: 'plain', [prefix]: equation(value) };
}

function message(code: DerivationMessage['code'], values: DerivationValues, notes: DerivationNote[] = []): DerivationMessage {
  return { code, values, notes };
}

/** A scalar quantity: "params = (3*7*7/1 + 1)*32 = 4,736". */
export function scalarDerivation(quantity: Quantity, label: string, formula: string, substituted: AxisTerm, unit = '', unitCode: DerivationUnit = { code: unit === ' bytes' ? 'bytes' : 'none' }): Derivation {
  const word = WORD_LABELS[label];
  const { code, ...unitValues } = unitCode;
  return {
    quantity,
    formula,
    substituted: substituted.latex,
    result: formatLatex(substituted.value),
    text: `${label} = ${equation(substituted)}${unit}`,
    message: word
      ? message('scalar', { label: word, unit: code, ...unitValues, ...equationValues('h', substituted) })
      : message('symbol', { prefix: '', symbol: label, ...equationValues('h', substituted) }),
  };
}

/** "7 + (5 - 1)*1 = 11", or just "11" when there is nothing to work out. */
function equation(value: AxisTerm): string {
  const result = formatPlain(value.value);
  return value.plain === result ? result : `${value.plain} = ${result}`;
}

/**
 * A quantity computed per axis. When both axes have the same expression it is shown once
 * ("r = 7 + (5 - 1)*1 = 11"); otherwise both, labelled H and W, and the result reads "11 \times 9".
 */
export function axisDerivation(quantity: Quantity, symbol: string, formula: string, height: AxisTerm, width: AxisTerm): Derivation {
  if (height.latex === width.latex && height.value === width.value) {
    return scalarDerivation(quantity, symbol, formula, height);
  }
  return {
    quantity,
    formula,
    substituted: `\\text{H: } ${height.latex},\\quad \\text{W: } ${width.latex}`,
    result: `${formatLatex(height.value)} \\times ${formatLatex(width.value)}`,
    text: `${symbol}_h = ${equation(height)}; ${symbol}_w = ${equation(width)}`,
    message: message('symbol_axes', { prefix: '', symbol_h: `${symbol}_h`, symbol_w: `${symbol}_w`, ...equationValues('h', height), ...equationValues('w', width) }),
  };
}

/** Output shape: the per-axis size expressions, and the whole shape as the result. */
export function outputDerivation(formula: string, outputShape: readonly number[], height: AxisTerm, width?: AxisTerm): Derivation {
  const shape = shapePlain(outputShape);
  if (!width || (height.latex === width.latex && height.value === width.value)) {
    const axes = width ? 'H_out = W_out' : 'size';
    return {
      quantity: 'output',
      formula,
      substituted: height.latex,
      result: shapeLatex(outputShape),
      text: `output = ${shape}: ${axes} = ${equation(height)}`,
      message: width ? message('output', { shape, axes: 'square', ...equationValues('h', height) }) : message('output_vector', { shape, ...equationValues('h', height) }),
    };
  }
  return {
    quantity: 'output',
    formula,
    substituted: `\\text{H: } ${height.latex},\\quad \\text{W: } ${width.latex}`,
    result: shapeLatex(outputShape),
    text: `output = ${shape}: H_out = ${equation(height)}; W_out = ${equation(width)}`,
    message: message('output_axes', { shape, ...equationValues('h', height), ...equationValues('w', width) }),
  };
}

function reasonValues(reason: DerivationReason): DerivationValues {
  const { code, ...values } = reason;
  return { reason: code, ...values };
}

/** A quantity that does not apply to the layer type: "params = 0 (relu has no parameters)". */
export function zeroDerivation(quantity: Quantity, label: string, reason: string, reasonCode: DerivationReason): Derivation {
  return {
    quantity,
    formula: '0',
    substituted: '0',
    result: '0',
    text: `${label} = 0 (${reason})`,
    message: message('zero', { label: WORD_LABELS[label] ?? label, zero: 0, ...reasonValues(reasonCode) }),
  };
}

/** Outputs and receptive fields that pass through unchanged. */
export function sameAsInputDerivation(quantity: Quantity, label: string, latexValue: string, plainValue: string, why: string, whyCode: DerivationReason): Derivation {
  return {
    quantity,
    formula: '\\text{same as input}',
    substituted: latexValue,
    result: latexValue,
    text: `${label} = ${plainValue} (${why})`,
    message: message('same', { label: WORD_LABELS[label] ?? label, value: plainValue, ...reasonValues(whyCode) }),
  };
}

/** `derivation` with `note` after its text (and the same note, as a code, after its message's). */
export function withNote(derivation: Derivation, note: string, code: DerivationNote): Derivation {
  if (!note) return derivation;
  return { ...derivation, text: derivation.text + note, message: { ...derivation.message, notes: [...derivation.message.notes, code] } };
}

/** `derivation` after a first step in plain math ("k_eff = 5; "), in its text and its message. */
export function withPrefix(derivation: Derivation, prefix: string): Derivation {
  return { ...derivation, text: prefix + derivation.text, message: { ...derivation.message, values: { ...derivation.message.values, prefix } } };
}

/** "a \cdot b \cdot c" and "a*b*c" from numbers. */
export function productTerm(factors: readonly number[]): AxisTerm {
  const value = factors.reduce((product, factor) => product * factor, 1);
  return term(factors.map(formatLatex).join(' \\cdot '), factors.map(formatPlain).join('*'), value);
}
