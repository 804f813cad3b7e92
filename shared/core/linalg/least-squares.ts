import type { Matrix } from './matrix';

/**
 * Least squares that stays sound when the problem is rank-deficient or wide, the way LAPACK's
 * xGELSY does it: Householder QR with column pivoting (A P = Q R, the pivot always the column
 * with the largest remaining norm), the numerical rank r read off R's diagonal, then a
 * complete orthogonal decomposition (an RZ step folds R's trailing columns into an r x r
 * triangle T, so A P = Q_r [T 0] Z^T) whose solution is the minimum-norm least-squares one,
 * the same as the pseudo-inverse gives. Ridge (lambda ||c||^2 on every coefficient) is solved
 * on the same decomposition with Givens rotations, never through A^T A, so the conditioning
 * is never squared.
 */

/** Machine epsilon of a double. */
const EPSILON = 2 ** -52;

export interface LeastSquaresOptions {
  /** lambda >= 0: minimise ||A c - b||^2 + lambda * sum of c_j^2 over the penalised columns. 0 (default): plain least squares. */
  ridge?: number;
  /** Columns left out of the ridge penalty (e.g. an intercept). */
  unpenalized?: readonly number[];
  /**
   * Relative rank cut-off: a pivot |R_kk| at or below rcond * |R_00| counts as zero.
   * Default max(rows, cols) * eps, numpy's `lstsq` default.
   */
  rcond?: number;
}

export interface LeastSquaresSolution {
  coefficients: Float64Array;
  /** Numerical rank of the system solved: A's, or with a ridge penalty applied by augmentation (partial or nested) the augmented matrix's. */
  rank: number;
}

/** The pivoted QR (and, when rank < cols, the RZ step) of a matrix, in LAPACK's packed form. */
export interface CompleteOrthogonalDecomposition {
  rows: number;
  cols: number;
  rank: number;
  /**
   * Column-major rows x cols. Rows 0..rank-1 hold T in columns 0..rank-1 (upper triangle) and
   * the RZ vectors in columns rank..cols-1; below the diagonal of the first rank columns, the
   * Householder vectors of Q (implicit leading 1).
   */
  packed: Float64Array;
  /** tau of each Householder reflector of Q. */
  tauQ: Float64Array;
  /** tau of each RZ reflector (only when rank < cols). */
  tauZ: Float64Array;
  /** Column j of A P is column permutation[j] of A. */
  permutation: Int32Array;
}

/**
 * Householder QR with column pivoting (LAPACK xGEQP2 with xLAQP2's norm downdating), stopped
 * once the largest remaining column norm is at most rcond * |R_00|, then RZ (xTZRZF) when the
 * rank is below the column count.
 */
