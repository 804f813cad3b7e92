import { progressPacer, type Cooperation } from '../cooperation';
import { regionBounds, type RegionBounds } from './bounds';
import { isCancellation, parameterCount } from './gradient-flow';
import { describeValue, internalFailure, IssueCollector, type DenseFailure } from './issues';
import type { MlpLayout } from './mlp';
import { MAX_SAWTOOTH_DEPTH, sawtoothNetwork } from './presets';
import { buildParameters, NETWORK_FIELDS, readNetwork, type NetworkConfig } from './spec';

/**
 * Exact linear regions of a ReLU network with one linear output unit (the depth lab, Q2d).
 * 1-D: the interval is cut layer by layer at every unit's zero (on each piece a unit's
 * pre-activation is affine in x, so it has at most one zero there); a piece's activation
 * pattern is its units' on/off states, and neighbouring pieces with the same affine map are
 * merged into linear pieces. 2-D: the rectangle is split the same way into convex polygons,
 * one per activation pattern (a pattern's region is an intersection of half-planes, hence one
 * convex polygon).
 */

export const REGION_LIMITS = {
  /** 2-D: hidden layers and units per layer */
  maxLayers2d: 4,
  maxWidth2d: 16,
  /** 1-D pattern pieces */
  maxPieces: 100_000,
  /** 2-D polygons */
  maxRegions: 200_000,
} as const;

export const REGION_FIELDS = [...NETWORK_FIELDS, 'preset', 'domain'] as const;

export interface RegionsNet {
  network: NetworkConfig;
  /** 1-D: [lo, hi]; 2-D: [[x0, x1], [y0, y1]] */
  domain: [number, number] | [[number, number], [number, number]];
  sawtooth: number | null;
}

/** Reads a regions document (the `regions` command's). Never throws. */
export function checkRegionsNet(value: unknown): { ok: true; value: RegionsNet } | DenseFailure {
  try {
    const c = new IssueCollector();
    const doc = c.object(value, '');
    if (!doc) return c.failure();
    c.onlyFields(doc, '', REGION_FIELDS);
    let network: NetworkConfig | null = null;
    let sawtooth: number | null = null;
    if (doc.preset !== undefined) {
      const preset = c.object(doc.preset, 'preset');
      if (preset) {
        c.onlyFields(preset, 'preset', ['sawtooth']);
        sawtooth = c.integer(preset.sawtooth, 'preset.sawtooth', { min: 1, max: MAX_SAWTOOTH_DEPTH }, 1);
      }
      for (const field of NETWORK_FIELDS) if (doc[field] !== undefined) c.add(field, 'exclusive_fields', { other: 'preset' });
      if (c.failed) return c.failure();
      network = readNetwork(c, sawtoothNetwork(sawtooth!));
    } else {
      if (doc.output_dim !== undefined && doc.output_dim !== 1) c.add('output_dim', 'not_one_of', { allowed: '1', got: describeValue(doc.output_dim) });
      if (doc.activation !== undefined && doc.activation !== 'relu') c.add('activation', 'not_one_of', { allowed: 'relu', got: describeValue(doc.activation) });
      if (doc.input_dim !== 1 && doc.input_dim !== 2 && typeof doc.input_dim === 'number') c.add('input_dim', 'not_one_of', { allowed: '1, 2', got: describeValue(doc.input_dim) });
      if (c.failed) return c.failure();
      network = readNetwork(c, { ...doc, output_dim: 1, activation: 'relu' });
    }
    if (!network || c.failed) return c.failure();
    const dimension = network.sizes[0]!;
    const widths = network.sizes.slice(1, -1);
    if (dimension === 2) {
      if (widths.length > REGION_LIMITS.maxLayers2d) c.add('widths', 'too_large', { max: REGION_LIMITS.maxLayers2d, of: 'hidden_layers_2d', got: widths.length });
      widths.forEach((width, i) => {
        if (width > REGION_LIMITS.maxWidth2d) c.add(`widths[${i}]`, 'too_large', { max: REGION_LIMITS.maxWidth2d, of: 'units_2d', got: width });
      });
    }
    const domain = readDomain(c, doc.domain, dimension, sawtooth !== null);
    if (c.failed || !domain) return c.failure();
    return { ok: true, value: { network, domain, sawtooth } };
  } catch (error) {
    return internalFailure('linearRegions (check)', error);
  }
}

