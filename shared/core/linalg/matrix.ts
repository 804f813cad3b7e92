/**
 * A dense matrix of doubles stored column by column: entry (i, j) is `data[i + j * rows]`.
 * Column-major so a Householder step walks contiguous memory, and the first p columns of a
 * matrix are the first `rows * p` numbers (a model that uses the first p features reads a
 * prefix, no copy).
 */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function zeroMatrix(rows: number, cols: number): Matrix {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A matrix from an array of rows (tests and small cases). */
export function matrixFromRows(values: readonly (readonly number[])[]): Matrix {
  const rows = values.length;
  const cols = values[0]?.length ?? 0;
  const matrix = zeroMatrix(rows, cols);
  values.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`row ${i} has ${row.length} entries, expected ${cols}`);
    row.forEach((value, j) => (matrix.data[i + j * rows] = value));
  });
  return matrix;
}

/** The first `cols` columns (a view on the same numbers). */
export function leadingColumns(matrix: Matrix, cols: number): Matrix {
  return { rows: matrix.rows, cols, data: matrix.data.subarray(0, matrix.rows * cols) };
}

/** y = A c, written into `out` (length rows). Four columns per pass, so `out` is read and written a quarter as often. */
export function multiplyVector(matrix: Matrix, c: ArrayLike<number>, out: Float64Array = new Float64Array(matrix.rows)): Float64Array {
  const { rows, cols, data } = matrix;
  out.fill(0);
  let j = 0;
  for (; j + 3 < cols; j += 4) {
    const c0 = c[j]!;
    const c1 = c[j + 1]!;
    const c2 = c[j + 2]!;
    const c3 = c[j + 3]!;
    const o0 = j * rows;
    const o1 = o0 + rows;
    const o2 = o1 + rows;
    const o3 = o2 + rows;
    for (let i = 0; i < rows; i++) out[i] = out[i]! + data[o0 + i]! * c0 + data[o1 + i]! * c1 + data[o2 + i]! * c2 + data[o3 + i]! * c3;
  }
  for (; j < cols; j++) {
    const cj = c[j]!;
    const offset = j * rows;
    for (let i = 0; i < rows; i++) out[i] = out[i]! + data[offset + i]! * cj;
  }
  return out;
}
