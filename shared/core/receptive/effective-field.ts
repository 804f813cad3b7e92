import type { NetworkSummary } from '../network/info';
import type { LayerSpec, NetworkSpec } from '../network/spec';
import { describeValue, formatPlain } from '../network/format';
import { summarizeNetwork } from '../network/summarize';
import { unitRegion, type Box } from './region';
import { spatialLayers, type SpatialLayer } from './spatial-layers';
import { createRandom, normalSample } from '../random';
import type { Cooperation } from '../cooperation';
import { refuse, type ReceptiveFieldFailure, type ReceptiveFieldNote } from './messages';

/**
 * Effective receptive field (Luo, Li, Urtasun & Zemel, NeurIPS 2016): |dy/dx| of one output
 * unit y with respect to every input pixel x, by back-propagating a one-hot gradient.
 *
 * Choices (each documented in the result's `notes`):
 * - Weights: `uniform` sets every conv weight to 1 / fan_in (fan_in = C_in / g * K_h * K_w), bias 0,
 *   so the forward pass stays bounded at any depth; `random` draws He-normal weights
 *   N(0, 2 / fan_in) from a seeded generator, bias 0.
 * - The forward pass (for ReLU masks and max-pool routing) runs on the request's `input` when it
 *   has one (e.g. the image the student loaded, C x H x W values), else on a seeded random input,
 *   uniform in [-1, 1): one plane repeated over the input channels for uniform weights
 *   (so every channel of every layer holds the same values and the whole computation reduces
 *   exactly to one plane times a per-channel factor), independent planes for random weights.
 *   Uniform weights on a given input whose channels differ still reduce to one plane (their
 *   mean) when nothing but linear layers comes before a first conv with groups = 1 (that conv
 *   sums its input channels with equal weights); otherwise every channel is computed.
 * - Max pooling routes the gradient to the argmax of that forward pass (the first maximum in
 *   row-major order, as PyTorch); average pooling divides by the window size exactly as
 *   PyTorch's count_include_pad / ceil_mode rules do.
 * - Activations on: ReLU / LeakyReLU / sigmoid / tanh / GELU multiply by their derivative at the
 *   forward value; off: every activation is the identity. Batch norm (eval, fresh statistics) and
 *   dropout (eval) are the identity.
 * - Random weights with more than `maxChannels` channels in a layer are narrowed to
 *   `maxChannels` (He-scaled by the narrowed fan-in), so a VGG-width network stays interactive;
 *   uniform weights are exact at any width.
 */
export interface EffectiveFieldRequest {
  spec: NetworkSpec;
  /** 1-based layer of the unit. */
  layer: number;
  y: number;
  x: number;
  /** Output channel of the unit (default 0). */
  channel?: number;
  weights: 'uniform' | 'random';
  activations: boolean;
  /** Seed of the forward input and of random weights (default 1). */
  seed?: number;
  /** Random weights only: channels per layer at most (default 8). */
  maxChannels?: number;
  /**
   * The forward pass's input instead of the seeded random one: C x H x W numbers, channel by
   * channel, each row-major (an image's pixels scaled to [0, 1], as torchvision's ToTensor).
   */
  input?: number[];
}

export interface EffectiveFieldResult {
  ok: true;
  unit: { layer: number; y: number; x: number; channel: number };
  /** [H, W] of the input. */
  inputSize: [number, number];
  /** The theoretical field clipped to the image, [top, left, bottom, right] in input pixels. */
  box: Box;
  /** sum over input channels of |dy/dx|, row-major over `box` (its height times its width values). */
  magnitude: number[];
  /** Largest value of `magnitude`. */
  peak: number;
  /** Sum of `magnitude`. */
  mass: number;
  /** Pixels of the box, largest first, that hold 95% of the mass. */
  pixels95: number;
  /** pixels95 / pixels of the box: the share of the theoretical field holding 95% of the gradient mass. */
  share95: number;
  /** Channels computed per layer (after narrowing for random weights); index 0 is the input. */
  channels: number[];
  weights: 'uniform' | 'random';
  activations: boolean;
  seed: number;
  /** What the forward pass ran on: the request's input, or the seeded random input. */
  input: 'given' | 'seeded';
  notes: string[];
  /** `notes` as codes with values, in the same order (for the renderer to phrase). */
  noteMessages: ReceptiveFieldNote[];
}

export type EffectiveFieldFailure = ReceptiveFieldFailure;

const note = (code: ReceptiveFieldNote['code'], values: ReceptiveFieldNote['values'] = {}): ReceptiveFieldNote => ({ code, values });

/** Lets a long computation yield to its host and stop when the caller cancelled (it throws then). */
export type { Cooperation };

/** Full input gradient dy/dx, [C][H*W], for tests against an independent autodiff. */
export interface InputGradient {
  channels: number;
  height: number;
  width: number;
  /** gradient[c][h * width + w] */
  gradient: Float64Array[];
}

// ---------- seeded numbers ----------

/** The seeded forward input: [C][H*W] uniform in [-1, 1); one plane repeated when `shared`. */
export function forwardInput(channels: number, height: number, width: number, seed: number, shared: boolean): Float64Array[] {
  const random = createRandom(seed ^ 0x5bd1e995);
  const plane = () => Float64Array.from({ length: height * width }, () => 2 * random() - 1);
  if (shared) {
    const one = plane();
    return Array.from({ length: channels }, () => one);
  }
  return Array.from({ length: channels }, plane);
}

