import { leadingColumns, multiplyVector, solveNestedLeastSquares } from '../linalg/index';
import type { BiasVarianceSettings, ModelSettings } from './case';
import { KnnRegressor } from './knn';
import { legendreDesign } from './legendre';
import { drawDataset, drawTestTargets, evenGrid, type Dataset } from './sampling';

/**
 * The bias-variance decomposition over R training sets D (Hastie, Tibshirani & Friedman,
 * ESL 7.3), on the test grid x_1..x_T:
 *   f_bar(x)  = (1/R) sum_D f_D(x)
 *   bias^2    = (1/T) sum_t (f_bar(x_t) - f(x_t))^2
 *   variance  = (1/T) sum_t (1/R) sum_D (f_D(x_t) - f_bar(x_t))^2
 *   noise     = sigma^2
 *   expected  = bias^2 + variance + noise
 * and beside it, measured: test error = (1/R) sum_D (1/T) sum_t (f_D(x_t) - y*_t)^2 against
 * one set of fresh noisy targets y*_t = f(x_t) + noise (shared by every D), and train error
 * = (1/R) sum_D (1/n) sum_i (f_D(x_i) - y_i)^2. bias^2 + variance is exactly the mean squared
 * distance of the fits from f; the test error agrees with the expected error up to sampling
 * error (the noise on T targets, and the cross term between fit and noise).
 */

/** One complexity's numbers (the CLI's fields). */
export interface ComplexityResult {
  /** The degree, or k. */
  complexity: number;
  bias2: number;
  variance: number;
  noise: number;
  expected_error: number;
  test_error: number;
  train_error: number;
}

/** The engine's full record of a run: what the results, the fan and the derivations read. */
export interface BiasVarianceAnalysis {
  settings: BiasVarianceSettings;
  grid: Float64Array;
  truthOnGrid: Float64Array;
  testTargets: Float64Array;
  datasets: Dataset[];
  complexities: number[];
  results: ComplexityResult[];
  /** Per complexity: f_bar on the grid. */
  meanFit: Float64Array[];
  /** Per complexity: (1/R) sum_D (f_D(x_t) - f_bar(x_t))^2 at each grid point. */
  pointVariance: Float64Array[];
  /** Per complexity, per training set: (1/T) sum_t (f_D(x_t) - y*_t)^2. */
  testErrors: Float64Array[];
  /** Per complexity, per training set: (1/n) sum_i (f_D(x_i) - y_i)^2. */
  trainErrors: Float64Array[];
}

/** The complexities of a model, in the order listed. */
export function complexitiesOf(model: ModelSettings): number[] {
  return model.family === 'polynomial' ? model.degrees : model.ks;
}

/** Training sets: the explicit ones, or R drawn from the seed (set r from stream r). */
export function trainingSets(settings: BiasVarianceSettings): Dataset[] {
  if (settings.datasets) return settings.datasets;
  const f = (x: number) => settings.truth.at(x);
  return Array.from({ length: settings.resamples }, (_, r) => drawDataset(settings.seed, r + 1, settings.trainSize, settings.domain, f, settings.noiseStd));
}

/**
 * Fits one training set at every complexity: predictions on the grid (complexity j at
 * grid[j * T + t]) and at its own points (train[j * n + i]).
 */
export interface SetFitter {
  fit(dataset: Dataset, grid: Float64Array, train: Float64Array): void;
}

/** Polynomials in the Legendre basis on the domain (scaled to [-1, 1]), ridge leaving c_0 free; min-norm when degree + 1 > n. */
function polynomialFitter(settings: BiasVarianceSettings, gridX: Float64Array, degrees: readonly number[], ridge: number): SetFitter {
  const maxDegree = Math.max(...degrees);
  const gridDesign = legendreDesign(gridX, settings.domain, maxDegree);
  const gridCount = gridX.length;
  const options = { ridge, unpenalized: [0] };
  const widths = degrees.map((degree) => degree + 1);
  return {
    fit(dataset, grid, train) {
      const n = dataset.x.length;
      const design = legendreDesign(dataset.x, settings.domain, maxDegree);
      // The degrees share their basis columns: one QR serves them all (see solveNestedLeastSquares).
      const solutions = solveNestedLeastSquares(design, dataset.y, widths, options);
      degrees.forEach((degree, j) => {
        const { coefficients } = solutions[j]!;
        multiplyVector(leadingColumns(gridDesign, degree + 1), coefficients, grid.subarray(j * gridCount, (j + 1) * gridCount));
        multiplyVector(leadingColumns(design, degree + 1), coefficients, train.subarray(j * n, (j + 1) * n));
      });
    },
  };
}

