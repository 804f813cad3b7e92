import { convBackwardBias, convBackwardFilters, convBackwardInput, convForward, convInfo, type ConvInfo } from '../conv/conv';
import { poolBackward, poolForward, poolOutputSize, resolvePool } from '../pool/pool';
import { activationBackward, activationForward } from './activation';
import { checkCase, unreadableCase } from './case';
import { KEY, OP, Recorder } from './trace';
import { CASE_LIMITS, TRACE_LIMITS, type BackpropCase, type BackpropResult, type BackpropTensors, type CaseLimits, type Tensor, type TraceInfo, type TraceLimits } from './types';
import { reportCaughtError } from '../internal-error';

export interface RunOptions {
  /** Size limits of the case (the editable UI and CLI use CASE_LIMITS; the bench passes larger ones). */
  limits?: CaseLimits;
  /** Trace limits; `{ maxSteps: 0, maxTerms: 0 }` computes the tensors without a trace. */
  trace?: TraceLimits;
}

/** L as a function of the output: Σ g·y for a given upstream g (so dL/dy = g), or mean((y - t)²). */
function lossOf(c: BackpropCase, pooled: Tensor): number | null {
  if (c.upstream.kind === 'mse') {
    const target = c.upstream.target.data;
    let sum = 0;
    pooled.data.forEach((y, k) => (sum += (y - target[k]!) ** 2));
    return sum / pooled.data.length;
  }
  return null;
}

/** The geometry the trace's steps are read with, and upper bounds on its steps, operands and coefficients (so its columns are allocated once). */
function traceInfo(c: BackpropCase, info: ConvInfo): { info: TraceInfo; expected: { steps: number; terms: number; coefficients: number; maxIndex: number } } {
  const [F, C, kh, kw] = c.filters.shape as [number, number, number, number];
  const OH = info.outHeight;
  const OW = info.outWidth;
  const maps = F * OH * OW;
  const products = maps * C * kh * kw;
  const { kernel, stride, padding } = resolvePool(c.pool, OH, OW);
  const PH = poolOutputSize(OH, kernel[0], stride[0], padding[0]);
  const PW = poolOutputSize(OW, kernel[1], stride[1], padding[1]);
  const windows = F * PH * PW;
  const activation = c.activation === 'none' ? 0 : 1;
  const pooling = c.pool.type === 'none' ? 0 : 1;
  const mse = c.upstream.kind === 'mse' ? 1 : 0;
  const inputSize = c.input.data.length;
  // conv, activation, pooling, loss, dL/dy, dL/da, dL/dz, dL/dW, dL/db, dL/dX: one step per cell written.
  const steps = maps + activation * maps + pooling * windows + mse + windows + maps + activation * maps + F * C * kh * kw + F + inputSize;
  // Conv products forward and for dL/dW; dL/dX has one term per product that meets a pixel (at most F·kh·kw per pixel).
  const poolTerms = pooling ? windows * kernel[0] * kernel[1] : 0;
  const terms = 2 * products + Math.min(products, inputSize * F * kh * kw) + activation * 2 * maps + 2 * poolTerms + maps + (1 + mse) * windows + maps;
  // A given dL/dy per output cell, a routing share per window, f'(z) per dL/dz cell.
  const coefficients = 2 * windows + activation * maps;
  return {
    info: {
      inputShape: c.input.shape as [number, number, number],
      filterShape: c.filters.shape as [number, number, number, number],
      convShape: [F, OH, OW],
      pooledShape: [F, PH, PW],
      stride: c.stride,
      padding: c.padding,
      dilation: c.dilation,
      bias: c.bias,
      activation: c.activation,
      pool: { type: c.pool.type, kernel, stride, padding },
      ties: c.ties,
    },
    // The largest cell index an operand can hold: of the input, the filters, a map, the output or a coefficient.
    expected: { steps, terms, coefficients, maxIndex: Math.max(inputSize, F * C * kh * kw, maps, windows, coefficients) - 1 },
  };
}

