import { cleanNumber } from '../optim/format';
import { analyzeBiasVariance, fitsAt, type BiasVarianceAnalysis, type ComplexityResult } from './bias-variance';
import { checkBiasVarianceCase, checkDoubleDescentCase, type BiasVarianceCaseInput, type DoubleDescentCaseInput } from './case';
import { analyzeDoubleDescent, featureMatrix, fitFeatures, type FeatureCountResult } from './double-descent';
import { explainComplexity, explainFeatureCount, type Explanation } from './explain';
import { regressionIssue, type RegressionIssue } from './issues';

/**
 * The labs' core calls: plain data in, plain data out, never a throw. Scalars are rounded to
 * 12 significant digits (optim/format's cleanNumber, as the optimizer shows them); training
 * data and targets are exact, so a result's datasets fed back as input reproduce it.
 */

export type Failure = { ok: false; issues: RegressionIssue[] };

export interface PlainDataset {
  x: number[];
  y: number[];
}

export interface ComplexityEntry extends ComplexityResult {
  /** f_bar on the test grid. */
  mean_fit: number[];
}

export interface BiasVarianceResult {
  ok: true;
  truth: { text: string; latex: string };
  /** The test grid: test_points evenly spaced points, ends included. */
  grid: number[];
  /** f on the grid. */
  truth_on_grid: number[];
  /** The fresh noisy targets y*_t on the grid (shared by every resample). */
  test_targets: number[];
  datasets: PlainDataset[];
  /** One entry per degree (or k), in the order listed. */
  results: ComplexityEntry[];
  /** The complexity with the least expected error (bias^2 + variance + noise). */
  best: number;
  /** The chosen complexity (the payload's `chosen`, else `best`): every fit on the grid (the fan) and their mean. */
  chosen: { complexity: number; fits: number[][]; mean_fit: number[] };
}

/** Payload of `biasVariance`: the case, and the complexity whose fan to return (default: the best). */
export interface BiasVarianceRequest {
  case: BiasVarianceCaseInput;
  chosen?: number;
}

/** Payload of `biasVarianceExplain`: the complexity (a degree or k of the case) and optionally a grid point (0-based). */
export interface BiasVarianceExplainRequest {
  case: BiasVarianceCaseInput;
  complexity: number;
  point?: number;
}

const clean = (values: ArrayLike<number>) => Array.from(values, cleanNumber);

function prepareBiasVariance(value: unknown): { ok: true; analysis: BiasVarianceAnalysis } | Failure {
  const checked = checkBiasVarianceCase(value);
  if (!checked.ok) return checked;
  const analysis = analyzeBiasVariance(checked.settings);
  const issues = truthIssues(analysis.truthOnGrid, analysis.grid);
  for (const dataset of analysis.datasets) {
    const bad = dataset.y.findIndex((y) => !Number.isFinite(y));
    if (bad >= 0) issues.push(regressionIssue('truth', 'truth_not_finite', { x: dataset.x[bad]! }));
    if (issues.length > 0) break;
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, analysis };
}

function truthIssues(truthOnGrid: Float64Array, grid: Float64Array): RegressionIssue[] {
  const bad = truthOnGrid.findIndex((value) => !Number.isFinite(value));
  return bad >= 0 ? [regressionIssue('truth', 'truth_not_finite', { x: grid[bad]! })] : [];
}

function complexityIndex(analysis: { complexities: number[] }, complexity: unknown, field: string): number | RegressionIssue {
  const index = typeof complexity === 'number' ? analysis.complexities.indexOf(complexity) : -1;
  if (index >= 0) return index;
  return regressionIssue(field, 'unknown_choice', { value: String(complexity), choices: analysis.complexities.join(', ') });
}

function pointIssue(point: unknown, count: number): RegressionIssue | null {
  if (point === undefined) return null;
  if (typeof point !== 'number' || !Number.isInteger(point)) return regressionIssue('point', 'wrong_type', { expected: 'integer' });
  if (point < 0) return regressionIssue('point', 'too_small', { min: 0, value: point });
  if (point >= count) return regressionIssue('point', 'too_large', { max: count - 1, value: point });
  return null;
}

/** The bias-variance lab: the decomposition and errors at every complexity, the fan at the chosen one. */
export function runBiasVariance(request: BiasVarianceRequest): BiasVarianceResult | Failure {
  const prepared = prepareBiasVariance(request?.case);
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  let best = 0;
  analysis.results.forEach((result, j) => {
    if (result.expected_error < analysis.results[best]!.expected_error) best = j;
  });
  let chosenIndex = best;
  if (request.chosen !== undefined) {
    const index = complexityIndex(analysis, request.chosen, 'chosen');
    if (typeof index !== 'number') return { ok: false, issues: [index] };
    chosenIndex = index;
  }
  const chosen = analysis.complexities[chosenIndex]!;
  return {
    ok: true,
    truth: { text: analysis.settings.truth.text, latex: analysis.settings.truth.latex },
    grid: Array.from(analysis.grid),
    truth_on_grid: Array.from(analysis.truthOnGrid),
    test_targets: Array.from(analysis.testTargets),
    datasets: analysis.datasets.map((dataset) => ({ x: Array.from(dataset.x), y: Array.from(dataset.y) })),
    results: analysis.results.map((result, j) => ({
      complexity: result.complexity,
      bias2: cleanNumber(result.bias2),
      variance: cleanNumber(result.variance),
      noise: cleanNumber(result.noise),
      expected_error: cleanNumber(result.expected_error),
      test_error: cleanNumber(result.test_error),
      train_error: cleanNumber(result.train_error),
      mean_fit: clean(analysis.meanFit[j]!),
    })),
    best: analysis.complexities[best]!,
    chosen: { complexity: chosen, fits: fitsAt(analysis, chosen).map(clean), mean_fit: clean(analysis.meanFit[chosenIndex]!) },
  };
}

