/**
 * The regression labs' cost, against ml-matrix doing the same least squares in the same run:
 *   - bias-variance: R = 200 training sets of n = 50 points, degrees 0..15 (every degree of
 *     every set fitted), a 200-point test grid, the decomposition and both errors. Layerwise:
 *     analyzeBiasVariance (pivoted QR / complete orthogonal decomposition per fit). ml-matrix:
 *     the same Legendre design matrices, its QrDecomposition.solve per fit, mmul for the grid,
 *     the same sums. Target: under 100 ms.
 *   - double descent: P = 200 random ReLU features, p = 1..200 each fitted by minimum-norm
 *     least squares on n = 20 points, 500 test points. Layerwise: analyzeDoubleDescent.
 *     ml-matrix: pseudoInverse (its SVD) per p, then mmul. Target: under 100 ms.
 *   - the labs' live case (what a slider move recomputes): the default bias-variance case
 *     (R = 50, n = 20, 100 test points, degrees 0..15) through runBiasVariance, the fan included.
 * Both sides' numbers are compared before timing. Beside the wall-clock median, the CPU time
 * per call (process.cpuUsage over repeated calls) is reported: on a machine shared by several
 * jobs the wall clock measures the queue as much as the work; the targets are checked on both.
 */
import { Matrix as MlMatrix, pseudoInverse, QrDecomposition } from 'ml-matrix';
import { analyzeBiasVariance } from '../shared/core/regression/bias-variance';
import { checkBiasVarianceCase, checkDoubleDescentCase } from '../shared/core/regression/case';
import { analyzeDoubleDescent, doubleDescentTrainingSet, drawFeatures, featureMatrix } from '../shared/core/regression/double-descent';
import { legendreDesign } from '../shared/core/regression/legendre';
import { DEFAULT_BIAS_VARIANCE_CASE } from '../shared/core/regression/presets';
import { runBiasVariance } from '../shared/core/regression/run';
import { evenGrid } from '../shared/core/regression/sampling';
import { formatMs, measure, writeResults } from './measure';

/** CPU milliseconds per call (user + system) over `calls` calls after one warm-up call. */
function cpuPerCall(run: () => unknown, calls: number): number {
  run();
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / calls;
}

// --- bias-variance -------------------------------------------------------------------------
const degrees = Array.from({ length: 16 }, (_, d) => d);
const bvChecked = checkBiasVarianceCase({ truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 50, resamples: 200, test_points: 200, model: { family: 'polynomial', degrees }, seed: 1 });
if (!bvChecked.ok) throw new Error('bench case invalid');
const bvSettings = bvChecked.settings;
const reference = analyzeBiasVariance(bvSettings);
const { grid, truthOnGrid, testTargets, datasets } = reference;

function rows(matrix: { rows: number; cols: number; data: Float64Array }): number[][] {
  return Array.from({ length: matrix.rows }, (_, i) => Array.from({ length: matrix.cols }, (_, j) => matrix.data[i + j * matrix.rows]!));
}
const gridRows = rows(legendreDesign(grid, bvSettings.domain, 15));
const gridMatrices = degrees.map((d) => new MlMatrix(gridRows.map((row) => row.slice(0, d + 1))));

/** The peer: same design matrices and sums, least squares by ml-matrix's Householder QR. */
function mlMatrixBiasVariance(): { bias2: number[]; variance: number[]; test: number[] } {
  const T = grid.length;
  const sums = degrees.map(() => new Float64Array(T));
  const squares = degrees.map(() => new Float64Array(T));
  const test = degrees.map(() => 0);
  for (const dataset of datasets) {
    const design = rows(legendreDesign(dataset.x, bvSettings.domain, 15));
    const y = MlMatrix.columnVector(Array.from(dataset.y));
    degrees.forEach((d, j) => {
      const a = new MlMatrix(design.map((row) => row.slice(0, d + 1)));
      const fit = gridMatrices[j]!.mmul(new QrDecomposition(a).solve(y)).to1DArray();
      for (let t = 0; t < T; t++) {
        sums[j]![t] = sums[j]![t]! + fit[t]!;
        squares[j]![t] = squares[j]![t]! + fit[t]! ** 2;
        test[j] = test[j]! + (fit[t]! - testTargets[t]!) ** 2;
      }
    });
  }
  const R = datasets.length;
  return {
    bias2: degrees.map((_, j) => Array.from(sums[j]!, (s, t) => (s / R - truthOnGrid[t]!) ** 2).reduce((a, b) => a + b, 0) / T),
    variance: degrees.map((_, j) => Array.from(squares[j]!, (q, t) => q / R - (sums[j]![t]! / R) ** 2).reduce((a, b) => a + b, 0) / T),
    test: test.map((value) => value / (R * T)),
  };
}

const peerBv = mlMatrixBiasVariance();
reference.results.forEach((result, j) => {
  const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * (1 + Math.abs(b));
  if (!close(result.bias2, peerBv.bias2[j]!) || !close(result.variance, peerBv.variance[j]!) || !close(result.test_error, peerBv.test[j]!)) {
    throw new Error(`degree ${j} differs: ${JSON.stringify(result)} vs ml-matrix ${peerBv.bias2[j]}, ${peerBv.variance[j]}, ${peerBv.test[j]}`);
  }
});

const bvOurs = measure('bias-variance: Layerwise', () => analyzeBiasVariance(bvSettings), { minTimeMs: 2000, maxTimeMs: 6000, minSamples: 10 });
const bvPeer = measure('bias-variance: ml-matrix', mlMatrixBiasVariance, { minTimeMs: 2000, maxTimeMs: 8000, minSamples: 5 });
const bvCpu = cpuPerCall(() => analyzeBiasVariance(bvSettings), 20);
const bvPeerCpu = cpuPerCall(mlMatrixBiasVariance, 3);

