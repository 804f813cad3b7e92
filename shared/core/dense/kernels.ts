/** The dense engine's two array kernels: the one matrix product and the transpose. */

/**
 * C[r][q] = sum_k A[r][k] B[q][k] (A [rows][depth] at aOffset, B [columns][depth] at bOffset,
 * C [rows][columns] row-major): the loops' one kernel, in 2 x 4 register blocks (each A value
 * and each B value loaded once per block: 6 loads for 8 products; 4 x 4 and 3 x 4 blocks were
 * measured slower in the gradient-flow bench, their accumulators spill), every sum taken in k
 * order, so a block's sums equal the plain loop's bit for bit.
 */
export function multiplyTransposed(a: Float64Array, aOffset: number, rows: number, b: Float64Array, bOffset: number, columns: number, depth: number, c: Float64Array): void {
  let r = 0;
  for (; r + 1 < rows; r += 2) {
    const a0 = aOffset + r * depth;
    const a1 = a0 + depth;
    const c0 = r * columns;
    const c1 = c0 + columns;
    let q = 0;
    for (; q + 3 < columns; q += 4) {
      const b0 = bOffset + q * depth;
      const b1 = b0 + depth;
      const b2 = b1 + depth;
      const b3 = b2 + depth;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let t0 = 0;
      let t1 = 0;
      let t2 = 0;
      let t3 = 0;
      for (let k = 0; k < depth; k++) {
        const x = a[a0 + k]!;
        const y = a[a1 + k]!;
        const w0 = b[b0 + k]!;
        const w1 = b[b1 + k]!;
        const w2 = b[b2 + k]!;
        const w3 = b[b3 + k]!;
        s0 += x * w0;
        s1 += x * w1;
        s2 += x * w2;
        s3 += x * w3;
        t0 += y * w0;
        t1 += y * w1;
        t2 += y * w2;
        t3 += y * w3;
      }
      c[c0 + q] = s0;
      c[c0 + q + 1] = s1;
      c[c0 + q + 2] = s2;
      c[c0 + q + 3] = s3;
      c[c1 + q] = t0;
      c[c1 + q + 1] = t1;
      c[c1 + q + 2] = t2;
      c[c1 + q + 3] = t3;
    }
    for (; q < columns; q++) {
      const b0 = bOffset + q * depth;
      let s = 0;
      let t = 0;
      for (let k = 0; k < depth; k++) {
        const w = b[b0 + k]!;
        s += a[a0 + k]! * w;
        t += a[a1 + k]! * w;
      }
      c[c0 + q] = s;
      c[c1 + q] = t;
    }
  }
  if (r < rows) {
    const a0 = aOffset + r * depth;
    const c0 = r * columns;
    for (let q = 0; q < columns; q++) {
      const b0 = bOffset + q * depth;
      let s = 0;
      for (let k = 0; k < depth; k++) s += a[a0 + k]! * b[b0 + k]!;
      c[c0 + q] = s;
    }
  }
}

/** [rows][columns] → [columns][rows] */
export function transpose(source: Float64Array, sourceOffset: number, rows: number, columns: number, target: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    const base = sourceOffset + r * columns;
    for (let c = 0; c < columns; c++) target[c * rows + r] = source[base + c]!;
  }
}