// ---------- layer plans ----------

type Activation = 'relu' | 'leakyrelu' | 'sigmoid' | 'tanh' | 'gelu';

interface WindowTables {
  outputSize: [number, number];
  inputSize: [number, number];
  kernel: [number, number];
  /** rows[o * kernelHeight + t]: input row read by output row o at tap t, or -1 (padding). */
  rows: Int32Array;
  columns: Int32Array;
}

type Plan =
  | { kind: 'conv'; tables: WindowTables; inChannels: number; outChannels: number; groups: number; fanIn: number }
  | { kind: 'maxpool'; tables: WindowTables }
  | { kind: 'avgpool'; tables: WindowTables; divisor: Float64Array }
  | { kind: 'activation'; activation: Activation; slope: number }
  | { kind: 'identity' };

function windowTables(layer: SpatialLayer): WindowTables {
  const geometry = layer.record.geometry!;
  const build = (axis: 0 | 1) => {
    const kernel = geometry.kernel[axis];
    const padBefore = axis === 0 ? geometry.padding.top : geometry.padding.left;
    const length = layer.inputSize[axis];
    const table = new Int32Array(layer.outputSize[axis] * kernel);
    for (let o = 0; o < layer.outputSize[axis]; o++) {
      for (let t = 0; t < kernel; t++) {
        const input = o * geometry.stride[axis] - padBefore + t * geometry.dilation[axis];
        table[o * kernel + t] = input >= 0 && input < length ? input : -1;
      }
    }
    return table;
  };
  return { outputSize: layer.outputSize, inputSize: layer.inputSize, kernel: geometry.kernel, rows: build(0), columns: build(1) };
}

/** Adaptive and global pooling as window tables with per-cell windows (padding -1 where a window is shorter). */
function variableWindowTables(layer: SpatialLayer): WindowTables {
  const build = (axis: 0 | 1) => {
    const n = layer.inputSize[axis];
    const m = layer.outputSize[axis];
    const starts = Array.from({ length: m }, (_, o) => Math.floor((o * n) / m));
    const ends = Array.from({ length: m }, (_, o) => Math.ceil(((o + 1) * n) / m));
    const kernel = Math.max(...ends.map((end, o) => end - starts[o]!));
    const table = new Int32Array(m * kernel).fill(-1);
    for (let o = 0; o < m; o++) for (let t = 0; t < ends[o]! - starts[o]!; t++) table[o * kernel + t] = starts[o]! + t;
    return { table, kernel };
  };
  const rows = build(0);
  const columns = build(1);
  return { outputSize: layer.outputSize, inputSize: layer.inputSize, kernel: [rows.kernel, columns.kernel], rows: rows.table, columns: columns.table };
}

/** PyTorch avg_pool2d divisor per output cell: the window clipped to the padded input, or to the image without count_include_pad. */
function avgDivisor(layer: SpatialLayer, spec: LayerSpec): Float64Array {
  const geometry = layer.record.geometry!;
  const includePad = spec.type === 'avgpool2d' ? (spec.count_include_pad ?? true) : true;
  const axis = (a: 0 | 1) => {
    const pad = a === 0 ? geometry.padding.top : geometry.padding.left;
    const n = layer.inputSize[a];
    return Array.from({ length: layer.outputSize[a] }, (_, o) => {
      const start = o * geometry.stride[a] - pad;
      const end = Math.min(start + geometry.kernel[a], n + pad);
      return { padded: end - start, inside: Math.min(end, n) - Math.max(start, 0) };
    });
  };
  const rows = axis(0);
  const columns = axis(1);
  const divisor = new Float64Array(layer.outputSize[0] * layer.outputSize[1]);
  rows.forEach((row, oy) =>
    columns.forEach((column, ox) => {
      divisor[oy * layer.outputSize[1] + ox] = includePad ? row.padded * column.padded : row.inside * column.inside;
    }),
  );
  return divisor;
}

function areaDivisor(tables: WindowTables): Float64Array {
  const [height, width] = tables.outputSize;
  const [kh, kw] = tables.kernel;
  const divisor = new Float64Array(height * width);
  for (let oy = 0; oy < height; oy++) {
    let rowsIn = 0;
    for (let t = 0; t < kh; t++) if (tables.rows[oy * kh + t]! >= 0) rowsIn++;
    for (let ox = 0; ox < width; ox++) {
      let columnsIn = 0;
      for (let t = 0; t < kw; t++) if (tables.columns[ox * kw + t]! >= 0) columnsIn++;
      divisor[oy * width + ox] = rowsIn * columnsIn;
    }
  }
  return divisor;
}

