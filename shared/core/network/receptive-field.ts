import type { Pair, ReceptiveField } from './info';

/**
 * Exact receptive fields, unit by unit.
 *
 * Along each axis, unit u of a layer sees an interval of input pixels [first(u), last(u)]
 * (pixel centres at 0..H-1): the hull of the intervals of the cells of the layer below that it
 * reads. Cells are read on the lattice extended past both edges: padding read by a window, and
 * the positions a transposed convolution's taps would reach beyond its input, count as cells of
 * their own whose fields continue the lattice, so padding pixels count towards the field as in
 * the recurrence of Araujo et al. (Distill 2019),
 *   r = r_prev + (k_eff - 1) j_prev,   j = j_prev s,   c = c_prev + ((k_eff - 1)/2 - p_before) j_prev,
 * which is what this computes for stacks of windows (every unit the same, moved by j).
 * Transposed convolutions and adaptive pooling whose input does not divide give units that
 * differ; their intervals repeat with a period P: first(u + P) = first(u) + Q. Every layer keeps
 * one period of exact intervals, so each later layer composes exact intervals, never a nominal
 * fractional jump, and the receptive field reported is the widest unit's interval, a whole number.
 */

/** How one layer maps a cell of its output to cells of its input along one axis (the lattice extends past both edges). */
export type AxisMap =
  /** Conv / pooling window: cell o reads o s - p + t d for t = 0..k-1 (reads outside the input are padding). */
  | { kind: 'window'; kernel: number; stride: number; dilation: number; padBefore: number }
  /** Transposed conv: cell o is written by every integer input i with o = i s - p + t d, t = 0..k-1. */
  | { kind: 'transposed'; kernel: number; stride: number; dilation: number; padding: number }
  /** Adaptive average pooling (PyTorch): cell o averages floor(o n / m) .. ceil((o + 1) n / m) - 1. */
  | { kind: 'adaptive'; inputLength: number; outputLength: number }
  /** Global pooling, flatten, linear, a 1-unit adaptive pool: every cell (and any padding read around it) reads cells 0..n-1. */
  | { kind: 'whole'; inputLength: number }
  /** Elementwise layers (activations, batch norm, dropout, softmax over channels). */
  | { kind: 'identity' };

/** The cells first, first + step, ..., first + (count - 1) step, ascending; count 0 when the cell reads nothing. */
export interface CellProgression {
  first: number;
  step: number;
  count: number;
}

const SAFE = Number.MAX_SAFE_INTEGER;
const NOTHING: CellProgression = Object.freeze({ first: 0, step: 1, count: 0 });