function knnFitter(gridX: Float64Array, ks: readonly number[]): SetFitter {
  const sorted = [...ks].sort((a, b) => a - b);
  const listPosition = sorted.map((k) => ks.indexOf(k));
  const scratch = new Float64Array(ks.length);
  const gridCount = gridX.length;
  return {
    fit(dataset, grid, train) {
      const n = dataset.x.length;
      const knn = new KnnRegressor(dataset.x, dataset.y);
      const predictAt = (q: number, out: Float64Array, index: number, count: number) => {
        knn.predictAll(q, sorted, scratch);
        for (let s = 0; s < sorted.length; s++) out[listPosition[s]! * count + index] = scratch[s]!;
      };
      for (let t = 0; t < gridCount; t++) predictAt(gridX[t]!, grid, t, gridCount);
      for (let i = 0; i < n; i++) predictAt(dataset.x[i]!, train, i, n);
    },
  };
}

export function setFitter(settings: BiasVarianceSettings, gridX: Float64Array, complexities: readonly number[]): SetFitter {
  return settings.model.family === 'polynomial' ? polynomialFitter(settings, gridX, complexities, settings.model.ridge) : knnFitter(gridX, complexities);
}

/** Runs a checked case: every training set fitted at every complexity, then the decomposition. */
export function analyzeBiasVariance(settings: BiasVarianceSettings): BiasVarianceAnalysis {
  const grid = evenGrid(settings.domain, settings.testPoints);
  const truthOnGrid = grid.map((x) => settings.truth.at(x));
  const testTargets = settings.testTargets ?? drawTestTargets(settings.seed, truthOnGrid, settings.noiseStd);
  const datasets = trainingSets(settings);
  const complexities = complexitiesOf(settings.model);
  const K = complexities.length;
  const T = grid.length;
  const R = datasets.length;
  const n = datasets[0]?.x.length ?? 0;
  const fitter = setFitter(settings, grid, complexities);

  // Welford's running mean and sum of squared deviations over the sets, per complexity and grid point.
  const mean = Array.from({ length: K }, () => new Float64Array(T));
  const squares = Array.from({ length: K }, () => new Float64Array(T));
  const testErrors = Array.from({ length: K }, () => new Float64Array(R));
  const trainErrors = Array.from({ length: K }, () => new Float64Array(R));
  const gridFits = new Float64Array(K * T);
  const trainFits = new Float64Array(K * n);
  datasets.forEach((dataset, r) => {
    fitter.fit(dataset, gridFits, trainFits);
    for (let j = 0; j < K; j++) {
      const m = mean[j]!;
      const s = squares[j]!;
      let test = 0;
      for (let t = 0; t < T; t++) {
        const value = gridFits[j * T + t]!;
        const delta = value - m[t]!;
        m[t] = m[t]! + delta / (r + 1);
        s[t] = s[t]! + delta * (value - m[t]!);
        const residual = value - testTargets[t]!;
        test += residual * residual;
      }
      testErrors[j]![r] = test / T;
      let trainSum = 0;
      for (let i = 0; i < n; i++) {
        const residual = trainFits[j * n + i]! - dataset.y[i]!;
        trainSum += residual * residual;
      }
      trainErrors[j]![r] = trainSum / n;
    }
  });

  const noise = settings.noiseStd * settings.noiseStd;
  const pointVariance = squares.map((s) => s.map((value) => value / R));
  const results = complexities.map((complexity, j): ComplexityResult => {
    const bias2 = meanOf(mean[j]!.map((value, t) => (value - truthOnGrid[t]!) ** 2));
    const variance = meanOf(pointVariance[j]!);
    return {
      complexity,
      bias2,
      variance,
      noise,
      expected_error: bias2 + variance + noise,
      test_error: meanOf(testErrors[j]!),
      train_error: meanOf(trainErrors[j]!),
    };
  });
  return { settings, grid, truthOnGrid, testTargets, datasets, complexities, results, meanFit: mean, pointVariance, testErrors, trainErrors };
}

/** Every training set's fit on the grid at one complexity (the fan). */
export function fitsAt(analysis: BiasVarianceAnalysis, complexity: number): Float64Array[] {
  const { settings, grid, datasets } = analysis;
  const fitter = setFitter(settings, grid, [complexity]);
  const n = datasets[0]?.x.length ?? 0;
  const train = new Float64Array(n);
  return datasets.map((dataset) => {
    const out = new Float64Array(grid.length);
    fitter.fit(dataset, out, train);
    return out;
  });
}

export function meanOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return values.length === 0 ? 0 : sum / values.length;
}
