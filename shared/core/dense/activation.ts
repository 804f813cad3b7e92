import { sigmoid } from '../expr/compile';

/** Hidden-layer activations of the dense engine (PyTorch: nn.Identity, Sigmoid, Tanh, ReLU, LeakyReLU(0.01), GELU()). */
export const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'gelu'] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/** nn.LeakyReLU's default negative slope. */
export const LEAKY_SLOPE = 0.01;

const TWO_OVER_SQRT_PI = 1.1283791670955126; // 2 / sqrt(pi)
const SQRT1_2 = Math.SQRT1_2;
const INV_SQRT_2PI = 0.3989422804014327; // 1 / sqrt(2 pi)

/**
 * erf(k/16) for k = 0..96, correctly rounded to double (computed with mpmath at 50 digits):
 * the centres of erf's Taylor expansions below.
 */
const ERF_AT_SIXTEENTHS = [
  0.0, 0.07043197772238707, 0.1403162048013338, 0.20911767705937584,
  0.27632639016823696, 0.341468633501595, 0.4041169094348223, 0.463898135749933,
  0.5204998778130465, 0.5736744566155919, 0.623240882188418, 0.6690846628860813,
  0.7111556336535151, 0.749464025586362, 0.7840750610598597, 0.8151024010343998,
  0.8427007929497149, 0.8670582694349528, 0.8883882317017078, 0.9069217197816865,
  0.9229001282564583, 0.9365685747113888, 0.9481700727820903, 0.95794060605646,
  0.9661051464753108, 0.9728746138209335, 0.9784437332399837, 0.982989716601978,
  0.9866716712191824, 0.9896306257947752, 0.9919900576701199, 0.9938568063952132,
  0.9953222650189527, 0.9964637508747902, 0.9973459706405177, 0.9980225088163892,
  0.9985372834133188, 0.9989259267092776, 0.9992170617821089, 0.9994334567454198,
  0.999593047982555, 0.9997098311383266, 0.9997946242638588, 0.9998557114825746,
  0.9998993780778803, 0.9999303492456073, 0.9999521451602562, 0.9999673647128524,
  0.9999779095030014, 0.9999851585892071, 0.9999901032653747, 0.999993449849224,
  0.9999956972205363, 0.9999971946873958, 0.9999981847185726, 0.9999988341746511,
  0.9999992569016276, 0.999999529912161, 0.9999997048598075, 0.9999998160959875,
  0.9999998862727434, 0.9999999302015868, 0.999999957486056, 0.9999999743008093,
  0.9999999845827421, 0.9999999908210709, 0.9999999945765992, 0.999999996819877,
  0.9999999981494259, 0.9999999989312964, 0.9999999993875167, 0.9999999996516503,
  0.9999999998033839, 0.9999999998898706, 0.9999999999387839, 0.999999999966232,
  0.9999999999815149, 0.9999999999899583, 0.9999999999945866, 0.999999999997104,
  0.9999999999984626, 0.99999999999919, 0.9999999999995766, 0.9999999999997803,
  0.9999999999998869, 0.9999999999999423, 0.9999999999999707, 0.9999999999999852,
  0.9999999999999927, 0.9999999999999963, 0.9999999999999982, 0.9999999999999991,
  0.9999999999999996, 0.9999999999999998, 0.9999999999999999, 1.0,
  1.0,
];

/** Taylor terms per centre: with |h| <= 1/32 the first omitted term is below 1e-20. */
const TAYLOR_TERMS = 12;

/**
 * Taylor coefficients of erf around each centre x0: c_0 = erf(x0) from the table, and for
 * k >= 1, c_k = erf^(k)(x0) / k! = (2/sqrt(pi)) (-1)^(k-1) H_{k-1}(x0) e^{-x0^2} / k!
 * (H_n the physicists' Hermite polynomials, H_{n+1} = 2x H_n - 2n H_{n-1}).
 */
const ERF_TAYLOR = (() => {
  const coefficients = new Float64Array(ERF_AT_SIXTEENTHS.length * TAYLOR_TERMS);
  ERF_AT_SIXTEENTHS.forEach((value, centre) => {
    const x0 = centre / 16;
    const base = centre * TAYLOR_TERMS;
    coefficients[base] = value;
    const scale = TWO_OVER_SQRT_PI * Math.exp(-x0 * x0);
    let previous = 0; // H_{n-1}
    let hermite = 1; // H_n, n = k - 1
    let factorial = 1;
    for (let k = 1; k < TAYLOR_TERMS; k++) {
      factorial *= k;
      const n = k - 1;
      coefficients[base + k] = (scale * (n % 2 === 0 ? 1 : -1) * hermite) / factorial;
      const next = 2 * x0 * hermite - 2 * n * previous;
      previous = hermite;
      hermite = next;
    }
  });
  return coefficients;
})();