/** Forward only (finite differences): the output and the scalar the gradients are of. */
export function forwardLoss(c: BackpropCase): number {
  const silent = new Recorder({ maxSteps: 0, maxTerms: 0 });
  const info = convInfo(c.input.shape, c.filters.shape, c.stride, c.padding, c.dilation);
  const conv = convForward(info, c.input, c.filters, c.bias, silent);
  const activated = activationForward(c.activation, conv, silent);
  const { pooled } = poolForward(c.pool, activated, c.ties, silent);
  if (c.upstream.kind === 'mse') return lossOf(c, pooled)!;
  const grad = c.upstream.kind === 'grid' ? c.upstream.grad.data : null;
  const constant = c.upstream.kind === 'constant' ? c.upstream.value : 0;
  let sum = 0;
  pooled.data.forEach((y, k) => (sum += y * (grad ? grad[k]! : constant)));
  return sum;
}

/** dL/dy for each output cell, with one step each. */
function outputGradient(c: BackpropCase, pooled: Tensor, recorder: Recorder): Tensor {
  const n = pooled.data.length;
  const data = pooled.data.map((y, k) => {
    if (c.upstream.kind === 'mse') return (2 * (y - c.upstream.target.data[k]!)) / n;
    if (c.upstream.kind === 'grid') return c.upstream.grad.data[k]!;
    return c.upstream.value;
  });
  for (let k = 0; k < n && recorder.recording; k++) {
    recorder.begin();
    if (c.upstream.kind === 'mse') {
      recorder.term(k, k);
      recorder.end(OP.grad_output, KEY.gradOutputMse, k);
    } else {
      recorder.term(recorder.coefficient(data[k]!), -1);
      recorder.end(OP.grad_output, KEY.gradOutputGiven, k);
    }
  }
  return { shape: [...pooled.shape], data };
}

/**
 * The whole case: check it, then conv → activation → pooling → loss, and back: dL/dy →
 * dL/da (pool routing) → dL/dz (activation) → dL/dW, dL/db, dL/dX. Returns every tensor and
 * the trace. Never throws on bad input: the issues come back at their fields or cells.
 */
export function runBackprop(raw: unknown, options: RunOptions = {}): BackpropResult {
  let checked;
  try {
    checked = checkCase(raw, options.limits ?? CASE_LIMITS);
  } catch (error) {
    // A hostile value (a getter that throws, a cyclic array) is reported, not thrown.
    reportCaughtError('backprop case', error);
    return { ok: false, issues: [unreadableCase(error)] };
  }
  if (!checked.ok) return checked;
  const c = checked.value;
  const info = convInfo(c.input.shape, c.filters.shape, c.stride, c.padding, c.dilation);
  const limits = options.trace ?? TRACE_LIMITS;
  const expected = limits.maxSteps > 0 ? traceInfo(c, info) : null;
  const recorder = new Recorder(limits, expected?.info ?? null, expected?.expected);

  const conv = convForward(info, c.input, c.filters, c.bias, recorder);
  const activated = activationForward(c.activation, conv, recorder);
  const { pooled, argmax, routing } = poolForward(c.pool, activated, c.ties, recorder);
  const loss = lossOf(c, pooled);
  if (loss !== null && recorder.recording) {
    // L = Σ (y - t)² / N: term k reads y[k] and t[k].
    recorder.begin();
    for (let k = 0; k < pooled.data.length; k++) recorder.term(k, k);
    recorder.end(OP.loss, KEY.loss, 0);
  }

  const gradPooled = outputGradient(c, pooled, recorder);
  const gradActivated = poolBackward(c.pool, activated.shape, routing, gradPooled, recorder);
  const gradConv = activationBackward(c.activation, conv, activated, gradActivated, recorder);
  const gradFilters = convBackwardFilters(info, c.input, gradConv, recorder);
  const gradBias = convBackwardBias(info, gradConv, recorder);
  const gradInput = convBackwardInput(info, c.filters, gradConv, recorder);

  const tensors: BackpropTensors = {
    input: c.input,
    filters: c.filters,
    bias: { shape: [c.bias.length], data: c.bias },
    conv,
    activated,
    pooled,
    argmax,
    target: c.upstream.kind === 'mse' ? c.upstream.target : null,
    loss,
    grad_pooled: gradPooled,
    grad_activated: gradActivated,
    grad_conv: gradConv,
    grad_filters: gradFilters,
    grad_bias: gradBias,
    grad_input: gradInput,
  };
  return { ok: true, case: c, tensors, trace: recorder.toTrace() };
}
