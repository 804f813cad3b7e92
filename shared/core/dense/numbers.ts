/** Small statistics shared by the gradient-flow numbers and the training trace. */

import { multiplyTransposed, transpose } from './kernels';

/** Mean and population standard deviation (divide by N) of `count` values from `offset`. */
export function meanStd(values: Float64Array, offset: number, count: number): { mean: number; std: number } {
  if (count === 0) return { mean: 0, std: 0 };
  let sum = 0;
  for (let k = 0; k < count; k++) sum += values[offset + k]!;
  const mean = sum / count;
  let squares = 0;
  for (let k = 0; k < count; k++) {
    const d = values[offset + k]! - mean;
    squares += d * d;
  }
  return { mean, std: Math.sqrt(squares / count) };
}

/** sqrt(sum of squares): the Frobenius norm of a block. */
export function frobenius(values: Float64Array, offset: number, count: number): number {
  let squares = 0;
  for (let k = 0; k < count; k++) {
    const v = values[offset + k]!;
    squares += v * v;
  }
  return Math.sqrt(squares);
}

/** A ratio that is null instead of NaN or infinite (0/0, x/0), so JSON keeps it. */
export function ratioOrNull(numerator: number, denominator: number): number | null {
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

/** A finite number, or null (NaN and infinities do not survive JSON). */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

/**
 * ||W||_2, the largest singular value of W ([rows][columns] at offset): the square root of the
 * largest eigenvalue of the Gram matrix of W's shorter side (W W^T or W^T W, formed once with the
 * blocked kernel), found by Lanczos with full reorthogonalisation until the top Ritz value
 * settles (relative change 1e-10) or the Krylov space is the whole space.
 */
export function spectralNorm(values: Float64Array, offset: number, rows: number, columns: number): number {
  if (rows === 0 || columns === 0) return 0;
  const m = Math.min(rows, columns);
  const gram = new Float64Array(m * m);
  if (rows <= columns) multiplyTransposed(values, offset, rows, values, offset, rows, columns, gram);
  else {
    const t = new Float64Array(rows * columns);
    transpose(values, offset, rows, columns, t);
    multiplyTransposed(t, 0, columns, t, 0, columns, rows, gram);
  }
  const steps = Math.min(m, 40);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = new Float64Array(m);
  for (let i = 0; i < m; i++) v[i] = 1 + 0.5 * Math.sin(i + 1);
  let norm = frobenius(v, 0, m);
  for (let i = 0; i < m; i++) v[i] = v[i]! / norm;
  let previousTop = -1;
  for (let j = 0; j < steps; j++) {
    basis.push(v);
    // w = G v
    const w = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      let s = 0;
      const base = r * m;
      for (let i = 0; i < m; i++) s += gram[base + i]! * v[i]!;
      w[r] = s;
    }
    let a = 0;
    for (let i = 0; i < m; i++) a += w[i]! * v[i]!;
    alpha.push(a);
    // full reorthogonalisation against every earlier vector (one modified Gram-Schmidt pass)
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < m; i++) d += w[i]! * q[i]!;
      for (let i = 0; i < m; i++) w[i] = w[i]! - d * q[i]!;
    }
    norm = frobenius(w, 0, m);
    const last = j === steps - 1 || norm <= 1e-13 * Math.abs(alpha[0]!) || !Number.isFinite(norm);
    if (j % 2 === 1 || last) {
      const top = largestTridiagonalEigenvalue(alpha, beta);
      if (!Number.isFinite(top)) return Number.NaN;
      const settled = Math.abs(top - previousTop) <= 1e-10 * Math.abs(top);
      previousTop = top;
      if (settled || last) break;
    }
    beta.push(norm);
    for (let i = 0; i < m; i++) w[i] = w[i]! / norm;
    v = w;
  }
  return Math.sqrt(Math.max(0, previousTop));
}

/** Largest eigenvalue of the symmetric tridiagonal matrix (diagonal alpha, off-diagonal beta), by bisection on Sturm counts. */
function largestTridiagonalEigenvalue(alpha: readonly number[], beta: readonly number[]): number {
  const n = alpha.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const radius = (i > 0 ? Math.abs(beta[i - 1]!) : 0) + (i < n - 1 ? Math.abs(beta[i]!) : 0);
    lo = Math.min(lo, alpha[i]! - radius);
    hi = Math.max(hi, alpha[i]! + radius);
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return Number.NaN;
  /** eigenvalues below x */
  const below = (x: number): number => {
    let count = 0;
    let d = 1;
    for (let i = 0; i < n; i++) {
      d = alpha[i]! - x - (i > 0 ? (beta[i - 1]! * beta[i - 1]!) / d : 0);
      if (d === 0) d = -1e-300;
      if (d < 0) count++;
    }
    return count;
  };
  for (let iteration = 0; iteration < 100 && hi - lo > 1e-14 * Math.max(Math.abs(hi), Math.abs(lo)); iteration++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (below(mid) >= n) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A histogram: bins + 1 edges and a count per bin; values outside [edges[0], edges[bins]] or not finite are counted apart. */
export interface Histogram {
  edges: number[];
  counts: number[];
  /** NaN or infinite values (not in any bin) */
  nonFinite: number;
}

/** Histogram of `count` values over [lo, hi] (null: the values' own range; a single value gets a unit-wide range). */
export function histogram(values: Float64Array, count: number, bins: number, range: [number, number] | null): Histogram {
  let lo = range?.[0] ?? Infinity;
  let hi = range?.[1] ?? -Infinity;
  if (!range) {
    for (let k = 0; k < count; k++) {
      const v = values[k]!;
      if (Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    if (!(lo < hi)) {
      const centre = Number.isFinite(lo) ? lo : 0;
      lo = centre - 0.5;
      hi = centre + 0.5;
    }
  }
  const counts = new Array<number>(bins).fill(0);
  let nonFinite = 0;
  const scale = bins / (hi - lo);
  for (let k = 0; k < count; k++) {
    const v = values[k]!;
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    const bin = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) * scale)));
    counts[bin] = counts[bin]! + 1;
  }
  const edges = Array.from({ length: bins + 1 }, (_, k) => (k === bins ? hi : lo + ((hi - lo) * k) / bins));
  return { edges, counts, nonFinite };
}