function readInterval(c: IssueCollector, value: unknown, field: string): [number, number] | null {
  const list = c.list(value, field);
  if (!list) return null;
  if (list.length !== 2) {
    c.add(field, 'wrong_length', { expected: 2, actual: list.length, of: 'interval' });
    return null;
  }
  const before = c.issues.length;
  const lo = c.number(list[0], `${field}[0]`);
  const hi = c.number(list[1], `${field}[1]`);
  if (c.issues.length > before) return null;
  if (!(hi > lo) || !Number.isFinite(hi - lo)) {
    c.add(`${field}[1]`, 'too_small', { min: lo, exclusive: 1, got: hi });
    return null;
  }
  return [lo, hi];
}

/** `domain`: [lo, hi] (1-D, default [-1, 1]; the sawtooth's [0, 1]) or [[x0, x1], [y0, y1]] (2-D, default [-1, 1]^2). */
function readDomain(c: IssueCollector, value: unknown, dimension: number, sawtooth: boolean): RegionsNet['domain'] | null {
  if (dimension === 1) {
    if (value === undefined) return sawtooth ? [0, 1] : [-1, 1];
    return readInterval(c, value, 'domain');
  }
  if (value === undefined) return [
    [-1, 1],
    [-1, 1],
  ];
  const list = c.list(value, 'domain');
  if (!list) return null;
  if (list.length !== 2 || !Array.isArray(list[0])) {
    c.add('domain', 'wrong_type', { expected: 'rectangle', got: describeValue(value) });
    return null;
  }
  const x = readInterval(c, list[0], 'domain[0]');
  const y = readInterval(c, list[1], 'domain[1]');
  return x && y ? [x, y] : null;
}

/** One activation-pattern piece of a 1-D network. */
export interface Piece {
  lo: number;
  hi: number;
  slope: number;
  intercept: number;
  /** per hidden layer, one character per unit: 1 active (z > 0), 0 inactive */
  pattern: string[];
}

export interface LinearPiece {
  lo: number;
  hi: number;
  slope: number;
  intercept: number;
}

export interface Regions1d {
  ok: true;
  dimension: 1;
  domain: [number, number];
  sizes: number[];
  parameters: number;
  pattern_pieces: number;
  linear_pieces: number;
  /** sorted, inside the interval: where the linear map changes */
  breakpoints: number[];
  pieces: Piece[];
  linear: LinearPiece[];
  /** one hidden layer of width n has at most n + 1 pieces: the units it needs for these pieces */
  shallow_units_needed: number;
  bounds: RegionBounds;
}

export interface Polygon {
  /** counter-clockwise [x, y] vertices */
  vertices: [number, number][];
  pattern: string[];
  area: number;
}

export interface Regions2d {
  ok: true;
  dimension: 2;
  domain: [[number, number], [number, number]];
  sizes: number[];
  parameters: number;
  /** the number of distinct activation patterns inside the rectangle (neighbours with the same affine map not merged) */
  regions: number;
  bounds: RegionBounds;
  /** with `polygons` */
  polygons?: Polygon[];
}

export interface RegionsProgress {
  kind: 'regions';
  /** hidden layers done, of `layers` */
  layer: number;
  layers: number;
  /** pieces or polygons so far (split by the layers done, and within the running layer) */
  regions: number;
}

export interface RegionsRequest {
  net: unknown;
  /** 2-D: include every region's polygon and pattern. */
  polygons?: boolean;
}

/** Thrown inside the count when the pieces or regions pass REGION_LIMITS; the entry answers it as too_much_work. */
export class RegionLimitExceeded extends Error {}

/** Exact regions of a 1-D or 2-D ReLU network. Asynchronous and cooperative; never throws except `cancelled`. */
export async function linearRegions(request: RegionsRequest, cooperation?: Cooperation): Promise<Regions1d | Regions2d | DenseFailure> {
  const checked = checkRegionsNet((request as { net?: unknown } | undefined)?.net);
  if (!checked.ok) return checked;
  const { network, domain } = checked.value;
  const { layout, params } = buildParameters(network);
  try {
    if (network.sizes[0] === 1) return await regions1d(layout, params, domain as [number, number], cooperation);
    return await regions2d(layout, params, domain as [[number, number], [number, number]], request.polygons === true, cooperation);
  } catch (error) {
    if (isCancellation(error)) throw error;
    if (error instanceof RegionLimitExceeded) {
      const c = new IssueCollector();
      const max = network.sizes[0] === 1 ? REGION_LIMITS.maxPieces : REGION_LIMITS.maxRegions;
      c.add(checked.value.sawtooth !== null ? 'preset.sawtooth' : 'widths', 'too_much_work', { value: `> ${max}`, max, measure: network.sizes[0] === 1 ? 'pieces' : 'regions' });
      return c.failure();
    }
    return internalFailure('linearRegions', error);
  }
}

