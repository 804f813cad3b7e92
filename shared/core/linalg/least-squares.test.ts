import fc from 'fast-check';
import { Matrix as MlMatrix, pseudoInverse, solve as mlSolve } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { matrixFromRows, multiplyVector, type Matrix } from './matrix';
import { solveLeastSquares, solveNestedLeastSquares } from './least-squares';

/**
 * Oracles: hand-worked cases, and ml-matrix (an independent implementation: its SVD-based
 * pseudo-inverse, and its LU solve of the normal equations for ridge) on random matrices of
 * every shape and rank.
 */

function toRows(matrix: Matrix): number[][] {
  return Array.from({ length: matrix.rows }, (_, i) => Array.from({ length: matrix.cols }, (_, j) => matrix.data[i + j * matrix.rows]!));
}

/** pinv(A) b by ml-matrix's SVD (its cut-off: eps * max(m, n) * sigma_max, as numpy's). */
function pseudoInverseSolution(matrix: Matrix, b: readonly number[]): number[] {
  const pinv = pseudoInverse(new MlMatrix(toRows(matrix)));
  return pinv.mmul(MlMatrix.columnVector([...b])).to1DArray();
}

/** (A^T A + lambda D) c = A^T b with D = diag(1 for penalised columns, 0 for free ones), by ml-matrix's LU. */
function normalEquationsRidge(matrix: Matrix, b: readonly number[], ridge: number, unpenalized: readonly number[] = []): number[] {
  const a = new MlMatrix(toRows(matrix));
  const gram = a.transpose().mmul(a);
  for (let j = 0; j < matrix.cols; j++) if (!unpenalized.includes(j)) gram.set(j, j, gram.get(j, j) + ridge);
  return mlSolve(gram, a.transpose().mmul(MlMatrix.columnVector([...b]))).to1DArray();
}

/** An m x n matrix of rank r (r <= min(m, n)): a product of random m x r and r x n factors, with some entries scaled. */
function matrixOfRank(m: number, n: number, r: number, seed: number): Matrix {
  const random = createRandom(seed);
  const left = Array.from({ length: m }, () => Array.from({ length: r }, () => 2 * random() - 1));
  const right = Array.from({ length: r }, () => Array.from({ length: n }, () => 2 * random() - 1));
  return matrixFromRows(left.map((row) => Array.from({ length: n }, (_, j) => row.reduce((sum, value, k) => sum + value * right[k]![j]!, 0))));
}

function norm(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]! ** 2;
  return Math.sqrt(sum);
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], relative: number): void {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(1, norm(expected));
  const difference = norm(Array.from(actual, (value, i) => value - expected[i]!));
  expect(difference / scale).toBeLessThan(relative);
}

describe('solveLeastSquares: hand-worked cases', () => {
  it('fits a line through (0, 1), (1, 3), (2, 2): intercept 1.5, slope 0.5 (the closed form)', () => {
    // slope = cov(x, y) / var(x) = ((−1)(−1) + 0 + (1)(0)) / 2 = 0.5; intercept = ybar − slope xbar = 2 − 0.5 = 1.5
    const { coefficients, rank } = solveLeastSquares(matrixFromRows([[1, 0], [1, 1], [1, 2]]), [1, 3, 2]);
    expect(rank).toBe(2);
    expect(coefficients[0]).toBeCloseTo(1.5, 14);
    expect(coefficients[1]).toBeCloseTo(0.5, 14);
  });

  it('gives the minimum-norm solution of a rank-one system: [[1, 1], [1, 1]] c = (2, 0) -> c = (0.5, 0.5)', () => {
    // Least squares asks c1 + c2 = 1 (the mean of 2 and 0); the shortest such c splits it evenly.
    const { coefficients, rank } = solveLeastSquares(matrixFromRows([[1, 1], [1, 1]]), [2, 0]);
    expect(rank).toBe(1);
    expect(coefficients[0]).toBeCloseTo(0.5, 14);
    expect(coefficients[1]).toBeCloseTo(0.5, 14);
  });

  it('gives the minimum-norm interpolant of a wide system: [1, 2] c = 5 -> c = (1, 2)', () => {
    // c = A^T (A A^T)^-1 b = (1, 2) * 5 / 5
    const { coefficients, rank } = solveLeastSquares(matrixFromRows([[1, 2]]), [5]);
    expect(rank).toBe(1);
    expect(coefficients[0]).toBeCloseTo(1, 14);
    expect(coefficients[1]).toBeCloseTo(2, 14);
  });

  it('answers zero for the zero matrix (rank 0), and for a zero column leaves its coefficient 0', () => {
    expect(solveLeastSquares(matrixFromRows([[0, 0], [0, 0]]), [1, 2])).toEqual({ coefficients: new Float64Array(2), rank: 0 });
    const { coefficients, rank } = solveLeastSquares(matrixFromRows([[0, 1], [0, 2]]), [1, 2]);
    expect(rank).toBe(1);
    expect(Array.from(coefficients)).toEqual([0, 1]);
  });

  it('ridge on one coefficient: [1] c = 2 with lambda 1 -> c = 2 / (1 + 1) = 1', () => {
    expect(solveLeastSquares(matrixFromRows([[1]]), [2], { ridge: 1 }).coefficients[0]).toBeCloseTo(1, 14);
  });

  it('ridge with a free intercept: the intercept is the mean and the slope shrinks, (x^T x + lambda) b = x^T y on centred data', () => {
    // x = (-1, 0, 1) is centred, so the intercept is ybar = 2 and slope = x.y / (x.x + lambda) = 2 / (2 + 2) = 0.5.
    const { coefficients } = solveLeastSquares(matrixFromRows([[1, -1], [1, 0], [1, 1]]), [1, 2, 3], { ridge: 2, unpenalized: [0] });
    expect(coefficients[0]).toBeCloseTo(2, 14);
    expect(coefficients[1]).toBeCloseTo(0.5, 14);
  });

  it('refuses a negative or non-finite ridge and a right-hand side of the wrong length', () => {
    const a = matrixFromRows([[1]]);
    expect(() => solveLeastSquares(a, [1], { ridge: -1 })).toThrow(RangeError);
    expect(() => solveLeastSquares(a, [1], { ridge: Number.NaN })).toThrow(RangeError);
    expect(() => solveLeastSquares(a, [1, 2])).toThrow(RangeError);
  });
});