/**
 * The error function to about one unit in the last place (JavaScript has no Math.erf): a
 * degree-11 Taylor expansion around the nearest sixteenth, whose value is tabulated exactly;
 * from 6 on erf rounds to 1.
 */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (ax >= 6) return x > 0 ? 1 : -1;
  const centre = Math.round(ax * 16);
  const h = ax - centre / 16;
  const base = centre * TAYLOR_TERMS;
  let sum = ERF_TAYLOR[base + TAYLOR_TERMS - 1]!;
  for (let k = TAYLOR_TERMS - 2; k >= 0; k--) sum = sum * h + ERF_TAYLOR[base + k]!;
  return x < 0 ? -sum : sum;
}

/** Standard normal CDF as PyTorch's exact GELU writes it: 0.5 (1 + erf(x / sqrt 2)). */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x * SQRT1_2));
}

/** nn.init.calculate_gain of each activation (GELU has none in PyTorch: 1). */
export function calculateGain(activation: Activation): number {
  switch (activation) {
    case 'linear':
    case 'sigmoid':
    case 'gelu':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu':
      return Math.sqrt(2 / (1 + LEAKY_SLOPE * LEAKY_SLOPE));
  }
}

/**
 * sup |phi'(z)| over all z: the per-layer factor of the backward bound ||delta_{l-1}|| <=
 * sup|phi'| ||W_l||_2 ||delta_l||. Sigmoid 1/4 (at 0); GELU Phi(sqrt 2) + sqrt 2 phi(sqrt 2)
 * (where phi'' = 0, i.e. z^2 = 2), about 1.129; the others 1.
 */
export function derivativeBound(activation: Activation): number {
  switch (activation) {
    case 'sigmoid':
      return 0.25;
    case 'gelu':
      return normalCdf(Math.SQRT2) + Math.SQRT2 * INV_SQRT_2PI * Math.exp(-1);
    default:
      return 1;
  }
}

/** a = phi(z) elementwise over `count` values (z and a may be the same array). */
export function activate(activation: Activation, z: Float64Array, a: Float64Array, count: number): void {
  switch (activation) {
    case 'linear':
      if (a !== z) a.set(z.subarray(0, count));
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) a[i] = sigmoid(z[i]!);
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) a[i] = Math.tanh(z[i]!);
      return;
    case 'relu':
      for (let i = 0; i < count; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? v : 0;
      }
      return;
    case 'leaky_relu':
      for (let i = 0; i < count; i++) {
        const v = z[i]!;
        a[i] = v > 0 ? v : LEAKY_SLOPE * v;
      }
      return;
    case 'gelu':
      for (let i = 0; i < count; i++) {
        const v = z[i]!;
        a[i] = v * normalCdf(v);
      }
      return;
  }
}

/**
 * g *= phi'(z) elementwise (PyTorch's backward of each module): sigmoid s(1 - s) and tanh
 * 1 - t^2 from the forward values a; relu'(0) = 0; leaky relu's slope at and below 0;
 * GELU Phi(z) + z phi(z).
 */
export function multiplyByDerivative(activation: Activation, z: Float64Array, a: Float64Array, g: Float64Array, count: number): void {
  switch (activation) {
    case 'linear':
      return;
    case 'sigmoid':
      for (let i = 0; i < count; i++) {
        const s = a[i]!;
        g[i] = g[i]! * (s * (1 - s));
      }
      return;
    case 'tanh':
      for (let i = 0; i < count; i++) {
        const t = a[i]!;
        g[i] = g[i]! * (1 - t * t);
      }
      return;
    case 'relu':
      for (let i = 0; i < count; i++) if (!(z[i]! > 0)) g[i] = 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < count; i++) if (!(z[i]! > 0)) g[i] = g[i]! * LEAKY_SLOPE;
      return;
    case 'gelu':
      for (let i = 0; i < count; i++) {
        const v = z[i]!;
        g[i] = g[i]! * (normalCdf(v) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v));
      }
      return;
  }
}

/** phi'(z) of one value, for statistics (the same rules as multiplyByDerivative). */
export function derivativeAt(activation: Activation, z: number, a: number): number {
  switch (activation) {
    case 'linear':
      return 1;
    case 'sigmoid':
      return a * (1 - a);
    case 'tanh':
      return 1 - a * a;
    case 'relu':
      return z > 0 ? 1 : 0;
    case 'leaky_relu':
      return z > 0 ? 1 : LEAKY_SLOPE;
    case 'gelu':
      return normalCdf(z) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
  }
}