function planFor(layer: SpatialLayer, spec: LayerSpec, activations: boolean): Plan | ReceptiveFieldFailure {
  const record = layer.record;
  switch (record.type) {
    case 'conv2d': {
      const groups = record.geometry!.groups ?? 1;
      const inChannels = record.inputShape[0]!;
      const [kh, kw] = record.geometry!.kernel;
      return { kind: 'conv', tables: windowTables(layer), inChannels, outChannels: record.outputShape[0]!, groups, fanIn: (inChannels / groups) * kh * kw };
    }
    case 'maxpool2d':
      return { kind: 'maxpool', tables: windowTables(layer) };
    case 'globalmaxpool2d':
      return { kind: 'maxpool', tables: variableWindowTables(layer) };
    case 'avgpool2d':
      return { kind: 'avgpool', tables: windowTables(layer), divisor: avgDivisor(layer, spec) };
    case 'globalavgpool2d':
    case 'adaptiveavgpool2d': {
      const tables = variableWindowTables(layer);
      return { kind: 'avgpool', tables, divisor: areaDivisor(tables) };
    }
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'gelu':
      return activations ? { kind: 'activation', activation: record.type, slope: 0 } : { kind: 'identity' };
    case 'leakyrelu':
      return activations ? { kind: 'activation', activation: 'leakyrelu', slope: spec.type === 'leakyrelu' ? (spec.negative_slope ?? 0.01) : 0.01 } : { kind: 'identity' };
    case 'batchnorm2d':
    case 'dropout':
    case 'dropout2d':
      return { kind: 'identity' };
    default:
      return refuse('layer_unsupported', { layer: record.index, type: record.type }, `layer ${record.index} (${record.type}) is not supported by the effective receptive field; choose a unit of an earlier layer`);
  }
}

// ---------- plane kernels: forward next to backward ----------

/** out[o] += sum over taps of weight[t] * input[window(o, t)] (zero padding). */
function convPlaneForward(tables: WindowTables, input: Float64Array, weights: Float64Array, output: Float64Array): void {
  const [outH, outW] = tables.outputSize;
  const inW = tables.inputSize[1];
  const [kh, kw] = tables.kernel;
  for (let oy = 0; oy < outH; oy++) {
    for (let ty = 0; ty < kh; ty++) {
      const row = tables.rows[oy * kh + ty]!;
      if (row < 0) continue;
      const rowBase = row * inW;
      for (let ox = 0; ox < outW; ox++) {
        let sum = 0;
        for (let tx = 0; tx < kw; tx++) {
          const column = tables.columns[ox * kw + tx]!;
          if (column >= 0) sum += weights[ty * kw + tx]! * input[rowBase + column]!;
        }
        output[oy * outW + ox]! += sum;
      }
    }
  }
}

/** Backward of convPlaneForward with respect to its input: gradIn[window(o, t)] += weight[t] * gradOut[o]. */
function convPlaneBackward(tables: WindowTables, gradOut: Float64Array, weights: Float64Array, gradIn: Float64Array): void {
  const [outH, outW] = tables.outputSize;
  const inW = tables.inputSize[1];
  const [kh, kw] = tables.kernel;
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      const g = gradOut[oy * outW + ox]!;
      if (g === 0) continue;
      for (let ty = 0; ty < kh; ty++) {
        const row = tables.rows[oy * kh + ty]!;
        if (row < 0) continue;
        for (let tx = 0; tx < kw; tx++) {
          const column = tables.columns[ox * kw + tx]!;
          if (column >= 0) gradIn[row * inW + column]! += weights[ty * kw + tx]! * g;
        }
      }
    }
  }
}

/** Max over each window; returns the flat input index of the first maximum per output cell (PyTorch's tie rule). */
function maxPoolForward(tables: WindowTables, input: Float64Array): { output: Float64Array; argmax: Int32Array } {
  const [outH, outW] = tables.outputSize;
  const inW = tables.inputSize[1];
  const [kh, kw] = tables.kernel;
  const output = new Float64Array(outH * outW);
  const argmax = new Int32Array(outH * outW).fill(-1);
  for (let oy = 0; oy < outH; oy++) {
    for (let ox = 0; ox < outW; ox++) {
      let best = -Infinity;
      let at = -1;
      for (let ty = 0; ty < kh; ty++) {
        const row = tables.rows[oy * kh + ty]!;
        if (row < 0) continue;
        for (let tx = 0; tx < kw; tx++) {
          const column = tables.columns[ox * kw + tx]!;
          if (column < 0) continue;
          const value = input[row * inW + column]!;
          if (value > best) {
            best = value;
            at = row * inW + column;
          }
        }
      }
      output[oy * outW + ox] = best;
      argmax[oy * outW + ox] = at;
    }
  }
  return { output, argmax };
}

function maxPoolBackward(argmax: Int32Array, gradOut: Float64Array, gradIn: Float64Array): void {
  for (let o = 0; o < gradOut.length; o++) if (argmax[o]! >= 0) gradIn[argmax[o]!]! += gradOut[o]!;
}

function avgPoolForward(tables: WindowTables, divisor: Float64Array, input: Float64Array): Float64Array {
  const ones = new Float64Array(tables.kernel[0] * tables.kernel[1]).fill(1);
  const output = new Float64Array(tables.outputSize[0] * tables.outputSize[1]);
  convPlaneForward(tables, input, ones, output);
  for (let o = 0; o < output.length; o++) output[o]! /= divisor[o]!;
  return output;
}

function avgPoolBackward(tables: WindowTables, divisor: Float64Array, gradOut: Float64Array, gradIn: Float64Array): void {
  const ones = new Float64Array(tables.kernel[0] * tables.kernel[1]).fill(1);
  convPlaneBackward(tables, gradOut.map((g, o) => g / divisor[o]!), ones, gradIn);
}

function erf(x: number): number {
  // Numerical Recipes' erfc Chebyshev fit: fractional error below 1.2e-7 everywhere.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const tau =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - tau : tau - 1;
}