describe('solveLeastSquares against ml-matrix', () => {
  const shape = fc.record({ m: fc.integer({ min: 1, max: 14 }), n: fc.integer({ min: 1, max: 14 }), rankShortfall: fc.integer({ min: 0, max: 4 }), seed: fc.integer({ min: 0, max: 1e9 }) });

  it('equals pinv(A) b (the SVD pseudo-inverse) for every shape and rank', () => {
    fc.assert(
      fc.property(shape, ({ m, n, rankShortfall, seed }) => {
        const r = Math.max(0, Math.min(m, n) - rankShortfall);
        const a = matrixOfRank(m, n, r, seed);
        const random = createRandom(seed + 1);
        const b = Array.from({ length: m }, () => 2 * random() - 1);
        const ours = solveLeastSquares(a, b);
        expect(ours.rank).toBe(r);
        expectClose(ours.coefficients, pseudoInverseSolution(a, b), 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('interpolates when the matrix is wide and of full row rank (the residual is 0)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 1e9 }), (m, extra, seed) => {
        const a = matrixOfRank(m, m + extra, m, seed);
        const random = createRandom(seed + 2);
        const b = Array.from({ length: m }, () => 2 * random() - 1);
        const fitted = multiplyVector(a, solveLeastSquares(a, b).coefficients);
        expectClose(fitted, b, 1e-10);
      }),
      { numRuns: 200 },
    );
  });

  it('ridge on every coefficient equals (A^T A + lambda I)^-1 A^T b, at any rank', () => {
    fc.assert(
      fc.property(shape, fc.double({ min: 1e-3, max: 100, noNaN: true }), ({ m, n, rankShortfall, seed }, ridge) => {
        const a = matrixOfRank(m, n, Math.max(0, Math.min(m, n) - rankShortfall), seed);
        const random = createRandom(seed + 3);
        const b = Array.from({ length: m }, () => 2 * random() - 1);
        expectClose(solveLeastSquares(a, b, { ridge }).coefficients, normalEquationsRidge(a, b, ridge), 1e-8);
      }),
      { numRuns: 300 },
    );
  });

  it('ridge with free columns equals (A^T A + lambda D)^-1 A^T b when the free columns are independent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 1e-3, max: 100, noNaN: true }), (m, n, seed, ridge) => {
        const random = createRandom(seed);
        // Column 0 is an intercept (free); the rest random.
        const a = matrixFromRows(Array.from({ length: m }, () => [1, ...Array.from({ length: n }, () => 2 * random() - 1)]));
        const b = Array.from({ length: m }, () => 2 * random() - 1);
        expectClose(solveLeastSquares(a, b, { ridge, unpenalized: [0] }).coefficients, normalEquationsRidge(a, b, ridge, [0]), 1e-8);
      }),
      { numRuns: 300 },
    );
  });

  it('stays accurate on an ill-conditioned full-rank problem where the normal equations lose digits (Läuchli)', () => {
    // [[1, 1], [d, 0], [0, d]] with d = 1e-7: A^T A = [[1 + d^2, 1], [1, 1 + d^2]] rounds to singular in double.
    const d = 1e-7;
    const a = matrixFromRows([[1, 1], [d, 0], [0, d]]);
    const b = [2, d, d];
    // The exact solution is c = (1, 1) (b = A (1, 1)).
    const { coefficients, rank } = solveLeastSquares(a, b);
    expect(rank).toBe(2);
    expectClose(coefficients, [1, 1], 1e-8);
  });
});

describe('solveNestedLeastSquares', () => {
  it('equals solveLeastSquares on each leading column set, well conditioned or not, with and without ridge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 1e9 }),
        fc.constantFrom('random', 'repeated columns', 'tiny column'),
        fc.constantFrom(0, 0.5),
        fc.boolean(),
        (m, n, seed, kind, ridge, freeIntercept) => {
          const random = createRandom(seed);
          const rows = Array.from({ length: m }, () => Array.from({ length: n }, () => 2 * random() - 1));
          // Column 2 repeats column 0 (exactly rank-deficient from width 3), or is 1e-13 of it (nearly).
          if (kind !== 'random' && n > 2) for (const row of rows) row[2] = kind === 'repeated columns' ? row[0]! : 1e-13 * row[0]! + 1e-15 * row[1]!;
          const a = matrixFromRows(rows);
          const b = Array.from({ length: m }, () => 2 * random() - 1);
          const widths = Array.from({ length: n }, (_, p) => p + 1);
          const options = { ridge, unpenalized: freeIntercept ? [0] : [] };
          const nested = solveNestedLeastSquares(a, b, widths, options);
          widths.forEach((p, k) => {
            const leading = matrixFromRows(rows.map((row) => row.slice(0, p)));
            const single = solveLeastSquares(leading, b, options);
            // With ridge the rank is that of the system solved (augmented here), so it is compared without.
            if (ridge === 0) expect(nested[k]!.rank).toBe(single.rank);
            expectClose(nested[k]!.coefficients, Array.from(single.coefficients), 1e-7);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
