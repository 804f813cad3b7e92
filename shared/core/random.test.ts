import { describe, expect, it } from 'vitest';
import { createRandom, normalSample } from './random';

/** A "generator" that returns the given uniforms in turn. */
function scripted(values: number[]): () => number {
  let i = 0;
  return () => values[i++]!;
}

describe('normalSample', () => {
  it('is Box–Muller on the next two uniforms: sqrt(-2 ln u1) cos(2 pi u2)', () => {
    expect(normalSample(scripted([0.5, 0]))).toBeCloseTo(Math.sqrt(2 * Math.log(2)), 15);
    expect(normalSample(scripted([Math.exp(-2), 0.5]))).toBeCloseTo(-2, 14);
    expect(normalSample(scripted([0.25, 0.25]))).toBeCloseTo(0, 14);
  });

  it('stays finite when the generator returns 0', () => {
    const value = normalSample(scripted([0, 0]));
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeCloseTo(Math.sqrt(-2 * Math.log(1e-12)), 12);
  });

  it('draws N(0, 1): mean, variance and the 1-sigma share of 40000 samples', () => {
    const random = createRandom(7);
    const samples = Array.from({ length: 40_000 }, () => normalSample(random));
    const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
    const variance = samples.reduce((sum, value) => sum + (value - mean) ** 2, 0) / samples.length;
    const withinOne = samples.filter((value) => Math.abs(value) < 1).length / samples.length;
    // Standard errors: 0.005 for the mean, about 0.007 for the variance, 0.0023 for the share (0.6827).
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
    expect(Math.abs(withinOne - 0.6827)).toBeLessThan(0.01);
  });

  it('gives the same sequence for the same seed', () => {
    const a = createRandom(123);
    const b = createRandom(123);
    expect(Array.from({ length: 5 }, () => normalSample(a))).toEqual(Array.from({ length: 5 }, () => normalSample(b)));
  });
});
