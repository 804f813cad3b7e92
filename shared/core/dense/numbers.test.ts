import { describe, expect, it } from 'vitest';
import { createRandom, normalSample } from '../random';
import { histogram, meanStd, spectralNorm } from './numbers';

/** ||W||_2 by plain power iteration run to convergence (many steps), written here as the oracle. */
function powerIteration(w: Float64Array, rows: number, columns: number): number {
  let v = new Float64Array(columns).fill(1);
  let estimate = 0;
  for (let iteration = 0; iteration < 5000; iteration++) {
    const u = new Float64Array(rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) u[r] = u[r]! + w[r * columns + c]! * v[c]!;
    const next = new Float64Array(columns);
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) next[c] = next[c]! + w[r * columns + c]! * u[r]!;
    const norm = Math.hypot(...next);
    estimate = Math.sqrt(norm / Math.hypot(...v));
    v = next.map((x) => x / norm);
  }
  return estimate;
}

describe('spectral norm (Lanczos)', () => {
  it('hand-worked: diag(3, -5, 1) has norm 5; a row vector its length; the zero matrix 0', () => {
    expect(spectralNorm(Float64Array.of(3, 0, 0, 0, -5, 0, 0, 0, 1), 0, 3, 3)).toBeCloseTo(5, 12);
    expect(spectralNorm(Float64Array.of(2, 3), 0, 1, 2)).toBeCloseTo(Math.sqrt(13), 12);
    expect(spectralNorm(new Float64Array(6), 0, 2, 3)).toBe(0);
  });

  it('random Gaussian matrices of several shapes agree with long power iteration to 1e-9', () => {
    const random = createRandom(3);
    for (const [rows, columns] of [[64, 64], [10, 40], [40, 10], [7, 7], [1, 5]] as const) {
      const w = Float64Array.from({ length: rows * columns }, () => normalSample(random));
      const expected = powerIteration(w, rows, columns);
      expect(Math.abs(spectralNorm(w, 0, rows, columns) - expected)).toBeLessThan(1e-9 * expected);
    }
  });
});

describe('population statistics and histograms', () => {
  it('the std divides by N; a histogram puts the maximum in the last bin', () => {
    expect(meanStd(Float64Array.of(1, 2, 3, 4), 0, 4)).toEqual({ mean: 2.5, std: Math.sqrt(1.25) });
    const h = histogram(Float64Array.of(0, 0.1, 0.5, 1, Number.NaN), 5, 2, null);
    expect(h).toEqual({ edges: [0, 0.5, 1], counts: [2, 2], nonFinite: 1 });
    expect(histogram(Float64Array.of(3, 3), 2, 4, null).edges).toEqual([2.5, 2.75, 3, 3.25, 3.5]);
  });
});