export function completeOrthogonalDecomposition(matrix: Matrix, rcond = Math.max(matrix.rows, matrix.cols) * EPSILON): CompleteOrthogonalDecomposition {
  const { rows: m, cols: n } = matrix;
  const a = Float64Array.from(matrix.data);
  const permutation = Int32Array.from({ length: n }, (_, j) => j);
  const norms = new Float64Array(n);
  const exactNorms = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    norms[j] = columnNorm(a, m, j, 0);
    exactNorms[j] = norms[j]!;
  }
  const steps = Math.min(m, n);
  const tauQ = new Float64Array(steps);
  const downdateLimit = Math.sqrt(EPSILON);
  let rank = steps;
  let largest = 0;
  for (let k = 0; k < steps; k++) {
    let pivot = k;
    for (let j = k + 1; j < n; j++) if (norms[j]! > norms[pivot]!) pivot = j;
    if (k === 0) largest = norms[pivot]!;
    // Every remaining column is negligible: the rank is k (all of them when the matrix is 0).
    if (largest === 0 || norms[pivot]! <= rcond * largest) {
      rank = k;
      break;
    }
    if (pivot !== k) {
      swapColumns(a, m, k, pivot);
      swap(permutation, k, pivot);
      swap(norms, k, pivot);
      swap(exactNorms, k, pivot);
    }
    const offset = k * m;
    const tau = householder(a, offset + k, offset + k + 1, m - k - 1, 1);
    tauQ[k] = tau;
    if (tau !== 0) {
      for (let j = k + 1; j < n; j++) {
        const col = j * m;
        let s = a[col + k]!;
        for (let i = k + 1; i < m; i++) s += a[offset + i]! * a[col + i]!;
        s *= tau;
        a[col + k] = a[col + k]! - s;
        for (let i = k + 1; i < m; i++) a[col + i] = a[col + i]! - s * a[offset + i]!;
      }
    }
    for (let j = k + 1; j < n; j++) {
      if (norms[j] === 0) continue;
      const ratio = Math.abs(a[j * m + k]!) / norms[j]!;
      const remaining = Math.max(0, 1 - ratio * ratio);
      const drift = remaining * (norms[j]! / exactNorms[j]!) ** 2;
      if (drift <= downdateLimit) {
        // Too much cancellation in the downdate: measure the rest of the column again.
        norms[j] = columnNorm(a, m, j, k + 1);
        exactNorms[j] = norms[j]!;
      } else norms[j] = norms[j]! * Math.sqrt(remaining);
    }
  }

  const tauZ = new Float64Array(rank);
  if (rank < n) {
    // RZ: for k = r-1 down to 0, a reflector from the right on columns {k, r..n-1} zeroes
    // row k's trailing part; rows above take the same reflector.
    for (let k = rank - 1; k >= 0; k--) {
      const tau = householder(a, k * m + k, rank * m + k, n - rank, m);
      tauZ[k] = tau;
      if (tau === 0) continue;
      for (let i = 0; i < k; i++) {
        let s = a[k * m + i]!;
        for (let j = rank; j < n; j++) s += a[j * m + i]! * a[j * m + k]!;
        s *= tau;
        a[k * m + i] = a[k * m + i]! - s;
        for (let j = rank; j < n; j++) a[j * m + i] = a[j * m + i]! - s * a[j * m + k]!;
      }
    }
  }
  return { rows: m, cols: n, rank, packed: a, tauQ, tauZ, permutation };
}

/**
 * Minimum-norm least squares, optionally with a ridge penalty:
 * c = argmin ||A c - b||^2 + lambda * sum over penalised j of c_j^2, the shortest such c when
 * several minimise it. A penalty on every column is solved on A's own decomposition; a
 * partial one (an intercept left free) by appending sqrt(lambda) * e_j rows for the penalised
 * columns, which is the same problem as plain least squares.
 */
export function solveLeastSquares(matrix: Matrix, b: ArrayLike<number>, options: LeastSquaresOptions = {}): LeastSquaresSolution {
  const ridge = options.ridge ?? 0;
  if (!(ridge >= 0) || !Number.isFinite(ridge)) throw new RangeError(`ridge must be a finite number >= 0, got ${ridge}`);
  if (b.length !== matrix.rows) throw new RangeError(`b has ${b.length} entries, the matrix ${matrix.rows} rows`);
  const free = new Set(options.unpenalized ?? []);
  if (ridge > 0 && free.size > 0) {
    const penalized = Array.from({ length: matrix.cols }, (_, j) => j).filter((j) => !free.has(j));
    const augmented = augmentWithPenalty(matrix, penalized, Math.sqrt(ridge));
    const rhs = new Float64Array(augmented.rows);
    for (let i = 0; i < matrix.rows; i++) rhs[i] = b[i]!;
    return solveDecomposed(completeOrthogonalDecomposition(augmented, options.rcond), rhs, 0);
  }
  if (ridge === 0 && matrix.cols > matrix.rows) return solveWide(matrix, b, options.rcond);
  return solveDecomposed(completeOrthogonalDecomposition(matrix, options.rcond), b, ridge);
}

/**
 * Minimum-norm least squares of a wide A (more columns than rows) from the decomposition of
 * A^T, which is tall: A^T P = Q_r [T 0] Z^T, so A = P Z [T^T; 0] Q_r^T and the shortest
 * solution is c = Q_r T^-T (Z^T P^T b)_{1..r}. The same answer as the decomposition of A,
 * without A's RZ step over all of its columns (the costly part when p >> n).
 */