function activationForward(activation: Activation, slope: number, x: number): number {
  switch (activation) {
    case 'relu':
      return x > 0 ? x : 0;
    case 'leakyrelu':
      return x > 0 ? x : slope * x;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-x));
    case 'tanh':
      return Math.tanh(x);
    case 'gelu':
      return 0.5 * x * (1 + erf(x / Math.SQRT2));
  }
}

/** d activation / dx at the forward input x (ReLU's derivative at 0 is 0, as PyTorch). */
function activationDerivative(activation: Activation, slope: number, x: number): number {
  switch (activation) {
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leakyrelu':
      return x > 0 ? 1 : slope;
    case 'sigmoid': {
      const s = 1 / (1 + Math.exp(-x));
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'gelu':
      return 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI);
  }
}

// ---------- the two engines ----------

interface Prepared {
  summary: NetworkSummary;
  layers: SpatialLayer[];
  plans: Plan[];
  channel: number;
  seed: number;
  /** Flat index y * W + x of the unit in its layer's output plane. */
  unitIndex: number;
  /** The theoretical field clipped to the input. */
  box: Box;
  /** The request's input as [C][H*W] planes, or null for the seeded one. */
  input: Float64Array[] | null;
  /** Uniform weights on a given input that does not reduce to one plane: every channel computed (the random engine's way, weights 1 / fan_in). */
  everyChannel: boolean;
}

/** Channels kept per layer (index 0 the input) and the group count of each conv after narrowing. */
function narrowing(prepared: Prepared, maxChannels: number): { channels: number[]; groups: number[] } {
  const inputChannels = Math.min(prepared.summary.input[0]!, maxChannels);
  const channels = [inputChannels];
  const groups: number[] = [];
  prepared.plans.forEach((plan, i) => {
    const before = channels[i]!;
    if (plan.kind !== 'conv') {
      channels.push(before);
      groups.push(1);
      return;
    }
    const after = Math.min(plan.outChannels, maxChannels);
    let g = plan.groups;
    while (before % g !== 0 || after % g !== 0) g--;
    channels.push(after);
    groups.push(g);
  });
  return { channels, groups };
}

function heWeights(random: () => number, outChannels: number, inPerGroup: number, kernel: number): Float64Array[][] {
  const std = Math.sqrt(2 / (inPerGroup * kernel));
  return Array.from({ length: outChannels }, () => Array.from({ length: inPerGroup }, () => Float64Array.from({ length: kernel }, () => std * normalSample(random))));
}

/** Every weight 1 / fan_in (fan_in = inPerGroup * taps), as the uniform engine assumes. */
function uniformWeights(outChannels: number, inPerGroup: number, taps: number): Float64Array[][] {
  return Array.from({ length: outChannels }, () => Array.from({ length: inPerGroup }, () => new Float64Array(taps).fill(1 / (inPerGroup * taps))));
}

type Cache = { kind: 'max'; argmax: Int32Array[] } | { kind: 'act'; input: Float64Array[] } | { kind: 'none' };

/**
 * Random He weights: every channel computed (after narrowing). Returns the input gradient.
 * `weightsOut` receives the weights drawn, for tests that rebuild the same network elsewhere.
 */
async function randomEngine(
  prepared: Prepared,
  maxChannels: number,
  cooperation: Cooperation | undefined,
  weightsOut?: Float64Array[][][],
  uniform = false,
): Promise<{ gradient: Float64Array[]; channels: number[] }> {
  const { channels, groups } = narrowing(prepared, maxChannels);
  const random = createRandom(prepared.seed);
  const [height, width] = [prepared.summary.input[1]!, prepared.summary.input[2]!];
  let activation = prepared.input ? prepared.input.slice(0, channels[0]!) : forwardInput(channels[0]!, height, width, prepared.seed, false);
  const caches: Cache[] = [];
  const weights: Float64Array[][][] = [];
  for (let i = 0; i < prepared.layers.length; i++) {
    const plan = prepared.plans[i]!;
    const outChannels = channels[i + 1]!;
    if (plan.kind === 'conv') {
      const g = groups[i]!;
      const inPerGroup = channels[i]! / g;
      const outPerGroup = outChannels / g;
      const taps = plan.tables.kernel[0] * plan.tables.kernel[1];
      const w = uniform ? uniformWeights(outChannels, inPerGroup, taps) : heWeights(random, outChannels, inPerGroup, taps);
      weights.push(w);
      const size = plan.tables.outputSize[0] * plan.tables.outputSize[1];
      const next: Float64Array[] = [];
      for (let o = 0; o < outChannels; o++) {
        const out = new Float64Array(size);
        const group = Math.floor(o / outPerGroup);
        for (let c = 0; c < inPerGroup; c++) convPlaneForward(plan.tables, activation[group * inPerGroup + c]!, w[o]![c]!, out);
        next.push(out);
        if (o % 8 === 7) await cooperation?.checkpoint();
      }
      caches.push({ kind: 'none' });
      activation = next;
    } else {
      weights.push([]);
      if (plan.kind === 'maxpool') {
        const results = activation.map((plane) => maxPoolForward(plan.tables, plane));
        caches.push({ kind: 'max', argmax: results.map((r) => r.argmax) });
        activation = results.map((r) => r.output);
      } else if (plan.kind === 'avgpool') {
        caches.push({ kind: 'none' });
        activation = activation.map((plane) => avgPoolForward(plan.tables, plan.divisor, plane));
      } else if (plan.kind === 'activation') {
        caches.push({ kind: 'act', input: activation });
        activation = activation.map((plane) => plane.map((x) => activationForward(plan.activation, plan.slope, x)));
      } else {
        caches.push({ kind: 'none' });
      }
    }
    await cooperation?.checkpoint();
  }
  weightsOut?.push(...weights);
  // one-hot at the chosen unit
  let grad = activation.map((plane) => new Float64Array(plane.length));
  grad[Math.min(prepared.channel, grad.length - 1)]![prepared.unitIndex] = 1;
  for (let i = prepared.layers.length - 1; i >= 0; i--) {
    const plan = prepared.plans[i]!;
    const layer = prepared.layers[i]!;
    const inSize = layer.inputSize[0] * layer.inputSize[1];
    const cache = caches[i]!;
    if (plan.kind === 'conv') {
      const g = groups[i]!;
      const inChannels = channels[i]!;
      const inPerGroup = inChannels / g;
      const outPerGroup = channels[i + 1]! / g;
      const w = weights[i]!;
      const next = Array.from({ length: inChannels }, () => new Float64Array(inSize));
      for (let o = 0; o < grad.length; o++) {
        const group = Math.floor(o / outPerGroup);
        for (let c = 0; c < inPerGroup; c++) convPlaneBackward(plan.tables, grad[o]!, w[o]![c]!, next[group * inPerGroup + c]!);
        if (o % 8 === 7) await cooperation?.checkpoint();
      }
      grad = next;
    } else if (plan.kind === 'maxpool' && cache.kind === 'max') {
      grad = grad.map((plane, c) => {
        const next = new Float64Array(inSize);
        maxPoolBackward(cache.argmax[c]!, plane, next);
        return next;
      });
    } else if (plan.kind === 'avgpool') {
      grad = grad.map((plane) => {
        const next = new Float64Array(inSize);
        avgPoolBackward(plan.tables, plan.divisor, plane, next);
        return next;
      });
    } else if (plan.kind === 'activation' && cache.kind === 'act') {
      grad = grad.map((plane, c) => plane.map((gValue, k) => gValue * activationDerivative(plan.activation, plan.slope, cache.input[c]![k]!)));
    }
    await cooperation?.checkpoint();
  }
  return { gradient: grad, channels };
}