/** a mod b in [0, b), for integers, b > 0. */
function modulo(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** floor(a / b) for integers, b > 0, exact where a / b in doubles would round. */
function floorDivide(a: number, b: number): number {
  return (a - modulo(a, b)) / b;
}

function greatestCommonDivisor(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function multiplyModulo(a: number, b: number, m: number): number {
  if (a * b <= SAFE) return (a * b) % m;
  return Number((BigInt(a) * BigInt(b)) % BigInt(m));
}

/** x with a x ≡ 1 (mod m), for gcd(a, m) = 1. */
function modularInverse(a: number, m: number): number {
  if (m === 1) return 0;
  let [oldR, r] = [a, m];
  let [oldS, s] = [1, 0];
  while (r !== 0) {
    const quotient = Math.floor(oldR / r);
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return modulo(oldS, m);
}

/** floor(unit n / m), or ceil with `roundUp`, exact beyond 2^53 (BigInt). */
function scaledBound(unit: number, n: number, m: number, roundUp: boolean): number {
  const product = unit * n;
  if (Math.abs(product) <= SAFE) return roundUp ? -floorDivide(-product, m) : floorDivide(product, m);
  const big = BigInt(unit) * BigInt(n);
  const bigM = BigInt(m);
  let quotient = big / bigM;
  const exact = quotient * bigM === big;
  // BigInt division truncates towards zero
  if (!exact && big < 0n && !roundUp) quotient -= 1n;
  if (!exact && big > 0n && roundUp) quotient += 1n;
  return Number(quotient);
}

/** The cells of the layer below that cell `cell` reads, as an ascending progression (unclipped: may lie outside the layer). */
export function dependencyProgression(map: AxisMap, cell: number): CellProgression {
  switch (map.kind) {
    case 'identity':
      return { first: cell, step: 1, count: 1 };
    case 'window':
      return { first: cell * map.stride - map.padBefore, step: map.dilation, count: map.kernel };
    case 'whole':
      return { first: 0, step: 1, count: map.inputLength };
    case 'adaptive': {
      const first = scaledBound(cell, map.inputLength, map.outputLength, false);
      return { first, step: 1, count: scaledBound(cell + 1, map.inputLength, map.outputLength, true) - first };
    }
    case 'transposed': {
      // i s = o + p - t d: solvable only when gcd(d, s) divides o + p; the taps t then repeat every s / gcd
      const { kernel, stride, dilation } = map;
      const shifted = cell + map.padding;
      const divisor = greatestCommonDivisor(dilation, stride);
      if (modulo(shifted, divisor) !== 0) return NOTHING;
      const period = stride / divisor;
      const firstTap = multiplyModulo(modulo(shifted / divisor, period), modularInverse((dilation / divisor) % period, period), period);
      if (firstTap > kernel - 1) return NOTHING;
      const count = Math.floor((kernel - 1 - firstTap) / period) + 1;
      const lastTap = firstTap + (count - 1) * period;
      return { first: (shifted - lastTap * dilation) / stride, step: dilation / divisor, count };
    }
  }
}

/** The cells of `dependencyProgression`, listed (for the region walk, where windows are small). */
export function cellDependencies(map: AxisMap, cell: number): number[] {
  const { first, step, count } = dependencyProgression(map, cell);
  return Array.from({ length: count }, (_, i) => first + i * step);
}

/**
 * The exact input intervals of every unit of one axis of a layer (real units, and the virtual
 * ones beyond the edges that padding above reads). An empty unit (a transposed conv output no
 * tap writes) has first = +Infinity, last = -Infinity.
 */
export interface AxisSpans {
  /** The pattern repeats every `period` units: unit u + period sees unit u's interval moved by `shift` pixels (Infinity: not stored). */
  readonly period: number;
  readonly shift: number;
  /** Average input pixels between neighbouring units: shift / period; 0 once every unit sees the whole axis. */
  readonly jump: number;
  /** The centre of unit 0 by the nominal recurrence, used only when no unit sees anything. */
  readonly nominalCenter: number;
  /** False when some interval was taken from the ends of a read too long to scan (patterns over 2^20 units only). */
  readonly exact: boolean;
  first(unit: number): number;
  last(unit: number): number;
}

/** Units of one period stored as arrays (16 bytes each), at most this many. */
const PATTERN_LIMIT = 1 << 20;
/** Interval reads allowed to build one period; a longer job is evaluated unit by unit, on demand. */
const WORK_LIMIT = 1 << 22;
/** Cells of one read scanned when the pattern below is not stored (from each end). */
const TERM_LIMIT = 1 << 10;
/** Units scanned from each end of an axis whose pattern is not stored. */
const EDGE_UNITS = 1 << 10;
const MEMO_LIMIT = 1 << 16;

class StoredSpans implements AxisSpans {
  readonly jump: number;
  constructor(
    readonly period: number,
    readonly shift: number,
    private readonly firsts: Float64Array,
    private readonly lasts: Float64Array,
    readonly nominalCenter: number,
    readonly exact: boolean,
  ) {
    this.jump = shift / period;
  }

  first(unit: number): number {
    const residue = modulo(unit, this.period);
    const periods = (unit - residue) / this.period;
    return periods === 0 ? this.firsts[residue]! : this.firsts[residue]! + periods * this.shift;
  }

  last(unit: number): number {
    const residue = modulo(unit, this.period);
    const periods = (unit - residue) / this.period;
    return periods === 0 ? this.lasts[residue]! : this.lasts[residue]! + periods * this.shift;
  }
}

/** Units that all see the same width, moved by `shift` per unit (every stack of windows): first(u) = first(0) + u shift. */
class UniformSpans implements AxisSpans {
  readonly period = 1;
  readonly exact = true;
  readonly jump: number;
  constructor(
    private readonly first0: number,
    private readonly last0: number,
    readonly shift: number,
    readonly nominalCenter: number,
  ) {
    this.jump = shift;
  }


  first(unit: number): number {
    return unit === 0 ? this.first0 : this.first0 + unit * this.shift;
  }

  last(unit: number): number {
    return unit === 0 ? this.last0 : this.last0 + unit * this.shift;
  }
}

/** A pattern too long to store: each unit's interval is computed when asked for, and remembered. */
class OnDemandSpans implements AxisSpans {
  readonly period = Infinity;
  readonly shift = Infinity;
  private readonly memo = new Map<number, [number, number]>();
  exact: boolean;
  constructor(
    private readonly below: AxisSpans,
    private readonly map: AxisMap,
    readonly jump: number,
    readonly nominalCenter: number,
  ) {
    this.exact = below.exact;
  }

  private span(unit: number): [number, number] {
    let span = this.memo.get(unit);
    if (!span) {
      const hull = hullOf(this.below, dependencyProgression(this.map, unit));
      if (hull.truncated) this.exact = false;
      span = [hull.first, hull.last];
      if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
      this.memo.set(unit, span);
    }
    return span;
  }

  first(unit: number): number {
    return this.span(unit)[0];
  }

  last(unit: number): number {
    return this.span(unit)[1];
  }
}

/** Input pixel v sees itself: first = last = v. */
export const PIXEL_SPANS: AxisSpans = new UniformSpans(0, 0, 1, 0);

/**
 * Hull of the intervals of cells `cells` of the layer below. Reads `repeat` cells apart see
 * intervals moved by a multiple of the pattern's shift (>= 0), so the smallest first() lies in the
 * first `repeat` reads and the largest last() in the last `repeat`.
 */
function hullOf(below: AxisSpans, cells: CellProgression): { first: number; last: number; truncated: boolean } {
  let first = Infinity;
  let last = -Infinity;
  if (cells.count === 0) return { first, last, truncated: false };
  const repeat = Number.isFinite(below.period) ? below.period / greatestCommonDivisor(below.period, cells.step) : Infinity;
  let reads = Math.min(cells.count, repeat);
  const truncated = reads > TERM_LIMIT && !Number.isFinite(below.period);
  if (truncated) reads = TERM_LIMIT;
  for (let t = 0; t < reads; t++) first = Math.min(first, below.first(cells.first + t * cells.step));
  for (let t = cells.count - reads; t < cells.count; t++) last = Math.max(last, below.last(cells.first + t * cells.step));
  return { first, last, truncated };
}

/** Period and shift of the next layer's pattern: a period of the map times whatever it takes to repeat the pattern below. */
function nextPeriod(below: AxisSpans, map: AxisMap): { period: number; shift: number } {
  const { period, shift } = below;
  switch (map.kind) {
    case 'identity':
      return { period, shift };
    case 'whole':
      return { period: 1, shift: 0 };
    case 'window': {
      const divisor = greatestCommonDivisor(period, map.stride);
      return { period: period / divisor, shift: (shift * map.stride) / divisor };
    }
    case 'transposed':
      return { period: period * map.stride, shift };
    case 'adaptive': {
      // m / g output units cover n / g input cells; repeating the pattern below takes P / gcd(P, n / g) of those blocks
      const divisor = greatestCommonDivisor(map.inputLength, map.outputLength);
      const cellsPerBlock = map.inputLength / divisor;
      const blocks = period / greatestCommonDivisor(period, cellsPerBlock);
      return { period: blocks * (map.outputLength / divisor), shift: (shift * blocks * cellsPerBlock) / period };
    }
  }
}

function nextJump(below: AxisSpans, map: AxisMap): number {
  switch (map.kind) {
    case 'identity':
      return below.jump;
    case 'whole':
      return 0;
    case 'window':
      return below.jump * map.stride;
    case 'transposed':
      return below.jump / map.stride;
    case 'adaptive':
      return (below.jump * map.inputLength) / map.outputLength;
  }
}

/** Nominal centre of unit 0 (Araujo et al.'s recurrence and its analogues), for layers where no unit sees anything. */
function nextNominalCenter(below: AxisSpans, map: AxisMap): number {
  const c = below.nominalCenter;
  const j = below.jump;
  switch (map.kind) {
    case 'identity':
      return c;
    case 'whole':
      return c + ((map.inputLength - 1) / 2) * j;
    case 'window':
      return c + (((map.kernel - 1) * map.dilation) / 2 - map.padBefore) * j;
    case 'transposed':
      return c + ((map.padding - ((map.kernel - 1) * map.dilation) / 2) * j) / map.stride;
    case 'adaptive':
      return c + ((map.inputLength / map.outputLength - 1) / 2) * j;
  }
}

function primeFactors(n: number): number[] {
  const factors: number[] = [];
  for (let p = 2; p * p <= n; p++) {
    if (n % p !== 0) continue;
    factors.push(p);
    while (n % p === 0) n /= p;
  }
  if (n > 1) factors.push(n);
  return factors;
}

/** The shortest period of a stored pattern (units repeat every period / q with shift / q). */
function shortestPeriod(firsts: Float64Array, lasts: Float64Array, period: number, shift: number): { period: number; shift: number } {
  for (const factor of primeFactors(period)) {
    while (period % factor === 0) {
      const shorter = period / factor;
      const step = shift / factor;
      let repeats = true;
      for (let unit = shorter; unit < period && repeats; unit++) {
        const base = unit - shorter;
        repeats = firsts[unit] === firsts[base]! + step && lasts[unit] === lasts[base]! + step;
      }
      if (!repeats) break;
      period = shorter;
      shift = step;
    }
  }
  return { period, shift };
}

/** The intervals of the units of a layer, from those of the layer below and how the layer reads it. */
export function nextSpans(below: AxisSpans, map: AxisMap): AxisSpans {
  if (map.kind === 'identity') return below;
  if (!Number.isFinite(below.period) && map.kind !== 'whole') return new OnDemandSpans(below, map, nextJump(below, map), nextNominalCenter(below, map));
  const jump = nextJump(below, map);
  const nominalCenter = nextNominalCenter(below, map);
  if (below instanceof UniformSpans && map.kind === 'window') {
    // the recurrence itself: unit 0 reads cells -p .. -p + (k - 1) d, every unit the same moved by j s
    const firstCell = -map.padBefore;
    const lastCell = firstCell + (map.kernel - 1) * map.dilation;
    return new UniformSpans(below.first(firstCell), below.last(lastCell), below.shift * map.stride, nominalCenter);
  }
  const { period, shift } = nextPeriod(below, map);
  const readsPerUnit = Math.min(dependencyProgression(map, 0).count, Number.isFinite(below.period) ? below.period : Infinity) + 1;
  if (!(period <= PATTERN_LIMIT) || period * readsPerUnit > WORK_LIMIT) return new OnDemandSpans(below, map, jump, nominalCenter);
  const firsts = new Float64Array(period);
  const lasts = new Float64Array(period);
  let exact = below.exact;
  for (let unit = 0; unit < period; unit++) {
    const hull = hullOf(below, dependencyProgression(map, unit));
    firsts[unit] = hull.first;
    lasts[unit] = hull.last;
    if (hull.truncated) exact = false;
  }
  const shortest = shortestPeriod(firsts, lasts, period, shift);
  if (shortest.period === 1 && exact) return new UniformSpans(firsts[0]!, lasts[0]!, shortest.shift, nominalCenter);
  return new StoredSpans(shortest.period, shortest.shift, firsts.slice(0, shortest.period), lasts.slice(0, shortest.period), nominalCenter, exact);
}

/** One unit's interval [first, last] on the input; first > last when it sees nothing. */
export interface UnitSpan {
  unit: number;
  first: number;
  last: number;
}

/** What the receptive field of one axis of a layer is made of. */
export interface AxisSpread {
  /** The unit with the largest interval (the first such), whose width is the reported size. */
  widest: UnitSpan;
  /** Unit 0, whose centre is the reported centre (when it sees anything). */
  origin: UnitSpan;
  /** Some unit is not unit 0 moved by a multiple of the jump (in width or in place). */
  varies: boolean;
  /** False when only the units nearest the two ends of a very long pattern were examined. */
  exhaustive: boolean;
}

/** Pixels of an interval: last - first + 1, or 0 when the unit sees nothing. */
export function spanWidth(first: number, last: number): number {
  return last >= first ? last - first + 1 : 0;
}

function unitSpan(spans: AxisSpans, unit: number): UnitSpan {
  const first = spans.first(unit);
  const last = spans.last(unit);
  return last >= first ? { unit, first, last } : { unit, first: 1, last: 0 };
}

/**
 * The units 0..length-1 of one axis: the widest, unit 0, whether units differ. A stored pattern
 * is scanned over one period (later units repeat it); an unstored one over its ends.
 */
export function spreadOf(spans: AxisSpans, length: number): { spread: AxisSpread; center: number } {
  const origin = unitSpan(spans, 0);
  if (spans instanceof UniformSpans) {
    // every unit is unit 0 moved by the jump
    const center = origin.first <= origin.last ? (origin.first + origin.last) / 2 : spans.nominalCenter;
    return { spread: { widest: origin, origin, varies: false, exhaustive: true }, center };
  }
  const distinct = Math.min(length, spans.period);
  const complete = distinct <= 2 * EDGE_UNITS || Number.isFinite(spans.period);
  const head = complete ? distinct : EDGE_UNITS;
  // units 1..head-1, then (when only the ends are examined) the last EDGE_UNITS
  const tailStart = complete ? length : Math.max(head, length - EDGE_UNITS);
  const originWidth = spanWidth(origin.first, origin.last);
  let widest = origin;
  let widestWidth = originWidth;
  let varies = false;
  let firstSeen: UnitSpan | undefined = originWidth > 0 ? origin : undefined;
  for (let unit = 1; unit < length; unit++) {
    if (unit === head) {
      if (tailStart >= length) break;
      unit = tailStart;
    }
    const span = unitSpan(spans, unit);
    const width = spanWidth(span.first, span.last);
    if (width > widestWidth) {
      widest = span;
      widestWidth = width;
    }
    if (width > 0 && !firstSeen) firstSeen = span;
    if (varies) continue;
    if (width !== originWidth) varies = true;
    else if (width > 0) {
      const expected = origin.first + unit * spans.jump;
      varies = Math.abs(span.first - expected) > 1e-9 * Math.max(1, Math.abs(expected));
    }
  }
  const center = firstSeen ? (firstSeen.first + firstSeen.last) / 2 - firstSeen.unit * spans.jump : spans.nominalCenter;
  return { spread: { widest, origin, varies, exhaustive: complete && spans.exact }, center };
}

/** The receptive field of a layer, from the intervals of its units on both axes; `lengths` is its [H, W]. */
export function receptiveFieldOf(spans: readonly [AxisSpans, AxisSpans], lengths: Pair): { receptiveField: ReceptiveField; spread: [AxisSpread, AxisSpread] } {
  const height = spreadOf(spans[0], lengths[0]);
  const width = spreadOf(spans[1], lengths[1]);
  const varies = height.spread.varies || width.spread.varies;
  // every unit sees the whole input, unless a transposed conv left some unit seeing nothing
  const global = spans[0].jump === 0 && spans[1].jump === 0 && !varies;
  return {
    receptiveField: {
      size: [spanWidth(height.spread.widest.first, height.spread.widest.last), spanWidth(width.spread.widest.first, width.spread.widest.last)],
      jump: [spans[0].jump, spans[1].jump],
      center: [height.center, width.center],
      global,
      varies,
    },
    spread: [height.spread, width.spread],
  };
}

/** The input pixel itself. */
export const PIXEL_RECEPTIVE_FIELD: ReceptiveField = Object.freeze({
  size: [1, 1] as Pair,
  jump: [1, 1] as Pair,
  center: [0, 0] as Pair,
  global: false,
  varies: false,
}) as ReceptiveField;