function solveWide(matrix: Matrix, b: ArrayLike<number>, rcond?: number): LeastSquaresSolution {
  const { rows: n, cols: p, data } = matrix;
  const transposed = new Float64Array(p * n);
  for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) transposed[j + i * p] = data[i + j * n]!;
  const cod = completeOrthogonalDecomposition({ rows: p, cols: n, data: transposed }, rcond ?? Math.max(n, p) * EPSILON);
  const { rank: r, packed: a, tauQ, tauZ, permutation } = cod;
  const coefficients = new Float64Array(p);
  if (r === 0) return { coefficients, rank: 0 };
  // v = Z^T P^T b: P^T b, then H_{r-1}, ..., H_0 (the RZ reflectors act on entries k and r..n-1).
  const v = Float64Array.from({ length: n }, (_, j) => b[permutation[j]!]!);
  if (r < n) {
    for (let k = r - 1; k >= 0; k--) {
      const tau = tauZ[k]!;
      if (tau === 0) continue;
      let s = v[k]!;
      for (let j = r; j < n; j++) s += a[j * p + k]! * v[j]!;
      s *= tau;
      v[k] = v[k]! - s;
      for (let j = r; j < n; j++) v[j] = v[j]! - s * a[j * p + k]!;
    }
  }
  // Forward substitution T^T w = v_{1..r} (T upper triangular in the packed rows 0..r-1).
  for (let i = 0; i < r; i++) {
    let s = v[i]!;
    for (let k = 0; k < i; k++) s -= a[k + i * p]! * coefficients[k]!;
    coefficients[i] = s / a[i + i * p]!;
  }
  // c = Q [w; 0] = H_0 (H_1 (... H_{r-1} [w; 0])).
  for (let k = r - 1; k >= 0; k--) {
    const tau = tauQ[k]!;
    if (tau === 0) continue;
    const offset = k * p;
    let s = coefficients[k]!;
    for (let i = k + 1; i < p; i++) s += a[offset + i]! * coefficients[i]!;
    s *= tau;
    coefficients[k] = coefficients[k]! - s;
    for (let i = k + 1; i < p; i++) coefficients[i] = coefficients[i]! - s * a[offset + i]!;
  }
  return { coefficients, rank: r };
}

/** The minimum-norm (ridge, when lambda > 0) solution from a decomposition of A. */
export function solveDecomposed(cod: CompleteOrthogonalDecomposition, b: ArrayLike<number>, ridge = 0): LeastSquaresSolution {
  const { rows: m, cols: n, rank: r, packed: a, tauQ, tauZ, permutation } = cod;
  const coefficients = new Float64Array(n);
  if (r === 0) return { coefficients, rank: 0 };
  // g = first r entries of Q^T b.
  const qtb = Float64Array.from(b);
  for (let k = 0; k < r; k++) {
    const tau = tauQ[k]!;
    if (tau === 0) continue;
    const offset = k * m;
    let s = qtb[k]!;
    for (let i = k + 1; i < m; i++) s += a[offset + i]! * qtb[i]!;
    s *= tau;
    qtb[k] = qtb[k]! - s;
    for (let i = k + 1; i < m; i++) qtb[i] = qtb[i]! - s * a[offset + i]!;
  }
  const g = qtb.subarray(0, r);
  let triangle = a;
  let stride = m;
  if (ridge > 0) {
    // min ||T u - g||^2 + lambda ||u||^2: rotate each row sqrt(lambda) e_j of the stacked
    // [T; sqrt(lambda) I] into T (Eldén's elimination), on a copy of T.
    triangle = new Float64Array(r * r);
    stride = r;
    for (let j = 0; j < r; j++) for (let i = 0; i <= j; i++) triangle[i + j * r] = a[i + j * m]!;
    eliminateRidgeRows(triangle, r, g, Math.sqrt(ridge));
  }
  // Back substitution T u = g.
  const u = new Float64Array(n);
  for (let i = r - 1; i >= 0; i--) {
    let s = g[i]!;
    for (let j = i + 1; j < r; j++) s -= triangle[i + j * stride]! * u[j]!;
    u[i] = s / triangle[i + i * stride]!;
  }
  // c~ = Z [u; 0]: the RZ reflectors in the order H_0, H_1, ..., H_{r-1}.
  if (r < n) {
    for (let k = 0; k < r; k++) {
      const tau = tauZ[k]!;
      if (tau === 0) continue;
      let s = u[k]!;
      for (let j = r; j < n; j++) s += a[j * m + k]! * u[j]!;
      s *= tau;
      u[k] = u[k]! - s;
      for (let j = r; j < n; j++) u[j] = u[j]! - s * a[j * m + k]!;
    }
  }
  for (let j = 0; j < n; j++) coefficients[permutation[j]!] = u[j]!;
  return { coefficients, rank: r };
}