/** The mean over channels of [C][H*W] planes. */
function meanPlane(planes: readonly Float64Array[]): Float64Array {
  const mean = new Float64Array(planes[0]!.length);
  for (const plane of planes) for (let k = 0; k < mean.length; k++) mean[k]! += plane[k]!;
  for (let k = 0; k < mean.length; k++) mean[k]! /= planes.length;
  return mean;
}

/**
 * Whether uniform weights on these input planes reduce exactly to their mean plane: the
 * channels are equal, or only linear per-channel layers (average pooling, identities) come
 * before a first conv with groups = 1, which sums every input channel with one weight.
 */
function reducesToMean(planes: readonly Float64Array[], plans: readonly Plan[]): boolean {
  const first = planes[0]!;
  if (planes.every((plane) => plane === first || plane.every((value, k) => value === first[k]))) return true;
  for (const plan of plans) {
    if (plan.kind === 'conv') return plan.groups === 1;
    if (plan.kind === 'activation' || plan.kind === 'maxpool') return false;
  }
  return false;
}

/**
 * Uniform weights 1 / fan_in: with one input plane repeated over channels every channel of
 * every layer holds the same plane, so the forward pass is one plane (a conv multiplies the
 * window sum by C_in / g / fan_in), and the gradient stays one plane P times a per-channel
 * factor a_c: a conv sends a_c <- (1 / fan_in) * sum of a_o over the output channels o of c's group.
 * Exact for any width; cost independent of the channel counts.
 */
