import { formatLatex, formatPlain } from './format';
import type { Derivation, Quantity } from './info';

/** One axis of a per-axis computation: the expression with numbers, in LaTeX and plain text, and its value. */
export interface AxisTerm {
  latex: string;
  plain: string;
  value: number;
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

/** A scalar quantity: "params = (3*7*7/1 + 1)*32 = 4,736". */
export function scalarDerivation(quantity: Quantity, label: string, formula: string, substituted: AxisTerm, unit = ''): Derivation {
  return {
    quantity,
    formula,
    substituted: substituted.latex,
    result: formatLatex(substituted.value),
    text: `${label} = ${equation(substituted)}${unit}`,
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
    };
  }
  return {
    quantity: 'output',
    formula,
    substituted: `\\text{H: } ${height.latex},\\quad \\text{W: } ${width.latex}`,
    result: shapeLatex(outputShape),
    text: `output = ${shape}: H_out = ${equation(height)}; W_out = ${equation(width)}`,
  };
}

/** A quantity that does not apply to the layer type: "params = 0 (relu has no parameters)". */
export function zeroDerivation(quantity: Quantity, label: string, reason: string): Derivation {
  return { quantity, formula: '0', substituted: '0', result: '0', text: `${label} = 0 (${reason})` };
}

/** Outputs and receptive fields that pass through unchanged. */
export function sameAsInputDerivation(quantity: Quantity, label: string, latexValue: string, plainValue: string, why: string): Derivation {
  return { quantity, formula: '\\text{same as input}', substituted: latexValue, result: latexValue, text: `${label} = ${plainValue} (${why})` };
}

/** "a \cdot b \cdot c" and "a*b*c" from numbers. */
export function productTerm(factors: readonly number[]): AxisTerm {
  const value = factors.reduce((product, factor) => product * factor, 1);
  return term(factors.map(formatLatex).join(' \\cdot '), factors.map(formatPlain).join('*'), value);
}
