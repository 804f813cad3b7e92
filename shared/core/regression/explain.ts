import { numberToLatex, toLatex, toText } from '../expr/index';
import { cleanNumber, formatNumber } from '../optim/format';
import type { StepDerivation } from '../optim/explain';
import { fitsAt, type BiasVarianceAnalysis } from './bias-variance';
import type { DoubleDescentAnalysis } from './double-descent';

/**
 * Derivations of the labs' numbers, in the optimizer's format (formula, the same with the
 * numbers filled in, the result, a plain-text line): the same card shows either. A sum of
 * more than MAX_TERMS terms shows its first three and its last, with the count.
 */
export type Derivation = StepDerivation;
/** Keyed derivations of one complexity (or one p), e.g. `bias2`, `variance`, `mean_fit`. */
export type Explanation = Record<string, Derivation>;

const MAX_TERMS = 4;

/** A number in LaTeX, as the derivations write it. */
export const n = (value: number) => numberToLatex(cleanNumber(value));
/** A number as an operand: negative values in parentheses. */
export const operand = (value: number) => (cleanNumber(value) < 0 ? `\\left(${n(value)}\\right)` : n(value));
export const plainOperand = (value: number) => (cleanNumber(value) < 0 ? `(${formatNumber(value)})` : formatNumber(value));

export function derivation(formula: string, substituted: string, value: number, text: string): Derivation {
  return { formula, substituted, result: n(value), text: `${text} = ${formatNumber(value)}` };
}

/** Terms joined by " + ", the middle elided as \cdots when there are many. */
export function sumOf(terms: readonly { latex: string; plain: string }[]): { latex: string; plain: string } {
  if (terms.length <= MAX_TERMS) return { latex: terms.map((term) => term.latex).join(' + '), plain: terms.map((term) => term.plain).join(' + ') };
  const head = terms.slice(0, 3);
  const last = terms[terms.length - 1]!;
  return {
    latex: `${head.map((term) => term.latex).join(' + ')} + \\cdots + ${last.latex}`,
    plain: `${head.map((term) => term.plain).join(' + ')} + ... + ${last.plain} (${terms.length} terms)`,
  };
}

/** (1/count)[terms]: "\frac{1}{100}\left[a + b + \cdots + z\right]". */
export function meanOfTerms(count: number, terms: readonly { latex: string; plain: string }[]): { latex: string; plain: string } {
  const sum = sumOf(terms);
  return { latex: `\\frac{1}{${count}}\\left[${sum.latex}\\right]`, plain: `(1/${count})*[${sum.plain}]` };
}

export const squaredDifference = (a: number, b: number) => ({ latex: `\\left(${n(a)} - ${operand(b)}\\right)^{2}`, plain: `(${formatNumber(a)} - ${plainOperand(b)})^2` });
const value = (v: number) => ({ latex: operand(v), plain: plainOperand(v) });

/**
 * Every number of one complexity: bias2, variance, noise, expected_error, test_error,
 * train_error; with a grid point t (0-based) also mean_fit, truth, test_target, bias2_at and
 * variance_at there.
 */
export function explainComplexity(analysis: BiasVarianceAnalysis, index: number, point?: number): Explanation {
  const { grid, truthOnGrid, settings } = analysis;
  const result = analysis.results[index]!;
  const mean = analysis.meanFit[index]!;
  const variance = analysis.pointVariance[index]!;
  const T = grid.length;
  const R = analysis.datasets.length;
  const out: Explanation = {};
  const bias = meanOfTerms(T, Array.from(mean, (m, t) => squaredDifference(m, truthOnGrid[t]!)));
  out.bias2 = derivation('\\mathrm{bias}^{2} = \\frac{1}{T}\\sum_{t=1}^{T}\\left(\\bar f(x_t) - f(x_t)\\right)^{2}', bias.latex, result.bias2, `bias^2 = ${bias.plain}`);
  const spread = meanOfTerms(T, Array.from(variance, value));
  out.variance = derivation(
    '\\mathrm{variance} = \\frac{1}{T}\\sum_{t=1}^{T} v_t,\\quad v_t = \\frac{1}{R}\\sum_{D}\\left(f_D(x_t) - \\bar f(x_t)\\right)^{2}',
    spread.latex,
    result.variance,
    `variance = ${spread.plain}`,
  );
  out.noise = derivation('\\mathrm{noise} = \\sigma^{2}', `${n(settings.noiseStd)}^{2}`, result.noise, `noise = ${formatNumber(settings.noiseStd)}^2`);
  out.expected_error = derivation(
    '\\mathrm{bias}^{2} + \\mathrm{variance} + \\mathrm{noise}',
    `${n(result.bias2)} + ${n(result.variance)} + ${n(result.noise)}`,
    result.expected_error,
    `expected error = ${formatNumber(result.bias2)} + ${formatNumber(result.variance)} + ${formatNumber(result.noise)}`,
  );
  const test = meanOfTerms(R, Array.from(analysis.testErrors[index]!, value));
  out.test_error = derivation(
    '\\text{test error} = \\frac{1}{R}\\sum_{D} e_D,\\quad e_D = \\frac{1}{T}\\sum_{t=1}^{T}\\left(f_D(x_t) - y^{*}_t\\right)^{2}',
    test.latex,
    result.test_error,
    `test error = ${test.plain}`,
  );
  const train = meanOfTerms(R, Array.from(analysis.trainErrors[index]!, value));
  out.train_error = derivation(
    '\\text{train error} = \\frac{1}{R}\\sum_{D} \\frac{1}{n}\\sum_{i=1}^{n}\\left(f_D(x_i) - y_i\\right)^{2}',
    train.latex,
    result.train_error,
    `train error = ${train.plain}`,
  );
  if (point !== undefined) Object.assign(out, explainGridPoint(analysis, index, point));
  return out;
}