/**
 * [T; s I] to upper-triangular form by Givens rotations, in place on T (r x r, column-major)
 * and on the right-hand side g (the s I rows have right-hand side 0).
 */
function eliminateRidgeRows(t: Float64Array, r: number, g: Float64Array, s: number): void {
  const row = new Float64Array(r);
  for (let j = 0; j < r; j++) {
    row.fill(0);
    row[j] = s;
    let rhs = 0;
    for (let k = j; k < r; k++) {
      const below = row[k]!;
      if (below === 0) continue;
      const diagonal = t[k + k * r]!;
      const radius = Math.hypot(diagonal, below);
      const c = diagonal / radius;
      const sn = below / radius;
      t[k + k * r] = radius;
      row[k] = 0;
      for (let l = k + 1; l < r; l++) {
        const upper = t[k + l * r]!;
        const lower = row[l]!;
        t[k + l * r] = c * upper + sn * lower;
        row[l] = c * lower - sn * upper;
      }
      const gk = g[k]!;
      g[k] = c * gk + sn * rhs;
      rhs = c * rhs - sn * gk;
    }
  }
}

function augmentWithPenalty(matrix: Matrix, penalized: readonly number[], scale: number): Matrix {
  const { rows, cols, data } = matrix;
  const augmentedRows = rows + penalized.length;
  const out = new Float64Array(augmentedRows * cols);
  for (let j = 0; j < cols; j++) out.set(data.subarray(j * rows, (j + 1) * rows), j * augmentedRows);
  penalized.forEach((j, k) => (out[rows + k + j * augmentedRows] = scale));
  return { rows: augmentedRows, cols, data: out };
}

/**
 * A Householder reflector H = I - tau v v^T (v_0 = 1) with H x = (beta, 0, ..., 0) for
 * x = (data[head], data[tail], data[tail + step], ...) of `count` tail entries (LAPACK xLARFG):
 * writes beta to data[head] and v's tail over x's. Returns tau (0 when x's tail is already 0).
 */
function householder(data: Float64Array, head: number, tail: number, count: number, step: number): number {
  let tailNorm = 0;
  let scale = 0;
  for (let i = 0; i < count; i++) scale = Math.max(scale, Math.abs(data[tail + i * step]!));
  if (scale === 0) return 0;
  for (let i = 0; i < count; i++) {
    const v = data[tail + i * step]! / scale;
    tailNorm += v * v;
  }
  tailNorm = scale * Math.sqrt(tailNorm);
  const alpha = data[head]!;
  const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, tailNorm);
  const tau = (beta - alpha) / beta;
  const inverse = 1 / (alpha - beta);
  for (let i = 0; i < count; i++) data[tail + i * step] = data[tail + i * step]! * inverse;
  data[head] = beta;
  return tau;
}

/** Norm of column j from row `from` down, scaled against overflow. */
function columnNorm(a: Float64Array, m: number, j: number, from: number): number {
  const offset = j * m;
  let scale = 0;
  for (let i = from; i < m; i++) scale = Math.max(scale, Math.abs(a[offset + i]!));
  if (scale === 0) return 0;
  let sum = 0;
  for (let i = from; i < m; i++) {
    const v = a[offset + i]! / scale;
    sum += v * v;
  }
  return scale * Math.sqrt(sum);
}

function swapColumns(a: Float64Array, m: number, p: number, q: number): void {
  const pOffset = p * m;
  const qOffset = q * m;
  for (let i = 0; i < m; i++) {
    const t = a[pOffset + i]!;
    a[pOffset + i] = a[qOffset + i]!;
    a[qOffset + i] = t;
  }
}

function swap(values: Float64Array | Int32Array, p: number, q: number): void {
  const t = values[p]!;
  values[p] = values[q]!;
  values[q] = t;
}

/** Leading triangles with a Frobenius condition number below this take the shared-QR path. */
const NESTED_CONDITION_LIMIT = 1e10;

/**
 * Least squares on nested column sets: for each width p of `widths`, the solution on the first
 * p columns of A (polynomial degrees 0..d share their basis columns). One unpivoted Householder
 * QR of A serves every width whose leading triangle R_p is certifiably well conditioned:
 * cond_F(R_p) = ||R_p||_F ||R_p^-1||_F < 1e10, so cond_2(A_p) < 1e10, the solution is unique,
 * equals the minimum-norm one, and Householder QR is backward stable for it. Every other width
 * (rank-deficient, wider than tall, or nearly so) is solved on its own by solveLeastSquares.
 * A ridge penalty is applied by augmentation ([A; sqrt(lambda) e_j^T] rows), which keeps the
 * nesting: the rows of columns beyond p are zero on the first p columns.
 */
