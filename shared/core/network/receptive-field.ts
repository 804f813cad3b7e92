import type { Pair, ReceptiveField, WindowGeometry } from './info';

/**
 * Receptive field per axis, in input pixels (pixel centres at 0..H-1), by the recurrence
 * of Araujo et al. (Distill 2019) and Dang Ha The Hien's calculator:
 *   r = r_prev + (k_eff - 1) j_prev,   j = j_prev s,   c = c_prev + ((k_eff - 1)/2 - p_before) j_prev,
 * starting from r = 1, j = 1, c = 0. Padding pixels count towards r, as in those references.
 * A jump of 0 marks an axis whose units all see the whole previous axis (they share one centre).
 */

/** The input pixel itself. */
export const PIXEL_RECEPTIVE_FIELD: ReceptiveField = Object.freeze({
  size: [1, 1] as Pair,
  jump: [1, 1] as Pair,
  center: [0, 0] as Pair,
  global: false,
  varies: false,
}) as ReceptiveField;

export function windowReceptiveField(previous: ReceptiveField, geometry: WindowGeometry): ReceptiveField {
  const [kernelHeight, kernelWidth] = geometry.effectiveKernel;
  const [jumpHeight, jumpWidth] = previous.jump;
  return {
    size: [previous.size[0] + (kernelHeight - 1) * jumpHeight, previous.size[1] + (kernelWidth - 1) * jumpWidth],
    jump: [jumpHeight * geometry.stride[0], jumpWidth * geometry.stride[1]],
    center: [
      previous.center[0] + ((kernelHeight - 1) / 2 - geometry.padding.top) * jumpHeight,
      previous.center[1] + ((kernelWidth - 1) / 2 - geometry.padding.left) * jumpWidth,
    ],
    global: previous.global,
    varies: previous.varies,
  };
}

/**
 * Units that mix a whole axis of `extent` units (linear, global pooling) see
 * r = r_prev + (extent - 1) j_prev centred at c_prev + (extent - 1)/2 j_prev; all share it, so j = 0.
 */
export function wholeAxisReceptiveField(previous: ReceptiveField, axes: readonly [boolean, boolean], extent: Pair): ReceptiveField {
  const size: Pair = [previous.size[0], previous.size[1]];
  const jump: Pair = [previous.jump[0], previous.jump[1]];
  const center: Pair = [previous.center[0], previous.center[1]];
  for (const axis of [0, 1] as const) {
    if (!axes[axis]) continue;
    size[axis] = previous.size[axis] + (extent[axis] - 1) * previous.jump[axis];
    center[axis] = previous.center[axis] + ((extent[axis] - 1) / 2) * previous.jump[axis];
    jump[axis] = 0;
  }
  const global = jump[0] === 0 && jump[1] === 0;
  return { size, jump, center, global, varies: global ? false : previous.varies };
}

/** Input units [first, last] that output unit `unit` depends on; first > last when it depends on none. */
export interface UnitDependency {
  unit: number;
  first: number;
  last: number;
}

/** The unit with the largest receptive field on one axis, and whether units differ. */
export interface AxisSpread {
  widest: UnitDependency;
  varies: boolean;
  /** False when the axis was too long to enumerate and only its ends were examined. */
  exhaustive: boolean;
}

export interface SpreadReceptiveField {
  receptiveField: ReceptiveField;
  spread: [AxisSpread, AxisSpread];
}

/** Units enumerated per axis before falling back to the two ends of the axis. */
const ENUMERATION_LIMIT = 1 << 16;

const SAFE = Number.MAX_SAFE_INTEGER;

/** floor(a / b) for integers, b > 0, exact where a / b in doubles would round. */
function floorDivide(a: number, b: number): number {
  const remainder = ((a % b) + b) % b;
  return (a - remainder) / b;
}

