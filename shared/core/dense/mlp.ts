import { activate, multiplyByDerivative, type Activation } from './activation';
import { multiplyTransposed, transpose } from './kernels';

/**
 * A multilayer perceptron as PyTorch's nn.Sequential(Linear, act, [Dropout], ..., Linear):
 * sizes [n_0, n_1, ..., n_L]; hidden layers 1..L-1 use one activation, the output layer is
 * linear. All weights and biases live in one Float64Array, layer by layer: W_l as [out][in]
 * row-major (nn.Linear's weight), then b_l. Batches are row-major [sample][unit].
 *
 * Forward keeps what backward needs (z, the activation before dropout, the layer output after
 * it, the dropout scale), and backward sits right after it (micrograd style): dL/dz_l (delta),
 * dL/dW_l = delta_l^T a_{l-1}, dL/db_l = sum over the batch of delta_l, and
 * delta_{l-1} = (delta_l W_l) * mask * phi'(z_{l-1}).
 */
export interface MlpLayout {
  sizes: readonly number[];
  /** L: the number of Linear layers (hidden layers + the output layer). */
  layers: number;
  weightOffset: readonly number[];
  biasOffset: readonly number[];
  parameterCount: number;
}

export function mlpLayout(sizes: readonly number[]): MlpLayout {
  const weightOffset: number[] = [];
  const biasOffset: number[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    weightOffset.push(offset);
    offset += sizes[l]! * sizes[l + 1]!;
    biasOffset.push(offset);
    offset += sizes[l + 1]!;
  }
  return { sizes: [...sizes], layers: sizes.length - 1, weightOffset, biasOffset, parameterCount: offset };
}

/** Per-layer buffers of one batch (layer l = 0..L-1 is Linear layer l + 1). */
export interface Workspace {
  capacity: number;
  /** z_l = a_{l-1} W_l^T + b_l */
  z: Float64Array[];
  /** phi(z_l) for hidden layers (the output layer: z itself) */
  act: Float64Array[];
  /** What layer l + 1 reads: act after dropout (the same array without dropout) */
  out: Float64Array[];
  /** Dropout scale per unit of hidden layer l (0 or 1/(1-p)), or null */
  mask: (Float64Array | null)[];
  /** dL/dz_l after backward */
  delta: Float64Array[];
  /** Transposes for backward: a_{l-1}^T, delta_l^T, W_l^T */
  scratchA: Float64Array;
  scratchD: Float64Array;
  scratchW: Float64Array;
}

export function createWorkspace(layout: MlpLayout, capacity: number, withDropout: boolean): Workspace {
  const z: Float64Array[] = [];
  const act: Float64Array[] = [];
  const out: Float64Array[] = [];
  const mask: (Float64Array | null)[] = [];
  const delta: Float64Array[] = [];
  let maxIn = 0;
  let maxOut = 0;
  let maxWeights = 0;
  for (let l = 0; l < layout.layers; l++) {
    const n = layout.sizes[l + 1]!;
    const size = capacity * n;
    const hidden = l < layout.layers - 1;
    z.push(new Float64Array(size));
    const a = hidden ? new Float64Array(size) : z[l]!;
    act.push(a);
    const dropped = hidden && withDropout;
    out.push(dropped ? new Float64Array(size) : a);
    mask.push(dropped ? new Float64Array(size) : null);
    delta.push(new Float64Array(size));
    maxIn = Math.max(maxIn, layout.sizes[l]!);
    maxOut = Math.max(maxOut, n);
    maxWeights = Math.max(maxWeights, layout.sizes[l]! * n);
  }
  return { capacity, z, act, out, mask, delta, scratchA: new Float64Array(capacity * maxIn), scratchD: new Float64Array(capacity * maxOut), scratchW: new Float64Array(maxWeights) };
}

/** Inverted dropout of the hidden layers while training (nn.Dropout: zero with probability p, scale the rest by 1/(1-p)). */
export interface DropoutPass {
  rate: number;
  random: () => number;
}

/** z_l = input W_l^T + b_l for `batch` rows (layer l 0-based). */
export function linearForward(layout: MlpLayout, params: Float64Array, l: number, input: Float64Array, batch: number, z: Float64Array): void {
  const inSize = layout.sizes[l]!;
  const outSize = layout.sizes[l + 1]!;
  const w = layout.weightOffset[l]!;
  const b = layout.biasOffset[l]!;
  multiplyTransposed(input, 0, batch, params, w, outSize, inSize, z);
  for (let n = 0; n < batch; n++) {
    const zo = n * outSize;
    for (let j = 0; j < outSize; j++) z[zo + j] = z[zo + j]! + params[b + j]!;
  }
}