/** Pieces within this fraction of the domain of an end are not split off (rounding). */
const RELATIVE_EPS = 1e-12;

/** The exact pieces of a 1-D ReLU network given as a layout and parameters (throws past the piece limit). */
export async function regions1d(layout: MlpLayout, params: Float64Array, domain: [number, number], cooperation?: Cooperation): Promise<Regions1d> {
  const [lo, hi] = domain;
  const eps = RELATIVE_EPS * Math.max(hi - lo, Math.abs(lo), Math.abs(hi));
  const pacer = progressPacer(cooperation);
  // each piece: its interval and the affine map x -> A x + C of the current layer's input
  let pieces: { lo: number; hi: number; a: Float64Array; c: Float64Array; pattern: string[] }[] = [{ lo, hi, a: Float64Array.of(1), c: Float64Array.of(0), pattern: [] }];
  const hiddenLayers = layout.layers - 1;
  for (let l = 0; l < hiddenLayers; l++) {
    const inSize = layout.sizes[l]!;
    const units = layout.sizes[l + 1]!;
    const w = layout.weightOffset[l]!;
    const b = layout.biasOffset[l]!;
    const next: typeof pieces = [];
    let visited = 0;
    for (const piece of pieces) {
      // a wide layer over many pieces is long: yield now and then so a cancel is seen
      if (cooperation && ++visited % 256 === 0) {
        await cooperation.checkpoint();
        if (pacer.due()) pacer.send({ kind: 'regions', layer: l, layers: hiddenLayers, regions: next.length + pieces.length - visited } satisfies RegionsProgress);
      }
      const alpha = new Float64Array(units);
      const beta = new Float64Array(units);
      const roots: number[] = [];
      for (let j = 0; j < units; j++) {
        let s = 0;
        let t = params[b + j]!;
        for (let i = 0; i < inSize; i++) {
          const weight = params[w + j * inSize + i]!;
          s += weight * piece.a[i]!;
          t += weight * piece.c[i]!;
        }
        alpha[j] = s;
        beta[j] = t;
        if (s !== 0) {
          const root = -t / s;
          if (root > piece.lo + eps && root < piece.hi - eps) roots.push(root);
        }
      }
      roots.sort((x, y) => x - y);
      const cuts = [piece.lo];
      for (const root of roots) if (root - cuts.at(-1)! > eps) cuts.push(root);
      if (piece.hi - cuts.at(-1)! <= eps && cuts.length > 1) cuts.pop();
      cuts.push(piece.hi);
      for (let k = 0; k + 1 < cuts.length; k++) {
        const mid = 0.5 * (cuts[k]! + cuts[k + 1]!);
        const a = new Float64Array(units);
        const c = new Float64Array(units);
        let bits = '';
        for (let j = 0; j < units; j++) {
          const on = alpha[j]! * mid + beta[j]! > 0;
          bits += on ? '1' : '0';
          if (on) {
            a[j] = alpha[j]!;
            c[j] = beta[j]!;
          }
        }
        next.push({ lo: cuts[k]!, hi: cuts[k + 1]!, a, c, pattern: [...piece.pattern, bits] });
        if (next.length > REGION_LIMITS.maxPieces) throw new RegionLimitExceeded();
      }
    }
    pieces = next;
    if (cooperation) {
      await cooperation.checkpoint();
      if (pacer.due()) pacer.send({ kind: 'regions', layer: l + 1, layers: hiddenLayers, regions: pieces.length } satisfies RegionsProgress);
    }
  }
  const out = layout.layers - 1;
  const inSize = layout.sizes[out]!;
  const w = layout.weightOffset[out]!;
  const bias = params[layout.biasOffset[out]!]!;
  const result: Piece[] = pieces.map((piece) => {
    let slope = 0;
    let intercept = bias;
    for (let i = 0; i < inSize; i++) {
      slope += params[w + i]! * piece.a[i]!;
      intercept += params[w + i]! * piece.c[i]!;
    }
    return { lo: piece.lo, hi: piece.hi, slope, intercept, pattern: piece.pattern };
  });
  const linear: LinearPiece[] = [];
  for (const piece of result) {
    const previous = linear.at(-1);
    if (previous && sameMap(previous, piece, lo, hi)) previous.hi = piece.hi;
    else linear.push({ lo: piece.lo, hi: piece.hi, slope: piece.slope, intercept: piece.intercept });
  }
  return {
    ok: true,
    dimension: 1,
    domain: [lo, hi],
    sizes: [...layout.sizes],
    parameters: parameterCount(layout.sizes),
    pattern_pieces: result.length,
    linear_pieces: linear.length,
    breakpoints: linear.slice(1).map((piece) => piece.lo),
    pieces: result,
    linear,
    shallow_units_needed: Math.max(0, linear.length - 1),
    bounds: regionBounds(1, layout.sizes.slice(1, -1)),
  };
}