export function solveNestedLeastSquares(matrix: Matrix, b: ArrayLike<number>, widths: readonly number[], options: LeastSquaresOptions = {}): LeastSquaresSolution[] {
  const ridge = options.ridge ?? 0;
  if (!(ridge >= 0) || !Number.isFinite(ridge)) throw new RangeError(`ridge must be a finite number >= 0, got ${ridge}`);
  if (b.length !== matrix.rows) throw new RangeError(`b has ${b.length} entries, the matrix ${matrix.rows} rows`);
  const maxWidth = Math.max(0, ...widths);
  const free = new Set(options.unpenalized ?? []);
  const leading = { rows: matrix.rows, cols: maxWidth, data: matrix.data.subarray(0, matrix.rows * maxWidth) };
  const penalized = ridge > 0 ? Array.from({ length: maxWidth }, (_, j) => j).filter((j) => !free.has(j)) : [];
  const system = penalized.length > 0 ? augmentWithPenalty(leading, penalized, Math.sqrt(ridge)) : { ...leading, data: Float64Array.from(leading.data) };
  const m = system.rows;
  const a = system.data;
  const rhs = new Float64Array(m);
  for (let i = 0; i < matrix.rows; i++) rhs[i] = b[i]!;
  // Unpivoted Householder QR, as far as the triangle stays nonsingular.
  const steps = Math.min(m, maxWidth);
  let factored = 0;
  for (let k = 0; k < steps; k++) {
    const offset = k * m;
    const tau = householder(a, offset + k, offset + k + 1, m - k - 1, 1);
    if (tau !== 0) {
      for (let j = k + 1; j < maxWidth; j++) applyReflector(a, offset, j * m, k, m, tau);
      applyReflector(a, offset, -1, k, m, tau, rhs);
    }
    if (!(Math.abs(a[offset + k]!) > 0)) break;
    factored = k + 1;
  }
  // R^-1 column by column (its leading blocks invert R's leading blocks), and the running
  // Frobenius norms of both.
  const inverse = new Float64Array(factored * factored);
  const conditionSquared = new Float64Array(factored + 1);
  let normR = 0;
  let normInverse = 0;
  for (let j = 0; j < factored; j++) {
    inverse[j + j * factored] = 1 / a[j + j * m]!;
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let k = i + 1; k <= j; k++) s += a[i + k * m]! * inverse[k + j * factored]!;
      inverse[i + j * factored] = -s / a[i + i * m]!;
    }
    for (let i = 0; i <= j; i++) {
      normR += a[i + j * m]! ** 2;
      normInverse += inverse[i + j * factored]! ** 2;
    }
    conditionSquared[j + 1] = normR * normInverse;
  }
  return widths.map((p) => {
    if (p <= factored && conditionSquared[p]! < NESTED_CONDITION_LIMIT ** 2) {
      const coefficients = new Float64Array(p);
      for (let i = p - 1; i >= 0; i--) {
        let s = rhs[i]!;
        for (let j = i + 1; j < p; j++) s -= a[i + j * m]! * coefficients[j]!;
        coefficients[i] = s / a[i + i * m]!;
      }
      return { coefficients, rank: p };
    }
    return solveLeastSquares({ rows: matrix.rows, cols: p, data: matrix.data.subarray(0, matrix.rows * p) }, b, options);
  });
}

/** H_k = I - tau v v^T (v stored below the diagonal of column k at `offset`) applied to a column of `a` at `column`, or to `vector` when given. */
function applyReflector(a: Float64Array, offset: number, column: number, k: number, m: number, tau: number, vector?: Float64Array): void {
  const target = vector ?? a;
  const base = vector ? 0 : column;
  let s = target[base + k]!;
  for (let i = k + 1; i < m; i++) s += a[offset + i]! * target[base + i]!;
  s *= tau;
  target[base + k] = target[base + k]! - s;
  for (let i = k + 1; i < m; i++) target[base + i] = target[base + i]! - s * a[offset + i]!;
}
