import { leadingColumns, multiplyVector, solveLeastSquares, zeroMatrix, type Matrix } from '../linalg/index';
import { createRandom, normalSample } from '../random';
import type { DoubleDescentSettings } from './case';
import { evenGrid, FEATURE_STREAM, streamSeed, type Dataset } from './sampling';

/**
 * Double descent with random ReLU features (Belkin et al. 2019; Nakkiran et al. 2020):
 * phi_j(x) = relu(w_j x + b_j), j = 1..P, drawn once from the seed; the model with p
 * features is c_1 phi_1 + ... + c_p phi_p (no intercept), fitted by minimum-norm least
 * squares (or ridge, lambda ||c||^2). Below p = n the fit is a regression; at p = n it
 * first interpolates the n training points, the coefficients blow up and so does the test
 * error; beyond, the shortest of the many interpolants gets smoother again. Ridge keeps the
 * coefficients bounded and removes the peak.
 *
 * The draw. In one dimension a ReLU feature bends at one point, its kink -b_j / w_j, and the
 * features can interpolate n points only once kinks split (nearly) every gap between
 * neighbouring training points. With i.i.d. points and i.i.d. kinks some gaps are tiny and
 * stay unsplit until p >> n, which smears the threshold far past p = n. So, the 1-D version of
 * features in general position: the kinks follow the golden-ratio sequence from a random start
 * (kink_j = low + width * frac(u + j / phi), so the first p kinks cut the domain into nearly
 * equal pieces for every p), the slopes are Gaussian (w_j = z_j / half-width, z_j ~ N(0, 1),
 * either sign), b_j = -w_j kink_j; and the training inputs are stratified: one point uniform in
 * each of n equal cells of the domain, targets f(x) + sigma z.
 */

export interface RandomFeatures {
  w: Float64Array;
  b: Float64Array;
}

/** One p's numbers (the CLI's fields, and the coefficients' size). */
export interface FeatureCountResult {
  features: number;
  train_error: number;
  test_error: number;
  /** ||c||: large at the interpolation threshold. */
  coefficient_norm: number;
  /** Numerical rank of the n x p feature matrix. */
  rank: number;
}

export interface DoubleDescentAnalysis {
  settings: DoubleDescentSettings;
  train: Dataset;
  features: RandomFeatures;
  grid: Float64Array;
  truthOnGrid: Float64Array;
  results: FeatureCountResult[];
  /** The interpolation threshold p = n. */
  threshold: number;
  /** The p of the largest test error among those fitted. */
  peak: number;
}

/** P features from the feature stream of the seed (the first p of a longer draw are the same). */
export function drawFeatures(seed: number, count: number, domain: readonly [number, number]): RandomFeatures {
  const random = createRandom(streamSeed(seed, FEATURE_STREAM));
  const [low, high] = domain;
  const width = high - low;
  const start = random();
  const w = new Float64Array(count);
  const b = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const fraction = (start + j * INVERSE_GOLDEN_RATIO) % 1;
    const kink = low + width * fraction;
    w[j] = normalSample(random) / (width / 2);
    b[j] = -w[j]! * kink;
  }
  return { w, b };
}

/** 1 / phi: consecutive multiples mod 1 are the most evenly spread sequence (the three-gap theorem). */
const INVERSE_GOLDEN_RATIO = (Math.sqrt(5) - 1) / 2;

/** The feature matrix: entry (i, j) = relu(w_j x_i + b_j), column-major (the first p columns are a prefix). */
export function featureMatrix(xs: ArrayLike<number>, features: RandomFeatures): Matrix {
  const rows = xs.length;
  const cols = features.w.length;
  const matrix = zeroMatrix(rows, cols);
  for (let j = 0; j < cols; j++) {
    const w = features.w[j]!;
    const b = features.b[j]!;
    const offset = j * rows;
    for (let i = 0; i < rows; i++) {
      const u = w * xs[i]! + b;
      matrix.data[offset + i] = u > 0 ? u : 0;
    }
  }
  return matrix;
}

/** The training set of a double-descent case: x_i uniform in cell i of n equal cells, y = f(x) + sigma z (stream 1 of the seed). */
export function doubleDescentTrainingSet(settings: DoubleDescentSettings): Dataset {
  const random = createRandom(streamSeed(settings.seed, 1));
  const [low, high] = settings.domain;
  const n = settings.trainSize;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = low + ((high - low) * (i + random())) / n;
    y[i] = settings.truth.at(x[i]!) + settings.noiseStd * normalSample(random);
  }
  return { x, y };
}

/** The fitted coefficients and predictions of the model with the first p features. */
export function fitFeatures(trainDesign: Matrix, testDesign: Matrix, y: ArrayLike<number>, p: number, ridge: number) {
  const a = leadingColumns(trainDesign, p);
  const { coefficients, rank } = solveLeastSquares(a, y, { ridge });
  return { coefficients, rank, train: multiplyVector(a, coefficients), test: multiplyVector(leadingColumns(testDesign, p), coefficients) };
}

export function analyzeDoubleDescent(settings: DoubleDescentSettings): DoubleDescentAnalysis {
  const train = doubleDescentTrainingSet(settings);
  const grid = evenGrid(settings.domain, settings.testPoints);
  const truthOnGrid = grid.map((x) => settings.truth.at(x));
  const features = drawFeatures(settings.seed, Math.max(...settings.features), settings.domain);
  const trainDesign = featureMatrix(train.x, features);
  const testDesign = featureMatrix(grid, features);
  const results = settings.features.map((p): FeatureCountResult => {
    const fit = fitFeatures(trainDesign, testDesign, train.y, p, settings.ridge);
    return {
      features: p,
      train_error: meanSquaredDifference(fit.train, train.y),
      test_error: meanSquaredDifference(fit.test, truthOnGrid),
      coefficient_norm: Math.sqrt(fit.coefficients.reduce((sum, c) => sum + c * c, 0)),
      rank: fit.rank,
    };
  });
  let peak = results[0]!;
  for (const result of results) if (result.test_error > peak.test_error) peak = result;
  return { settings, train, features, grid, truthOnGrid, results, threshold: settings.trainSize, peak: peak.features };
}

export function meanSquaredDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return a.length === 0 ? 0 : sum / a.length;
}