/** The same affine map up to rounding (relative to the values it takes on the domain). */
function sameMap(a: LinearPiece, b: LinearPiece, lo: number, hi: number): boolean {
  const reach = Math.max(Math.abs(lo), Math.abs(hi), 1);
  const scale = Math.max(Math.abs(a.slope) * reach, Math.abs(b.slope) * reach, Math.abs(a.intercept), Math.abs(b.intercept), 1e-300);
  return Math.abs(a.slope - b.slope) * reach <= 1e-9 * scale && Math.abs(a.intercept - b.intercept) <= 1e-9 * scale;
}

interface Region {
  /** x, y pairs, counter-clockwise */
  vertices: number[];
  /** the current layer's input as A x + C: A [units][2], C [units] */
  a: Float64Array;
  c: Float64Array;
  pattern: string[];
}

function polygonArea(vertices: readonly number[]): number {
  let twice = 0;
  const count = vertices.length / 2;
  for (let k = 0; k < count; k++) {
    const next = (k + 1) % count;
    twice += vertices[2 * k]! * vertices[2 * next + 1]! - vertices[2 * next]! * vertices[2 * k + 1]!;
  }
  return twice / 2;
}

/** Splits a convex polygon by g.p + h = 0 into its positive and negative parts (either may be empty). */
function splitPolygon(vertices: readonly number[], gx: number, gy: number, h: number, eps: number): { positive: number[]; negative: number[] } {
  const count = vertices.length / 2;
  const values = new Float64Array(count);
  let anyPositive = false;
  let anyNegative = false;
  for (let k = 0; k < count; k++) {
    const v = gx * vertices[2 * k]! + gy * vertices[2 * k + 1]! + h;
    values[k] = Math.abs(v) <= eps ? 0 : v;
    if (values[k]! > 0) anyPositive = true;
    if (values[k]! < 0) anyNegative = true;
  }
  if (!anyNegative) return { positive: [...vertices], negative: [] };
  if (!anyPositive) return { positive: [], negative: [...vertices] };
  const positive: number[] = [];
  const negative: number[] = [];
  for (let k = 0; k < count; k++) {
    const next = (k + 1) % count;
    const x = vertices[2 * k]!;
    const y = vertices[2 * k + 1]!;
    const v = values[k]!;
    if (v >= 0) positive.push(x, y);
    if (v <= 0) negative.push(x, y);
    const u = values[next]!;
    if ((v > 0 && u < 0) || (v < 0 && u > 0)) {
      const t = v / (v - u);
      const px = x + t * (vertices[2 * next]! - x);
      const py = y + t * (vertices[2 * next + 1]! - y);
      positive.push(px, py);
      negative.push(px, py);
    }
  }
  return { positive, negative };
}