/** One Linear layer (and its activation and dropout) forward; the output of layer L is ws.z[L - 1]. */
export function forwardLayer(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, batch: number, ws: Workspace, l: number, dropout: DropoutPass | null): void {
  const input = l === 0 ? x : ws.out[l - 1]!;
  const z = ws.z[l]!;
  linearForward(layout, params, l, input, batch, z);
  if (l === layout.layers - 1) return;
  const count = batch * layout.sizes[l + 1]!;
  const act = ws.act[l]!;
  activate(activation, z, act, count);
  const mask = ws.mask[l];
  if (!mask) return;
  const out = ws.out[l]!;
  if (dropout && dropout.rate > 0) {
    const scale = 1 / (1 - dropout.rate);
    for (let k = 0; k < count; k++) {
      const keep = dropout.random() >= dropout.rate ? scale : 0;
      mask[k] = keep;
      out[k] = act[k]! * keep;
    }
  } else {
    mask.fill(1, 0, count);
    out.set(act.subarray(0, count));
  }
}

export function forward(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, batch: number, ws: Workspace, dropout: DropoutPass | null = null): Float64Array {
  for (let l = 0; l < layout.layers; l++) forwardLayer(layout, activation, params, x, batch, ws, l, dropout);
  return ws.z[layout.layers - 1]!;
}

/**
 * One layer of the backward sweep: with ws.delta[l] = dL/dz_l set, writes dL/dW_l and dL/db_l
 * into `grads` (overwriting) and, for l > 0, ws.delta[l - 1].
 */
export function backwardLayer(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, batch: number, ws: Workspace, grads: Float64Array, l: number): void {
  const inSize = layout.sizes[l]!;
  const outSize = layout.sizes[l + 1]!;
  const w = layout.weightOffset[l]!;
  const b = layout.biasOffset[l]!;
  const delta = ws.delta[l]!;
  const input = l === 0 ? x : ws.out[l - 1]!;
  // dW[j][i] = sum_n delta[n][j] a[n][i], as dot products over the batch of the transposes
  const aT = ws.scratchA;
  const dT = ws.scratchD;
  transpose(input, 0, batch, inSize, aT);
  transpose(delta, 0, batch, outSize, dT);
  for (let j = 0; j < outSize; j++) {
    const dj = j * batch;
    let bias = 0;
    for (let n = 0; n < batch; n++) bias += dT[dj + n]!;
    grads[b + j] = bias;
  }
  multiplyTransposed(dT, 0, outSize, aT, 0, inSize, batch, grads.subarray(w, w + outSize * inSize));
  if (l === 0) return;
  // dL/da_{l-1}[n][i] = sum_j delta[n][j] W[j][i]
  const wT = ws.scratchW;
  transpose(params, w, outSize, inSize, wT);
  const previous = ws.delta[l - 1]!;
  multiplyTransposed(delta, 0, batch, wT, 0, inSize, outSize, previous);
  const count = batch * inSize;
  const mask = ws.mask[l - 1];
  if (mask) for (let k = 0; k < count; k++) previous[k] = previous[k]! * mask[k]!;
  multiplyByDerivative(activation, ws.z[l - 1]!, ws.act[l - 1]!, previous, count);
}

/** The full backward sweep after `forward`, with ws.delta[L - 1] = dL/d(output) set. */
export function backward(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, batch: number, ws: Workspace, grads: Float64Array): void {
  for (let l = layout.layers - 1; l >= 0; l--) backwardLayer(layout, activation, params, x, batch, ws, grads, l);
}

/** Rows per chunk of an evaluation pass (bounds its memory). */
const EVALUATION_CHUNK = 256;

/**
 * The network's outputs for every row of x in evaluation mode (no dropout), [rows][n_L],
 * through two ping-pong buffers instead of per-layer storage.
 */
export function evaluateOutputs(layout: MlpLayout, activation: Activation, params: Float64Array, x: Float64Array, rows: number): Float64Array {
  const inputDim = layout.sizes[0]!;
  const outputDim = layout.sizes[layout.layers]!;
  const widest = Math.max(...layout.sizes.slice(1));
  const chunk = Math.min(EVALUATION_CHUNK, Math.max(1, rows));
  const ping = new Float64Array(chunk * widest);
  const pong = new Float64Array(chunk * widest);
  const outputs = new Float64Array(rows * outputDim);
  for (let start = 0; start < rows; start += chunk) {
    const count = Math.min(chunk, rows - start);
    let input = x.subarray(start * inputDim, (start + count) * inputDim);
    let target = ping;
    for (let l = 0; l < layout.layers; l++) {
      linearForward(layout, params, l, input, count, target);
      if (l < layout.layers - 1) activate(activation, target, target, count * layout.sizes[l + 1]!);
      input = target;
      target = target === ping ? pong : ping;
    }
    outputs.set(input.subarray(0, count * outputDim), start * outputDim);
  }
  return outputs;
}

/** Parameters as nested lists: weights [layer][out][in], biases [layer][out] (the JSON form). */
export function nestedParameters(layout: MlpLayout, params: Float64Array): { weights: number[][][]; biases: number[][] } {
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let l = 0; l < layout.layers; l++) {
    const inSize = layout.sizes[l]!;
    const outSize = layout.sizes[l + 1]!;
    const w = layout.weightOffset[l]!;
    const layer: number[][] = [];
    for (let j = 0; j < outSize; j++) layer.push(Array.from(params.subarray(w + j * inSize, w + (j + 1) * inSize)));
    weights.push(layer);
    biases.push(Array.from(params.subarray(layout.biasOffset[l]!, layout.biasOffset[l]! + outSize)));
  }
  return { weights, biases };
}
