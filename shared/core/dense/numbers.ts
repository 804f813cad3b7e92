/** Small statistics shared by the gradient-flow numbers and the training trace. */

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
 * The spectral norm ||W||_2 (largest singular value) of a [rows][columns] block: the square
 * root of the largest eigenvalue of W^T W by Lanczos iteration (full reorthogonalisation,
 * at most 40 steps, the Ritz value checked every second, from a fixed start so the answer is the same every time); the top Ritz
 * value of the tridiagonal matrix comes from Sturm-sequence bisection. The Ritz value
 * approaches the eigenvalue from below, to about 1e-12 relative for these sizes.
 */
export function spectralNorm(values: Float64Array, offset: number, rows: number, columns: number): number {
  if (rows === 0 || columns === 0) return 0;
  const steps = Math.min(columns, 40);
  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let v = new Float64Array(columns);
  for (let i = 0; i < columns; i++) v[i] = 1 + 0.5 * Math.sin(i + 1);
  let norm = frobenius(v, 0, columns);
  for (let i = 0; i < columns; i++) v[i] = v[i]! / norm;
  const u = new Float64Array(rows);
  let previousTop = -1;
  for (let j = 0; j < steps; j++) {
    basis.push(v);
    // w = W^T (W v)
    for (let r = 0; r < rows; r++) {
      let s = 0;
      const base = offset + r * columns;
      for (let i = 0; i < columns; i++) s += values[base + i]! * v[i]!;
      u[r] = s;
    }
    const w = new Float64Array(columns);
    for (let r = 0; r < rows; r++) {
      const ur = u[r]!;
      const base = offset + r * columns;
      for (let i = 0; i < columns; i++) w[i] = w[i]! + values[base + i]! * ur;
    }
    let a = 0;
    for (let i = 0; i < columns; i++) a += w[i]! * v[i]!;
    alpha.push(a);
    // full reorthogonalisation against every earlier vector (one modified Gram-Schmidt pass)
    for (const q of basis) {
      let d = 0;
      for (let i = 0; i < columns; i++) d += w[i]! * q[i]!;
      for (let i = 0; i < columns; i++) w[i] = w[i]! - d * q[i]!;
    }
    norm = frobenius(w, 0, columns);
    const last = j === steps - 1 || norm <= 1e-13 * Math.abs(alpha[0]!) || !Number.isFinite(norm);
    if (j % 2 === 1 || last) {
      const top = largestTridiagonalEigenvalue(alpha, beta);
      if (!Number.isFinite(top)) return Number.NaN;
      const settled = Math.abs(top - previousTop) <= 1e-10 * Math.abs(top);
      previousTop = top;
      if (settled || last) break;
    }
    beta.push(norm);
    for (let i = 0; i < columns; i++) w[i] = w[i]! / norm;
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
