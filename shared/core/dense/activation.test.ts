import { erf as mathjsErf } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { calculateGain, derivativeAt, derivativeBound, erf, normalCdf } from './activation';

/** erf at points off the table's sixteenths, computed with mpmath at 40 digits and rounded to double. */
const MPMATH_ERF: [number, number][] = [
  [1e-8, 1.1283791670955126e-8],
  [0.01, 0.011283415555849618],
  [0.1, 0.1124629160182849],
  [0.25, 0.27632639016823696],
  [0.49, 0.511668261188523],
  [0.51, 0.5292436198411704],
  [0.75, 0.7111556336535151],
  [1.0, 0.8427007929497149],
  [1.234, 0.9190394169576684],
  [1.5, 0.9661051464753108],
  [1.99, 0.995111413199617],
  [2.03, 0.995906348443912],
  [2.5, 0.999593047982555],
  [3.1, 0.9999883513426328],
  [3.99, 0.9999999832607886],
  [4.5, 0.9999999998033839],
  [5.3, 0.9999999999999338],
  [5.97, 1.0],
];

describe('erf (GELU exact form)', () => {
  it('matches mpmath to within one unit in the last place, odd in x', () => {
    for (const [x, expected] of MPMATH_ERF) {
      expect(Math.abs(erf(x) - expected)).toBeLessThanOrEqual(Number.EPSILON * Math.abs(expected));
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(erf(0)).toBe(0);
    expect(erf(7)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(Number.isNaN(erf(Number.NaN))).toBe(true);
  });

  it('agrees with mathjs (an independent implementation) on a sweep of 2001 points', () => {
    for (let k = 0; k <= 2000; k++) {
      const x = -6 + (12 * k) / 2000;
      expect(Math.abs(erf(x) - mathjsErf(x))).toBeLessThan(4e-16);
    }
  });
});

describe('activation constants', () => {
  it('gains are nn.init.calculate_gain (GELU: 1, as the issue sets it)', () => {
    expect(calculateGain('linear')).toBe(1);
    expect(calculateGain('sigmoid')).toBe(1);
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu')).toBe(Math.sqrt(2));
    expect(calculateGain('leaky_relu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(calculateGain('gelu')).toBe(1);
  });

  it("sup |phi'| is 1/4 for sigmoid and mpmath's Phi(sqrt 2) + sqrt 2 phi(sqrt 2) for GELU, and no sampled z exceeds it", () => {
    expect(derivativeBound('sigmoid')).toBe(0.25);
    expect(derivativeBound('gelu')).toBeCloseTo(1.1289041451851547, 15);
    for (const activation of ['sigmoid', 'tanh', 'relu', 'leaky_relu', 'linear', 'gelu'] as const) {
      for (let k = -400; k <= 400; k++) {
        const z = k / 50;
        const a = activation === 'sigmoid' ? 1 / (1 + Math.exp(-z)) : activation === 'tanh' ? Math.tanh(z) : z;
        expect(Math.abs(derivativeAt(activation, z, a))).toBeLessThanOrEqual(derivativeBound(activation) + 1e-15);
      }
    }
  });

  it('the GELU derivative is the derivative of x Phi(x) (central differences)', () => {
    for (const z of [-3, -1.2, -0.3, 0, 0.4, 1.41, 2.5]) {
      const h = 1e-6;
      const numeric = ((z + h) * normalCdf(z + h) - (z - h) * normalCdf(z - h)) / (2 * h);
      expect(derivativeAt('gelu', z, z * normalCdf(z))).toBeCloseTo(numeric, 8);
    }
    // PyTorch's convention at the kinks: relu'(0) = 0, leaky relu'(0) = the slope
    expect(derivativeAt('relu', 0, 0)).toBe(0);
    expect(derivativeAt('leaky_relu', 0, 0)).toBe(0.01);
  });
});