/** Every number of one complexity as its derivation (keys: see explainComplexity). */
export function explainBiasVariance(request: BiasVarianceExplainRequest): { ok: true; explanation: Explanation } | Failure {
  const prepared = prepareBiasVariance(request?.case);
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  const index = complexityIndex(analysis, request.complexity, 'complexity');
  if (typeof index !== 'number') return { ok: false, issues: [index] };
  const bad = pointIssue(request.point, analysis.grid.length);
  if (bad) return { ok: false, issues: [bad] };
  return { ok: true, explanation: explainComplexity(analysis, index, request.point) };
}

export type DoubleDescentEntry = FeatureCountResult;

export interface DoubleDescentResult {
  ok: true;
  truth: { text: string; latex: string };
  grid: number[];
  truth_on_grid: number[];
  /** The training set (stratified x, noisy y). */
  train: PlainDataset;
  /** The drawn features, phi_j(x) = relu(w_j x + b_j), j = 1..max(p). */
  w: number[];
  b: number[];
  /** One entry per p, in the order listed. */
  results: DoubleDescentEntry[];
  /** The interpolation threshold p = n. */
  threshold: number;
  /** The p of the largest test error. */
  peak: number;
  /** The chosen p (default: the threshold if fitted, else the first p): its fit on the grid and coefficients. */
  chosen: { features: number; fit: number[]; coefficients: number[] };
}

export interface DoubleDescentRequest {
  case: DoubleDescentCaseInput;
  chosen?: number;
}

export interface DoubleDescentExplainRequest {
  case: DoubleDescentCaseInput;
  features: number;
  point?: number;
}

function prepareDoubleDescent(value: unknown) {
  const checked = checkDoubleDescentCase(value);
  if (!checked.ok) return checked;
  const analysis = analyzeDoubleDescent(checked.settings);
  const issues = truthIssues(analysis.truthOnGrid, analysis.grid);
  const bad = analysis.train.y.findIndex((y) => !Number.isFinite(y));
  if (issues.length === 0 && bad >= 0) issues.push(regressionIssue('truth', 'truth_not_finite', { x: analysis.train.x[bad]! }));
  if (issues.length > 0) return { ok: false as const, issues };
  const trainDesign = featureMatrix(analysis.train.x, analysis.features);
  const testDesign = featureMatrix(analysis.grid, analysis.features);
  const fit = (p: number) => fitFeatures(trainDesign, testDesign, analysis.train.y, p, analysis.settings.ridge);
  return { ok: true as const, analysis, fit, complexities: analysis.settings.features };
}

/** The double-descent lab: train and test error (against the noiseless truth) for every p, the fit at the chosen p. */
export function runDoubleDescent(request: DoubleDescentRequest): DoubleDescentResult | Failure {
  const prepared = prepareDoubleDescent(request?.case);
  if (!prepared.ok) return prepared;
  const { analysis } = prepared;
  const features = analysis.settings.features;
  let chosen = features.includes(analysis.threshold) ? analysis.threshold : features[0]!;
  if (request.chosen !== undefined) {
    const index = complexityIndex(prepared, request.chosen, 'chosen');
    if (typeof index !== 'number') return { ok: false, issues: [index] };
    chosen = features[index]!;
  }
  const fit = prepared.fit(chosen);
  return {
    ok: true,
    truth: { text: analysis.settings.truth.text, latex: analysis.settings.truth.latex },
    grid: Array.from(analysis.grid),
    truth_on_grid: Array.from(analysis.truthOnGrid),
    train: { x: Array.from(analysis.train.x), y: Array.from(analysis.train.y) },
    w: Array.from(analysis.features.w),
    b: Array.from(analysis.features.b),
    results: analysis.results.map((result) => ({
      features: result.features,
      train_error: cleanNumber(result.train_error),
      test_error: cleanNumber(result.test_error),
      coefficient_norm: cleanNumber(result.coefficient_norm),
      rank: result.rank,
    })),
    threshold: analysis.threshold,
    peak: analysis.peak,
    chosen: { features: chosen, fit: clean(fit.test), coefficients: clean(fit.coefficients) },
  };
}

/** train_error, test_error, coefficient_norm (and with a grid point, the fit there) of one p as derivations. */
export function explainDoubleDescent(request: DoubleDescentExplainRequest): { ok: true; explanation: Explanation } | Failure {
  const prepared = prepareDoubleDescent(request?.case);
  if (!prepared.ok) return prepared;
  const index = complexityIndex(prepared, request.features, 'features');
  if (typeof index !== 'number') return { ok: false, issues: [index] };
  const bad = pointIssue(request.point, prepared.analysis.grid.length);
  if (bad) return { ok: false, issues: [bad] };
  const fit = prepared.fit(request.features);
  return { ok: true, explanation: explainFeatureCount(prepared.analysis, index, fit.coefficients, fit.test, fit.train, request.point) };
}