async function uniformEngine(prepared: Prepared, cooperation: Cooperation | undefined): Promise<{ gradient: Float64Array[]; channels: number[] }> {
  const [height, width] = [prepared.summary.input[1]!, prepared.summary.input[2]!];
  let plane = prepared.input ? meanPlane(prepared.input) : forwardInput(1, height, width, prepared.seed, true)[0]!;
  const channels = [prepared.summary.input[0]!, ...prepared.layers.map((layer) => layer.record.outputShape[0]!)];
  const caches: Cache[] = [];
  const ones = new Map<number, Float64Array>();
  const onesOf = (size: number) => {
    if (!ones.has(size)) ones.set(size, new Float64Array(size).fill(1));
    return ones.get(size)!;
  };
  for (let i = 0; i < prepared.layers.length; i++) {
    const plan = prepared.plans[i]!;
    if (plan.kind === 'conv') {
      const out = new Float64Array(plan.tables.outputSize[0] * plan.tables.outputSize[1]);
      convPlaneForward(plan.tables, plane, onesOf(plan.tables.kernel[0] * plan.tables.kernel[1]), out);
      const scale = plan.inChannels / plan.groups / plan.fanIn;
      for (let k = 0; k < out.length; k++) out[k]! *= scale;
      caches.push({ kind: 'none' });
      plane = out;
    } else if (plan.kind === 'maxpool') {
      const result = maxPoolForward(plan.tables, plane);
      caches.push({ kind: 'max', argmax: [result.argmax] });
      plane = result.output;
    } else if (plan.kind === 'avgpool') {
      caches.push({ kind: 'none' });
      plane = avgPoolForward(plan.tables, plan.divisor, plane);
    } else if (plan.kind === 'activation') {
      caches.push({ kind: 'act', input: [plane] });
      const input = plane;
      plane = input.map((x) => activationForward(plan.activation, plan.slope, x));
    } else {
      caches.push({ kind: 'none' });
    }
    await cooperation?.checkpoint();
  }
  let grad = new Float64Array(plane.length);
  grad[prepared.unitIndex] = 1;
  let factors = new Float64Array(channels[channels.length - 1]!);
  factors[Math.min(prepared.channel, factors.length - 1)] = 1;
  for (let i = prepared.layers.length - 1; i >= 0; i--) {
    const plan = prepared.plans[i]!;
    const layer = prepared.layers[i]!;
    const inSize = layer.inputSize[0] * layer.inputSize[1];
    const cache = caches[i]!;
    const next = new Float64Array(inSize);
    if (plan.kind === 'conv') {
      convPlaneBackward(plan.tables, grad, onesOf(plan.tables.kernel[0] * plan.tables.kernel[1]), next);
      const outPerGroup = plan.outChannels / plan.groups;
      const inPerGroup = plan.inChannels / plan.groups;
      const groupSums = new Float64Array(plan.groups);
      factors.forEach((a, o) => (groupSums[Math.floor(o / outPerGroup)]! += a));
      factors = Float64Array.from({ length: plan.inChannels }, (_, c) => groupSums[Math.floor(c / inPerGroup)]! / plan.fanIn);
      grad = next;
    } else if (plan.kind === 'maxpool' && cache.kind === 'max') {
      maxPoolBackward(cache.argmax[0]!, grad, next);
      grad = next;
    } else if (plan.kind === 'avgpool') {
      avgPoolBackward(plan.tables, plan.divisor, grad, next);
      grad = next;
    } else if (plan.kind === 'activation' && cache.kind === 'act') {
      const input = cache.input[0]!;
      grad = grad.map((g, k) => g * activationDerivative(plan.activation, plan.slope, input[k]!));
    }
    await cooperation?.checkpoint();
  }
  const finalGrad = grad;
  return { gradient: Array.from(factors, (a) => finalGrad.map((g) => a * g)), channels };
}

// ---------- request handling ----------

/**
 * Most multiply-adds of one effective field (forward and backward, as `fieldCost` bounds them):
 * VGG-16 with seeded weights at 224x224 takes about 10^8 at the default 8 channels and 7·10^9 at
 * the schema's largest 64 (under a minute); beyond this bound a call would outrun the worker's
 * time limit (shared/protocol/time-limits.ts).
 */
export const MAX_EFFECTIVE_FIELD_WORK = 1e10;
/** Most numbers held at once (activations, masks, gradients): 32 million float64s, 256 MB. */
export const MAX_EFFECTIVE_FIELD_VALUES = 32e6;