function explainGridPoint(analysis: BiasVarianceAnalysis, index: number, t: number): Explanation {
  const { grid, truthOnGrid, testTargets, settings } = analysis;
  const x = grid[t]!;
  const m = analysis.meanFit[index]![t]!;
  const fits = fitsAt(analysis, analysis.complexities[index]!).map((fit) => fit[t]!);
  const R = fits.length;
  const out: Explanation = {};
  const at = `x_{${t + 1}} = ${n(x)}`;
  const fan = meanOfTerms(R, fits.map(value));
  out.mean_fit = derivation(`\\bar f(x_t) = \\frac{1}{R}\\sum_{D} f_D(x_t),\\quad ${at}`, fan.latex, m, `f_bar(${formatNumber(x)}) = ${fan.plain}`);
  const values = { x };
  out.truth = derivation(`f(x) = ${settings.truth.latex}`, toLatex(settings.truth.expr, { values, formatNumber }), truthOnGrid[t]!, `f(${formatNumber(x)}) = ${toText(settings.truth.expr, { values, formatNumber })}`);
  const target = testTargets[t]!;
  out.test_target = derivation(`y^{*}_t = f(x_t) + \\varepsilon_t,\\quad ${at}`, `${n(truthOnGrid[t]!)} + ${operand(target - truthOnGrid[t]!)}`, target, `y*(${formatNumber(x)}) = ${formatNumber(truthOnGrid[t]!)} + ${plainOperand(target - truthOnGrid[t]!)}`);
  out.bias2_at = derivation(`\\left(\\bar f(x_t) - f(x_t)\\right)^{2},\\quad ${at}`, squaredDifference(m, truthOnGrid[t]!).latex, (m - truthOnGrid[t]!) ** 2, `bias^2 at ${formatNumber(x)} = ${squaredDifference(m, truthOnGrid[t]!).plain}`);
  const spread = meanOfTerms(R, fits.map((fit) => squaredDifference(fit, m)));
  out.variance_at = derivation(`v_t = \\frac{1}{R}\\sum_{D}\\left(f_D(x_t) - \\bar f(x_t)\\right)^{2},\\quad ${at}`, spread.latex, analysis.pointVariance[index]![t]!, `variance at ${formatNumber(x)} = ${spread.plain}`);
  return out;
}

/** train_error, test_error and coefficient_norm of the model with `index`'s p features; with a grid point also its prediction `fit` there. */
export function explainFeatureCount(analysis: DoubleDescentAnalysis, index: number, coefficients: Float64Array, testPredictions: Float64Array, trainPredictions: Float64Array, point?: number): Explanation {
  const { train, grid, truthOnGrid, features } = analysis;
  const result = analysis.results[index]!;
  const out: Explanation = {};
  const trainTerms = meanOfTerms(train.x.length, Array.from(trainPredictions, (fit, i) => squaredDifference(fit, train.y[i]!)));
  out.train_error = derivation('\\text{train error} = \\frac{1}{n}\\sum_{i=1}^{n}\\left(\\hat f(x_i) - y_i\\right)^{2}', trainTerms.latex, result.train_error, `train error = ${trainTerms.plain}`);
  const testTerms = meanOfTerms(grid.length, Array.from(testPredictions, (fit, t) => squaredDifference(fit, truthOnGrid[t]!)));
  out.test_error = derivation('\\text{test error} = \\frac{1}{T}\\sum_{t=1}^{T}\\left(\\hat f(x_t) - f(x_t)\\right)^{2}', testTerms.latex, result.test_error, `test error = ${testTerms.plain}`);
  const squares = sumOf(Array.from(coefficients, (c) => ({ latex: `${operand(c)}^{2}`, plain: `${plainOperand(c)}^2` })));
  out.coefficient_norm = derivation('\\lVert c \\rVert = \\sqrt{\\textstyle\\sum_{j=1}^{p} c_j^{2}}', `\\sqrt{${squares.latex}}`, result.coefficient_norm, `||c|| = sqrt(${squares.plain})`);
  if (point !== undefined) {
    const x = grid[point]!;
    const terms = Array.from(coefficients, (c, j) => {
      const u = features.w[j]! * x + features.b[j]!;
      return { latex: `${operand(c)} \\cdot \\operatorname{relu}(${n(u)})`, plain: `${plainOperand(c)}*relu(${formatNumber(u)})` };
    });
    const sum = sumOf(terms);
    out.fit = derivation(`\\hat f(x) = \\sum_{j=1}^{p} c_j \\operatorname{relu}(w_j x + b_j),\\quad x = ${n(x)}`, sum.latex, testPredictions[point]!, `f_hat(${formatNumber(x)}) = ${sum.plain}`);
  }
  return out;
}