async function regions2d(layout: MlpLayout, params: Float64Array, domain: [[number, number], [number, number]], withPolygons: boolean, cooperation?: Cooperation): Promise<Regions2d> {
  const [[x0, x1], [y0, y1]] = domain;
  const domainArea = (x1 - x0) * (y1 - y0);
  const reach = Math.max(Math.abs(x0), Math.abs(x1), Math.abs(y0), Math.abs(y1), Math.hypot(x1 - x0, y1 - y0));
  const minArea = 1e-14 * domainArea;
  const pacer = progressPacer(cooperation);
  let regions: Region[] = [{ vertices: [x0, y0, x1, y0, x1, y1, x0, y1], a: Float64Array.of(1, 0, 0, 1), c: Float64Array.of(0, 0), pattern: [] }];
  const hiddenLayers = layout.layers - 1;
  for (let l = 0; l < hiddenLayers; l++) {
    const inSize = layout.sizes[l]!;
    const units = layout.sizes[l + 1]!;
    const w = layout.weightOffset[l]!;
    const b = layout.biasOffset[l]!;
    const next: Region[] = [];
    let visited = 0;
    for (const region of regions) {
      if (cooperation && ++visited % 64 === 0) {
        await cooperation.checkpoint();
        if (pacer.due()) pacer.send({ kind: 'regions', layer: l, layers: hiddenLayers, regions: next.length + regions.length - visited } satisfies RegionsProgress);
      }
      // z_j = g_j . p + h_j on this region
      const g = new Float64Array(2 * units);
      const h = new Float64Array(units);
      for (let j = 0; j < units; j++) {
        let gx = 0;
        let gy = 0;
        let t = params[b + j]!;
        for (let i = 0; i < inSize; i++) {
          const weight = params[w + j * inSize + i]!;
          gx += weight * region.a[2 * i]!;
          gy += weight * region.a[2 * i + 1]!;
          t += weight * region.c[i]!;
        }
        g[2 * j] = gx;
        g[2 * j + 1] = gy;
        h[j] = t;
      }
      let parts: { vertices: number[]; bits: string }[] = [{ vertices: region.vertices, bits: '' }];
      for (let j = 0; j < units; j++) {
        const gx = g[2 * j]!;
        const gy = g[2 * j + 1]!;
        const eps = RELATIVE_EPS * (Math.hypot(gx, gy) * reach + Math.abs(h[j]!));
        const split: typeof parts = [];
        for (const part of parts) {
          const { positive, negative } = splitPolygon(part.vertices, gx, gy, h[j]!, eps);
          if (positive.length >= 6 && negative.length >= 6) {
            if (polygonArea(positive) > minArea) split.push({ vertices: positive, bits: `${part.bits}1` });
            if (polygonArea(negative) > minArea) split.push({ vertices: negative, bits: `${part.bits}0` });
          } else {
            // The line misses the polygon (or only touches it): one side, read at the centroid.
            const [cx, cy] = centroid(part.vertices);
            split.push({ vertices: part.vertices, bits: `${part.bits}${gx * cx + gy * cy + h[j]! > 0 ? '1' : '0'}` });
          }
        }
        parts = split;
      }
      for (const part of parts) {
        const a = new Float64Array(2 * units);
        const c = new Float64Array(units);
        for (let j = 0; j < units; j++) {
          if (part.bits[j] === '1') {
            a[2 * j] = g[2 * j]!;
            a[2 * j + 1] = g[2 * j + 1]!;
            c[j] = h[j]!;
          }
        }
        next.push({ vertices: part.vertices, a, c, pattern: [...region.pattern, part.bits] });
      }
      if (next.length > REGION_LIMITS.maxRegions) throw new RegionLimitExceeded();
    }
    regions = next;
    if (cooperation) {
      await cooperation.checkpoint();
      if (pacer.due()) pacer.send({ kind: 'regions', layer: l + 1, layers: hiddenLayers, regions: regions.length } satisfies RegionsProgress);
    }
  }
  const result: Regions2d = {
    ok: true,
    dimension: 2,
    domain: [
      [x0, x1],
      [y0, y1],
    ],
    sizes: [...layout.sizes],
    parameters: parameterCount(layout.sizes),
    regions: regions.length,
    bounds: regionBounds(2, layout.sizes.slice(1, -1)),
  };
  if (withPolygons) {
    result.polygons = regions.map((region) => {
      const vertices: [number, number][] = [];
      for (let k = 0; k < region.vertices.length; k += 2) vertices.push([region.vertices[k]!, region.vertices[k + 1]!]);
      return { vertices, pattern: region.pattern, area: polygonArea(region.vertices) };
    });
  }
  return result;
}

/** The vertex average of a convex polygon: a point inside it. */
function centroid(vertices: readonly number[]): [number, number] {
  let x = 0;
  let y = 0;
  const count = vertices.length / 2;
  for (let k = 0; k < count; k++) {
    x += vertices[2 * k]!;
    y += vertices[2 * k + 1]!;
  }
  return [x / count, y / count];
}
