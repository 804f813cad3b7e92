import fc from 'fast-check';
import { Matrix as MlMatrix, pseudoInverse, SingularValueDecomposition, solve as mlSolve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { KnnRegressor } from './knn';
import { legendreDesign, toUnitInterval } from './legendre';
import { checkBiasVarianceCase } from './case';
import { setFitter } from './bias-variance';
import type { Dataset } from './sampling';

/**
 * The fits against independent oracles: closed forms for the Legendre polynomials and for
 * degrees 0 and 1, ml-matrix's least squares in the monomial basis (the same polynomial
 * space, so the same fitted curve), its SVD pseudo-inverse for the minimum-norm fits, its LU
 * on the normal equations for ridge, and a brute-force sort for k-NN.
 */

/** P_0..P_4 written out (Abramowitz & Stegun 22.3.8). */
const CLOSED_FORMS = [
  () => 1,
  (t: number) => t,
  (t: number) => (3 * t ** 2 - 1) / 2,
  (t: number) => (5 * t ** 3 - 3 * t) / 2,
  (t: number) => (35 * t ** 4 - 30 * t ** 2 + 3) / 8,
];

function rowsOf(design: { rows: number; cols: number; data: Float64Array }): number[][] {
  return Array.from({ length: design.rows }, (_, i) => Array.from({ length: design.cols }, (_, j) => design.data[i + j * design.rows]!));
}

/** Fits one dataset at the given degrees through the lab's own fitter; predictions at `grid`. */
function labFit(dataset: Dataset, grid: Float64Array, degrees: number[], ridge: number, domain: [number, number] = [0, 1]): Float64Array[] {
  const checked = checkBiasVarianceCase({ truth: 'sin', domain, model: { family: 'polynomial', degrees, ridge } });
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  const out = new Float64Array(degrees.length * grid.length);
  setFitter(checked.settings, grid, degrees).fit(dataset, out, new Float64Array(degrees.length * dataset.x.length));
  return degrees.map((_, j) => out.slice(j * grid.length, (j + 1) * grid.length));
}

function randomDataset(seed: number, size: number, domain: [number, number] = [0, 1]): Dataset {
  const random = createRandom(seed);
  const x = Float64Array.from({ length: size }, () => domain[0] + (domain[1] - domain[0]) * random());
  return { x, y: x.map((value) => Math.sin(5 * value) + random() - 0.5) };
}

describe('legendreDesign', () => {
  it('matches the closed forms of P_0..P_4 on the domain mapped to [-1, 1]', () => {
    const xs = [2, 2.5, 3.1, 4, 6];
    const domain: [number, number] = [2, 6];
    const design = legendreDesign(xs, domain, 4);
    xs.forEach((x, i) => {
      const t = (2 * x - 8) / 4;
      expect(toUnitInterval(x, domain)).toBeCloseTo(t, 15);
      CLOSED_FORMS.forEach((p, k) => expect(design.data[i + k * xs.length]).toBeCloseTo(p(t), 14));
    });
  });

  it('has P_k(1) = 1 and P_k(-1) = (-1)^k up to degree 15', () => {
    const design = legendreDesign([0, 1], [0, 1], 15);
    for (let k = 0; k <= 15; k++) {
      expect(design.data[1 + 2 * k]).toBeCloseTo(1, 12);
      expect(design.data[2 * k]).toBeCloseTo((-1) ** k, 12);
    }
  });
});

describe('polynomial fits', () => {
  it('degree 0 is the mean of y; degree 1 is the least-squares line (closed form)', () => {
    const dataset = randomDataset(3, 12);
    const grid = Float64Array.of(0, 0.25, 1);
    const [flat, line] = labFit(dataset, grid, [0, 1], 0);
    const n = dataset.x.length;
    const xbar = dataset.x.reduce((s, v) => s + v, 0) / n;
    const ybar = dataset.y.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += (dataset.x[i]! - xbar) * (dataset.y[i]! - ybar);
      sxx += (dataset.x[i]! - xbar) ** 2;
    }
    const slope = sxy / sxx;
    grid.forEach((x, t) => {
      expect(flat![t]).toBeCloseTo(ybar, 13);
      expect(line![t]).toBeCloseTo(ybar + slope * (x - xbar), 12);
    });
  });

  it('equals ml-matrix least squares in the monomial basis (the same curve) for degrees 0..6', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 8, max: 40 }), (seed, size) => {
        const domain: [number, number] = [-1.5, 2];
        const dataset = randomDataset(seed, size, domain);
        const grid = Float64Array.from({ length: 9 }, (_, t) => -1.5 + (3.5 * t) / 8);
        const degrees = [0, 1, 2, 3, 4, 5, 6];
        const ours = labFit(dataset, grid, degrees, 0, domain);
        degrees.forEach((degree, j) => {
          const vandermonde = new MlMatrix(Array.from(dataset.x, (x) => Array.from({ length: degree + 1 }, (_, k) => x ** k)));
          const coefficients = mlSolve(vandermonde, MlMatrix.columnVector(Array.from(dataset.y))).to1DArray();
          grid.forEach((x, t) => {
            const expected = coefficients.reduce((sum, c, k) => sum + c * x ** k, 0);
            expect(Math.abs(ours[j]![t]! - expected)).toBeLessThan(1e-8 * (1 + Math.abs(expected)));
          });
        });
      }),
      { numRuns: 60 },
    );
  });

  it('when degree + 1 > n, gives the minimum-norm Legendre coefficients: pinv(A) y', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), (seed, size, extra) => {
        const degree = Math.min(15, size - 1 + extra);
        const dataset = randomDataset(seed, size);
        const grid = Float64Array.from({ length: 7 }, (_, t) => t / 6);
        const [ours] = labFit(dataset, grid, [degree], 0);
        const design = legendreDesign(dataset.x, [0, 1], degree);
        const coefficients = pseudoInverse(new MlMatrix(rowsOf(design))).mmul(MlMatrix.columnVector(Array.from(dataset.y))).to1DArray();
        // Two solvers of an ill-conditioned system agree only to about cond(A) * eps * ||c|| per
        // unit of the grid row (five points within 0.013 of each other give cond ~ 1e9): the bound
        // scales with the condition, as the backward-error analysis of least squares says.
        const singular = new SingularValueDecomposition(new MlMatrix(rowsOf(design)), { autoTranspose: true }).diagonal.filter((value) => value > 1e-13);
        const condition = Math.max(...singular) / Math.min(...singular);
        const norm = Math.hypot(...coefficients);
        const gridDesign = rowsOf(legendreDesign(grid, [0, 1], degree));
        gridDesign.forEach((row, t) => {
          const expected = row.reduce((sum, value, k) => sum + value * coefficients[k]!, 0);
          const rounding = 1e3 * Number.EPSILON * condition * Math.hypot(...row) * norm;
          expect(Math.abs(ours![t]! - expected)).toBeLessThan(1e-7 * (1 + Math.abs(expected)) + rounding);
        });
      }),
      // the fresh-seed run's counterexample: five of six points within 0.013 (cond ~ 2.5e9)
      { numRuns: 100, examples: [[40570443, 6, 1]] },
    );
  });

  it('ridge minimises SSE + lambda * sum of the squared Legendre coefficients except c_0: (A^T A + lambda D) c = A^T y', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 3, max: 30 }), fc.integer({ min: 0, max: 15 }), fc.double({ min: 1e-4, max: 10, noNaN: true }), (seed, size, degree, ridge) => {
        const dataset = randomDataset(seed, size);
        const grid = Float64Array.from({ length: 5 }, (_, t) => t / 4);
        const [ours] = labFit(dataset, grid, [degree], ridge);
        const a = new MlMatrix(rowsOf(legendreDesign(dataset.x, [0, 1], degree)));
        const gram = a.transpose().mmul(a);
        for (let k = 1; k <= degree; k++) gram.set(k, k, gram.get(k, k) + ridge);
        const coefficients = mlSolve(gram, a.transpose().mmul(MlMatrix.columnVector(Array.from(dataset.y)))).to1DArray();
        rowsOf(legendreDesign(grid, [0, 1], degree)).forEach((row, t) => {
          const expected = row.reduce((sum, value, k) => sum + value * coefficients[k]!, 0);
          expect(Math.abs(ours![t]! - expected)).toBeLessThan(1e-7 * (1 + Math.abs(expected)));
        });
      }),
      { numRuns: 100 },
    );
  });

  it('ridge leaves the constant free: a huge lambda shrinks every fit to the mean of y', () => {
    const dataset = randomDataset(11, 15);
    const [fit] = labFit(dataset, Float64Array.of(0, 0.5, 1), [7], 1e12);
    const mean = dataset.y.reduce((s, v) => s + v, 0) / dataset.y.length;
    for (const value of fit!) expect(value).toBeCloseTo(mean, 8);
  });
});