const isWholeNumber = (value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max;

/** The request's own fields (the spec and the unit are checked by the summary and the region). */
function checkRequest(request: unknown): ReceptiveFieldFailure | null {
  if (typeof request !== 'object' || request === null)
    return refuse('request_not_object', { value: describeValue(request) }, `the request must be an object with spec, layer, y, x, weights and activations, got ${describeValue(request)}`);
  const fields = request as Record<string, unknown>;
  if (fields.weights !== 'uniform' && fields.weights !== 'random') return refuse('weights_value', { value: describeValue(fields.weights) }, `weights must be "uniform" or "random", got ${describeValue(fields.weights)}`);
  if (typeof fields.activations !== 'boolean') return refuse('activations_value', { value: describeValue(fields.activations) }, `activations must be true or false, got ${describeValue(fields.activations)}`);
  if (fields.channel !== undefined && !isWholeNumber(fields.channel, 0)) return refuse('channel_value', { value: describeValue(fields.channel) }, `channel must be a whole number ≥ 0, got ${describeValue(fields.channel)}`);
  if (fields.seed !== undefined && !isWholeNumber(fields.seed, 0, 2 ** 32 - 1)) return refuse('seed_value', { value: describeValue(fields.seed) }, `seed must be a whole number from 0 to 2^32 - 1, got ${describeValue(fields.seed)}`);
  if (fields.maxChannels !== undefined && !isWholeNumber(fields.maxChannels, 1)) return refuse('max_channels_value', { value: describeValue(fields.maxChannels) }, `maxChannels must be a whole number ≥ 1, got ${describeValue(fields.maxChannels)}`);
  if (fields.input !== undefined) {
    if (!Array.isArray(fields.input)) return refuse('input_not_list', { value: describeValue(fields.input) }, `input must be a list of numbers (C x H x W), got ${describeValue(fields.input)}`);
    const bad = fields.input.findIndex((value) => typeof value !== 'number' || !Number.isFinite(value));
    if (bad >= 0) return refuse('input_not_number', { index: bad, value: describeValue(fields.input[bad]) }, `input[${bad}] must be a finite number, got ${describeValue(fields.input[bad])}`);
  }
  return null;
}

const ACTIVATION_TYPES: readonly string[] = ['relu', 'leakyrelu', 'sigmoid', 'tanh', 'gelu'];
const MAX_POOL_TYPES: readonly string[] = ['maxpool2d', 'globalmaxpool2d'];

/**
 * Upper bounds of the work and the memory of one field, from the layer shapes: uniform weights
 * run one plane per layer (and give back one gradient plane per input channel); random weights
 * every channel, narrowed to `maxChannels`, each conv output channel reading every input channel.
 * Held through the backward pass: each activation's input and each max pool's argmax; at any
 * moment besides, one layer's input and output.
 */
function fieldCost(summary: NetworkSummary, layers: readonly SpatialLayer[], weights: 'uniform' | 'random', maxChannels: number, activations: boolean): { work: number; values: number } {
  const [inputChannels, height, width] = [summary.input[0]!, summary.input[1]!, summary.input[2]!];
  const narrow = (channels: number) => (weights === 'uniform' ? 1 : Math.min(channels, maxChannels));
  // the input plane(s) and the gradient given back: one plane per input channel
  let held = 2 * inputChannels * height * width;
  let work = held;
  let peak = 0;
  let channelsIn = narrow(inputChannels);
  for (const layer of layers) {
    const { record } = layer;
    const inputArea = layer.inputSize[0] * layer.inputSize[1];
    const area = layer.outputSize[0] * layer.outputSize[1];
    const channelsOut = narrow(record.outputShape[0]!);
    const kernel = record.geometry?.kernel;
    // adaptive and global pooling: windows of about input / output cells per axis
    const taps = kernel ? kernel[0] * kernel[1] : (Math.ceil(layer.inputSize[0] / layer.outputSize[0]) + 1) * (Math.ceil(layer.inputSize[1] / layer.outputSize[1]) + 1);
    const planes = record.type === 'conv2d' ? channelsIn * channelsOut : channelsOut;
    // the uniform engine's per-channel factors: one number per channel of every conv
    const factors = weights === 'uniform' && record.type === 'conv2d' ? record.inputShape[0]! + record.outputShape[0]! : 0;
    work += 2 * (area * taps * planes + inputArea * channelsIn) + factors;
    if ((activations && ACTIVATION_TYPES.includes(record.type)) || MAX_POOL_TYPES.includes(record.type)) held += area * channelsOut;
    held += factors;
    peak = Math.max(peak, inputArea * channelsIn + area * channelsOut);
    channelsIn = channelsOut;
  }
  return { work, values: held + peak };
}

function prepare(request: EffectiveFieldRequest): Prepared | EffectiveFieldFailure {
  const refused = checkRequest(request);
  if (refused) return refused;
  const summary = summarizeNetwork(request.spec);
  if (!summary.ok && summary.inputIssues.length > 0) return { ...refuse('input_issue', {}, summary.inputIssues[0]!.message), issue: summary.inputIssues[0]! };
  const stack = spatialLayers(summary, request.layer);
  if (!stack.ok) return stack;
  if (request.layer < 1) return refuse('input_layer', { first: 1 }, 'choose a unit of layer 1 or later; the input has no receptive field to compute');
  const region = unitRegion(summary, request.layer, request.y, request.x);
  if (!region.ok) return region;
  const [inputChannels, inputHeight, inputWidth] = [summary.input[0]!, summary.input[1]!, summary.input[2]!];
  if (request.input && request.input.length !== inputChannels * inputHeight * inputWidth) {
    const [count, shape, needed] = [formatPlain(request.input.length), `${inputChannels}x${inputHeight}x${inputWidth}`, formatPlain(inputChannels * inputHeight * inputWidth)];
    return refuse('input_size', { count, shape, needed }, `input has ${count} numbers; the network's input ${shape} needs ${needed} (channel by channel, each row by row)`);
  }
  const plans: Plan[] = [];
  for (const layer of stack.layers) {
    const plan = planFor(layer, request.spec.layers[layer.index - 1]!, request.activations);
    if ('ok' in plan) return plan;
    plans.push(plan);
  }
  const area = inputHeight * inputWidth;
  const input = request.input ? Array.from({ length: inputChannels }, (_, c) => Float64Array.from(request.input!.slice(c * area, (c + 1) * area))) : null;
  const everyChannel = request.weights === 'uniform' && input !== null && !reducesToMean(input, plans);
  // Before any window table of the engines is built: a refused size allocates nothing more.
  const cost = everyChannel
    ? fieldCost(summary, stack.layers, 'random', Number.MAX_SAFE_INTEGER, request.activations)
    : fieldCost(summary, stack.layers, request.weights, request.maxChannels ?? 8, request.activations);
  if (cost.work > MAX_EFFECTIVE_FIELD_WORK) {
    const [about, limit] = [formatPlain(Number(cost.work.toPrecision(2))), formatPlain(MAX_EFFECTIVE_FIELD_WORK)];
    return refuse(
      'field_too_much_work',
      { work: about, limit, constant: 'MAX_EFFECTIVE_FIELD_WORK', option: 'maxChannels' },
      `this effective field needs about ${about} multiply-adds, more than the ${limit} allowed (MAX_EFFECTIVE_FIELD_WORK); use a smaller input, fewer channels (maxChannels) or uniform weights`,
    );
  }
  if (cost.values > MAX_EFFECTIVE_FIELD_VALUES) {
    const [about, limit] = [formatPlain(Number(cost.values.toPrecision(2))), formatPlain(MAX_EFFECTIVE_FIELD_VALUES)];
    return refuse(
      'field_too_many_values',
      { values: about, limit, constant: 'MAX_EFFECTIVE_FIELD_VALUES' },
      `this effective field holds about ${about} numbers at once, more than the ${limit} allowed (MAX_EFFECTIVE_FIELD_VALUES); use a smaller input or fewer channels`,
    );
  }
  const top = stack.layers[stack.layers.length - 1]!;
  const channels = top.record.outputShape[0]!;
  const channel = request.channel ?? 0;
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) {
    return refuse('no_channel', { channel, layer: request.layer, first: 0, last: channels - 1 }, `channel ${channel} does not exist in layer ${request.layer}, which has channels 0 to ${channels - 1}`);
  }
  if (!region.inputClippedBox) return refuse('sees_nothing', { unit: `(${request.y}, ${request.x})`, layer: request.layer }, `unit (${request.y}, ${request.x}) of layer ${request.layer} sees no input pixel`);
  return {
    summary,
    layers: stack.layers,
    plans,
    channel,
    seed: request.seed ?? 1,
    unitIndex: request.y * top.outputSize[1] + request.x,
    box: region.inputClippedBox,
    input,
    everyChannel,
  };
}

