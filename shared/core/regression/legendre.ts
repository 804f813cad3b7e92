import { zeroMatrix, type Matrix } from '../linalg/index';

/** Highest polynomial degree of the bias-variance lab. */
export const MAX_DEGREE = 15;

/** x on [low, high] mapped to t on [-1, 1]: t = (2x - (low + high)) / (high - low). */
export function toUnitInterval(x: number, domain: readonly [number, number]): number {
  return (2 * x - (domain[0] + domain[1])) / (domain[1] - domain[0]);
}

/**
 * The Legendre design matrix: row i is P_0(t_i), ..., P_degree(t_i) for the point's t on
 * [-1, 1], by Bonnet's recurrence (k + 1) P_{k+1}(t) = (2k + 1) t P_k(t) - k P_{k-1}(t)
 * (P_k(1) = 1). On [-1, 1] these columns are orthogonal, so least squares in this basis is
 * well conditioned where the monomials 1, x, ..., x^15 are not.
 */
export function legendreDesign(xs: ArrayLike<number>, domain: readonly [number, number], degree: number): Matrix {
  const rows = xs.length;
  const matrix = zeroMatrix(rows, degree + 1);
  const data = matrix.data;
  for (let i = 0; i < rows; i++) {
    const t = toUnitInterval(xs[i]!, domain);
    let previous = 1;
    let current = t;
    data[i] = 1;
    if (degree >= 1) data[i + rows] = t;
    for (let k = 1; k < degree; k++) {
      const next = ((2 * k + 1) * t * current - k * previous) / (k + 1);
      data[i + (k + 1) * rows] = next;
      previous = current;
      current = next;
    }
  }
  return matrix;
}