describe('KnnRegressor against brute force', () => {
  /** Sort every point by (|x - q|, index) and average the first k targets. */
  function bruteForce(x: readonly number[], y: readonly number[], q: number, k: number): number {
    const order = x.map((_, i) => i).sort((a, b) => Math.abs(x[a]! - q) - Math.abs(x[b]! - q) || a - b);
    return order.slice(0, k).reduce((sum, i) => sum + y[i]!, 0) / k;
  }

  it('agrees for every k, with repeated x and queries at training points and midpoints (ties)', () => {
    // x on a coarse lattice so repeats and exact midpoint ties are common.
    const lattice = fc.integer({ min: 0, max: 8 }).map((v) => v / 4);
    fc.assert(
      fc.property(fc.array(fc.tuple(lattice, fc.double({ min: -5, max: 5, noNaN: true })), { minLength: 1, maxLength: 25 }), fc.array(fc.integer({ min: -2, max: 18 }).map((v) => v / 8), { minLength: 1, maxLength: 10 }), (points, queries) => {
        const x = points.map(([value]) => value);
        const y = points.map(([, value]) => value);
        const knn = new KnnRegressor(Float64Array.from(x), Float64Array.from(y));
        const ks = Array.from({ length: x.length }, (_, k) => k + 1);
        const out = new Float64Array(ks.length);
        for (const q of [...queries, ...x]) {
          knn.predictAll(q, ks, out);
          ks.forEach((k, j) => expect(out[j]).toBeCloseTo(bruteForce(x, y, q, k), 12));
          expect(knn.neighbours(q, 3)).toEqual(x.map((_, i) => i).sort((a, b) => Math.abs(x[a]! - q) - Math.abs(x[b]! - q) || a - b).slice(0, 3));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('counts a training point as its own neighbour (k = 1 returns its target), and breaks a tie by the lower index', () => {
    const knn = new KnnRegressor(Float64Array.of(0, 1, 2), Float64Array.of(10, 20, 30));
    expect(knn.predict(1, 1)).toBe(20);
    // 0.5 is as far from x = 0 (index 0) as from x = 1 (index 1): index 0 wins.
    expect(knn.predict(0.5, 1)).toBe(10);
    expect(knn.neighbours(1.5, 2)).toEqual([1, 2]);
    // Two points at the same x: the earlier one is nearer.
    const repeated = new KnnRegressor(Float64Array.of(1, 0, 1), Float64Array.of(5, 7, 9));
    expect(repeated.predict(1, 1)).toBe(5);
    expect(repeated.predict(1, 2)).toBe(7);
  });
});