/** dy/dx for every input channel and pixel (tests compare it with TensorFlow.js's tf.grad). */
export async function inputGradient(
  request: EffectiveFieldRequest,
  cooperation?: Cooperation,
  weightsOut?: Float64Array[][][],
): Promise<(InputGradient & { channelsPerLayer: number[] }) | EffectiveFieldFailure> {
  const prepared = prepare(request);
  if ('ok' in prepared) return prepared;
  const { gradient, channels } = prepared.everyChannel
    ? await randomEngine(prepared, Number.MAX_SAFE_INTEGER, cooperation, weightsOut, true)
    : request.weights === 'uniform'
      ? await uniformEngine(prepared, cooperation)
      : await randomEngine(prepared, request.maxChannels ?? 8, cooperation, weightsOut);
  return { channels: gradient.length, height: prepared.summary.input[1]!, width: prepared.summary.input[2]!, gradient, channelsPerLayer: channels };
}

/** Pixels, largest first, that hold `fraction` of the total (0 when there is no mass). */
export function pixelsHolding(values: ArrayLike<number>, fraction: number): number {
  const sorted = Array.from(values).sort((a, b) => b - a);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  if (total <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    sum += sorted[i]!;
    // relative tolerance: rounding must not push a share that reaches 95% one pixel further
    if (sum >= fraction * total * (1 - 1e-12)) return i + 1;
  }
  return sorted.length;
}

/** The effective receptive field of one unit. Never throws for bad input: it answers `{ ok: false, message }`. */
export async function effectiveReceptiveField(request: EffectiveFieldRequest, cooperation?: Cooperation): Promise<EffectiveFieldResult | EffectiveFieldFailure> {
  const prepared = prepare(request);
  if ('ok' in prepared) return prepared;
  const result = await inputGradient(request, cooperation);
  if ('ok' in result) return result;
  const [top, left, bottom, right] = prepared.box;
  const magnitude: number[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let column = left; column <= right; column++) {
      let sum = 0;
      for (const plane of result.gradient) sum += Math.abs(plane[row * result.width + column]!);
      magnitude.push(sum);
    }
  }
  const mass = magnitude.reduce((sum, v) => sum + v, 0);
  const pixels95 = pixelsHolding(magnitude, 0.95);
  const noted: [string, ReceptiveFieldNote][] = [
    request.weights === 'uniform'
      ? ['weights 1/fan_in, bias 0', note('uniform_weights', { weights: '1/fan_in', bias: 0 })]
      : [`He-normal weights N(0, 2/fan_in), bias 0, seed ${prepared.seed}`, note('he_weights', { weights: 'N(0, 2/fan_in)', bias: 0, seed: prepared.seed })],
    prepared.input
      ? [`forward pass on the given input (${prepared.summary.input.join('x')}); max pooling routes to its argmax`, note('given_input', { shape: prepared.summary.input.join('x') })]
      : [`forward pass on a seeded random input in [-1, 1) (seed ${prepared.seed}); max pooling routes to its argmax`, note('seeded_input', { range: '[-1, 1)', seed: prepared.seed })],
    request.activations
      ? ['activations multiply by their derivative at the forward value', note('activations_derivative')]
      : ['activations treated as the identity', note('activations_identity')],
    ['batch norm and dropout as the identity (eval mode, fresh statistics)', note('eval_mode')],
  ];
  const narrowed = result.channelsPerLayer.some((c, i) => c !== (i === 0 ? prepared.summary.input[0] : prepared.layers[i - 1]!.record.outputShape[0]));
  if (prepared.everyChannel) noted.push(['uniform weights on an input whose channels differ before the first conv: every channel computed', note('every_channel')]);
  if (narrowed) noted.push([`random weights: layers narrowed to at most ${request.maxChannels ?? 8} channels`, note('narrowed', { channels: request.maxChannels ?? 8 })]);
  const notes = noted.map(([text]) => text);
  const noteMessages = noted.map(([, message]) => message);
  return {
    ok: true,
    unit: { layer: request.layer, y: request.y, x: request.x, channel: prepared.channel },
    inputSize: [result.height, result.width],
    box: prepared.box,
    magnitude,
    peak: magnitude.reduce((max, v) => Math.max(max, v), 0),
    mass,
    pixels95,
    share95: pixels95 / magnitude.length,
    channels: result.channelsPerLayer,
    weights: request.weights,
    activations: request.activations,
    seed: prepared.seed,
    input: prepared.input ? 'given' : 'seeded',
    notes,
    noteMessages,
  };
}