// --- double descent ------------------------------------------------------------------------
const ddChecked = checkDoubleDescentCase({ truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 20, test_points: 500, features: Array.from({ length: 200 }, (_, p) => p + 1), ridge: 0, seed: 0 });
if (!ddChecked.ok) throw new Error('bench case invalid');
const ddSettings = ddChecked.settings;
const ddReference = analyzeDoubleDescent(ddSettings);
const ddTrain = doubleDescentTrainingSet(ddSettings);
const ddGrid = evenGrid(ddSettings.domain, ddSettings.testPoints);
const ddTruth = ddGrid.map((x) => ddSettings.truth.at(x));
const ddFeatures = drawFeatures(ddSettings.seed, 200, ddSettings.domain);
const ddTrainRows = rows(featureMatrix(ddTrain.x, ddFeatures));
const ddTestRows = rows(featureMatrix(ddGrid, ddFeatures));

/** The peer: the pseudo-inverse (ml-matrix's SVD) of each n x p feature matrix. */
function mlMatrixDoubleDescent(): number[] {
  const y = MlMatrix.columnVector(Array.from(ddTrain.y));
  return ddSettings.features.map((p) => {
    const c = pseudoInverse(new MlMatrix(ddTrainRows.map((row) => row.slice(0, p)))).mmul(y);
    const fit = new MlMatrix(ddTestRows.map((row) => row.slice(0, p))).mmul(c).to1DArray();
    return fit.reduce((sum, value, t) => sum + (value - ddTruth[t]!) ** 2, 0) / fit.length;
  });
}
const peerDd = mlMatrixDoubleDescent();
ddReference.results.forEach((result, j) => {
  // Near p = n the problem is ill-conditioned and the two rank cut-offs may differ; elsewhere they agree.
  if (Math.abs(result.features - ddSettings.trainSize) <= 5) return;
  if (Math.abs(result.test_error - peerDd[j]!) > 1e-6 * (1 + peerDd[j]!)) throw new Error(`p = ${result.features} differs: ${result.test_error} vs ml-matrix ${peerDd[j]}`);
});

const ddOurs = measure('double descent: Layerwise', () => analyzeDoubleDescent(ddSettings), { minTimeMs: 2000, maxTimeMs: 6000, minSamples: 10 });
const ddPeer = measure('double descent: ml-matrix', mlMatrixDoubleDescent, { minTimeMs: 2000, maxTimeMs: 8000, minSamples: 5 });
const ddCpu = cpuPerCall(() => analyzeDoubleDescent(ddSettings), 20);
const ddPeerCpu = cpuPerCall(mlMatrixDoubleDescent, 3);

// --- the live case -------------------------------------------------------------------------
const live = measure('default lab case: runBiasVariance', () => runBiasVariance({ case: DEFAULT_BIAS_VARIANCE_CASE }), { minTimeMs: 1000, maxTimeMs: 4000, minSamples: 10 });
const liveCpu = cpuPerCall(() => runBiasVariance({ case: DEFAULT_BIAS_VARIANCE_CASE }), 20);

const ratio = (peer: number, ours: number) => `${(peer / ours).toFixed(1)}x`;
const table = [
  ['bias-variance: R 200, n 50, degrees 0-15, 200 test points', formatMs(bvOurs.medianMs), formatMs(bvOurs.p90Ms), formatMs(bvCpu), formatMs(bvPeer.medianMs), formatMs(bvPeerCpu), ratio(bvPeer.medianMs, bvOurs.medianMs), ratio(bvPeerCpu, bvCpu)],
  ['double descent: p = 1..200, n 20, 500 test points', formatMs(ddOurs.medianMs), formatMs(ddOurs.p90Ms), formatMs(ddCpu), formatMs(ddPeer.medianMs), formatMs(ddPeerCpu), ratio(ddPeer.medianMs, ddOurs.medianMs), ratio(ddPeerCpu, ddCpu)],
  ['default bias-variance lab case (R 50, n 20), with the fan', formatMs(live.medianMs), formatMs(live.p90Ms), formatMs(liveCpu), '-', '-', '-', '-'],
];
const header = ['work', 'Layerwise median', 'p90', 'CPU/call', 'ml-matrix median', 'CPU/call', 'ratio', 'CPU ratio'];
const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
console.log('\nregression labs (ratio = ml-matrix time / Layerwise time)');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of table) console.log(line(row));
const verdict = (wall: number, cpu: number) => `wall ${wall < 100 ? 'met' : 'MISSED'} (${formatMs(wall)}), CPU ${cpu < 100 ? 'met' : 'MISSED'} (${formatMs(cpu)})`;
const bvMet = { wall: bvOurs.medianMs < 100, cpu: bvCpu < 100 };
const ddMet = { wall: ddOurs.medianMs < 100, cpu: ddCpu < 100 };
console.log(`\ntarget: bias-variance under 100 ms: ${verdict(bvOurs.medianMs, bvCpu)}`);
console.log(`target: double descent under 100 ms: ${verdict(ddOurs.medianMs, ddCpu)}`);
console.log(
  `results: ${writeResults('regression', {
    biasVariance: { layerwise: bvOurs, mlMatrix: bvPeer, layerwiseCpuMs: bvCpu, mlMatrixCpuMs: bvPeerCpu, targetMs: 100, met: bvMet },
    doubleDescent: { layerwise: ddOurs, mlMatrix: ddPeer, layerwiseCpuMs: ddCpu, mlMatrixCpuMs: ddPeerCpu, targetMs: 100, met: ddMet },
    liveCase: { ...live, cpuMs: liveCpu },
  })}`,
);