function ceilDivide(a: number, b: number): number {
  return -floorDivide(-a, b);
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function multiplyModulo(a: number, b: number, modulus: number): number {
  if (a * b <= SAFE) return (a * b) % modulus;
  return Number((BigInt(a) * BigInt(b)) % BigInt(modulus));
}

/** x with a x ≡ 1 (mod m), for gcd(a, m) = 1. */
function modularInverse(a: number, modulus: number): number {
  if (modulus === 1) return 0;
  let [oldR, r] = [a, modulus];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const quotient = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return ((oldS % modulus) + modulus) % modulus;
}

/**
 * Transposed convolution on one axis: output o = i s - p + t d for input i and tap t, so unit o
 * depends on the inputs i = (o + p - t d)/s that are integers in [0, n - 1] for t in [0, k - 1].
 */
export function transposedDependencies(inputLength: number, kernel: number, stride: number, padding: number, dilation: number) {
  const divisor = greatestCommonDivisor(dilation, stride);
  const period = stride / divisor;
  const inverse = modularInverse((dilation / divisor) % period, period);
  return (unit: number): UnitDependency => {
    const shifted = unit + padding;
    const none = { unit, first: 1, last: 0 };
    if (shifted % divisor !== 0) return none;
    const lowestTap = Math.max(0, ceilDivide(shifted - (inputLength - 1) * stride, dilation));
    const highestTap = Math.min(kernel - 1, floorDivide(shifted, dilation));
    if (lowestTap > highestTap) return none;
    const tapResidue = multiplyModulo((shifted / divisor) % period, inverse, period);
    const firstTap = lowestTap + ((((tapResidue - (lowestTap % period)) % period) + period) % period);
    if (firstTap > highestTap) return none;
    const lastTap = firstTap + Math.floor((highestTap - firstTap) / period) * period;
    return { unit, first: (shifted - lastTap * dilation) / stride, last: (shifted - firstTap * dilation) / stride };
  };
}

/** Adaptive average pooling (PyTorch): unit o averages inputs floor(o n / m) .. ceil((o + 1) n / m) - 1. */
export function adaptiveDependencies(inputLength: number, outputLength: number) {
  const bound = (unit: number, roundUp: boolean): number => {
    const product = unit * inputLength;
    if (product <= SAFE) return roundUp ? ceilDivide(product, outputLength) : floorDivide(product, outputLength);
    const big = BigInt(unit) * BigInt(inputLength);
    const quotient = big / BigInt(outputLength);
    return Number(roundUp && quotient * BigInt(outputLength) !== big ? quotient + 1n : quotient);
  };
  return (unit: number): UnitDependency => ({ unit, first: bound(unit, false), last: bound(unit + 1, true) - 1 });
}

interface AxisPrevious {
  size: number;
  jump: number;
  center: number;
}

/**
 * Enumerates units of one axis (all of them, or both ends when the axis is longer than
 * ENUMERATION_LIMIT: `edge` units from each end cover every distinct case of a periodic
 * interior). Returns the largest receptive field, unit 0's centre and whether units differ.
 */
function spreadAlongAxis(
  previous: AxisPrevious,
  outputLength: number,
  jump: number,
  nominalCenter: number,
  edge: number,
  dependencyOf: (unit: number) => UnitDependency,
): { size: number; center: number; spread: AxisSpread } {
  const exhaustive = outputLength <= ENUMERATION_LIMIT || 2 * edge <= ENUMERATION_LIMIT;
  const head = outputLength <= ENUMERATION_LIMIT ? outputLength : Math.min(edge, ENUMERATION_LIMIT / 2);
  const tailStart = outputLength <= ENUMERATION_LIMIT ? outputLength : outputLength - head;
  let widest: UnitDependency | undefined;
  let widestSize = -1;
  let firstSize = -1;
  let varies = false;
  let center = nominalCenter;
  const visit = (unit: number): void => {
    const dependency = dependencyOf(unit);
    const empty = dependency.first > dependency.last;
    const size = empty ? 0 : previous.size + (dependency.last - dependency.first) * previous.jump;
    if (unit === 0) {
      firstSize = size;
      if (!empty) center = previous.center + ((dependency.first + dependency.last) / 2) * previous.jump;
    } else if (size !== firstSize) {
      varies = true;
    }
    if (!empty && !varies) {
      const unitCenter = previous.center + ((dependency.first + dependency.last) / 2) * previous.jump;
      const expected = center + unit * jump;
      if (Math.abs(unitCenter - expected) > 1e-9 * Math.max(1, Math.abs(expected))) varies = true;
    }
    if (size > widestSize) {
      widestSize = size;
      widest = dependency;
    }
  };
  for (let unit = 0; unit < head; unit++) visit(unit);
  for (let unit = Math.max(head, tailStart); unit < outputLength; unit++) visit(unit);
  return {
    size: Math.max(widestSize, 0),
    center,
    spread: { widest: widest ?? { unit: 0, first: 1, last: 0 }, varies, exhaustive },
  };
}

/** Transposed convolution: units differ near the borders and between stride phases. */
export function transposedReceptiveField(
  previous: ReceptiveField,
  inputSize: Pair,
  outputSize: Pair,
  geometry: WindowGeometry,
): SpreadReceptiveField {
  const outputPadding = geometry.outputPadding ?? [0, 0];
  const axes = ([0, 1] as const).map((axis) => {
    const stride = geometry.stride[axis];
    const padding = axis === 0 ? geometry.padding.top : geometry.padding.left;
    const effectiveKernel = geometry.effectiveKernel[axis];
    const jump = previous.jump[axis] / stride;
    const nominalCenter = previous.center[axis] + (previous.jump[axis] * (padding - (effectiveKernel - 1) / 2)) / stride;
    const edge = Math.max(0, effectiveKernel - padding) + outputPadding[axis] + 2 * stride + 2;
    const result = spreadAlongAxis(
      { size: previous.size[axis], jump: previous.jump[axis], center: previous.center[axis] },
      outputSize[axis],
      jump,
      nominalCenter,
      edge,
      transposedDependencies(inputSize[axis], geometry.kernel[axis], stride, padding, geometry.dilation[axis]),
    );
    return { ...result, jump };
  });
  return combineSpreadAxes(previous, axes as [SpreadAxis, SpreadAxis]);
}

type SpreadAxis = ReturnType<typeof spreadAlongAxis> & { jump: number };

/** Joins the height and width results of a layer whose units differ (transposed conv, adaptive pooling). */
function combineSpreadAxes(previous: ReceptiveField, [height, width]: [SpreadAxis, SpreadAxis]): SpreadReceptiveField {
  return {
    receptiveField: {
      size: [height.size, width.size],
      jump: [height.jump, width.jump],
      center: [height.center, width.center],
      global: previous.global,
      varies: previous.varies || height.spread.varies || width.spread.varies,
    },
    spread: [height.spread, width.spread],
  };
}

/** Adaptive average pooling: windows of floor/ceil bounds, equal only when H divides evenly. */
export function adaptiveReceptiveField(previous: ReceptiveField, inputSize: Pair, outputSize: Pair): SpreadReceptiveField {
  const axes = ([0, 1] as const).map((axis) => {
    const jump = (previous.jump[axis] * inputSize[axis]) / outputSize[axis];
    const result = spreadAlongAxis(
      { size: previous.size[axis], jump: previous.jump[axis], center: previous.center[axis] },
      outputSize[axis],
      jump,
      previous.center[axis],
      outputSize[axis],
      adaptiveDependencies(inputSize[axis], outputSize[axis]),
    );
    return { ...result, jump };
  });
  return combineSpreadAxes(previous, axes as [SpreadAxis, SpreadAxis]);
}
