import { convBackwardBias, convBackwardFilters, convBackwardInput, convForward, convInfo, type ConvInfo } from '../conv/conv';
import { poolBackward, poolForward, poolOutputSize, resolvePool } from '../pool/pool';
import { activationBackward, activationForward } from './activation';
import { checkCase } from './case';
import { Recorder, say } from './trace';
import { CASE_LIMITS, TRACE_LIMITS, type BackpropCase, type BackpropResult, type BackpropTensors, type CaseLimits, type Tensor, type TraceLimits } from './types';

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

/** An upper bound on the trace's operands (each conv product counted twice: forward and dL/dW; dL/dX at most F·kh·kw per pixel). */
function expectedTerms(c: BackpropCase, info: ConvInfo): number {
  const [F, C, kh, kw] = c.filters.shape as [number, number, number, number];
  const maps = F * info.outHeight * info.outWidth;
  const products = maps * C * kh * kw;
  const { kernel, stride, padding } = resolvePool(c.pool, info.outHeight, info.outWidth);
  const windows = F * poolOutputSize(info.outHeight, kernel[0], stride[0], padding[0]) * poolOutputSize(info.outWidth, kernel[1], stride[1], padding[1]);
  const poolTerms = c.pool.type === 'none' ? maps : windows * kernel[0] * kernel[1];
  return 2 * products + c.input.data.length * F * kh * kw + 2 * poolTerms + 4 * maps + 2 * windows + 16;
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
  const [, PH = 0, PW = 0] = pooled.shape;
  const n = pooled.data.length;
  const data = pooled.data.map((y, k) => {
    if (c.upstream.kind === 'mse') return (2 * (y - c.upstream.target.data[k]!)) / n;
    if (c.upstream.kind === 'grid') return c.upstream.grad.data[k]!;
    return c.upstream.value;
  });
  for (let k = 0; k < n && recorder.recording; k++) {
    const index = [Math.floor(k / (PH * PW)), Math.floor((k % (PH * PW)) / PW), k % PW];
    recorder.begin();
    if (c.upstream.kind === 'mse') {
      const y = pooled.data[k]!;
      const t = c.upstream.target.data[k]!;
      recorder.term(k, y, k, t, data[k]!);
      recorder.end({
        phase: 'backward',
        op: 'grad_output',
        out: 'grad_pooled',
        at: k,
        index,
        value: data[k]!,
        a: 'pooled',
        b: 'target',
        divisor: n,
        text: say('gradOutputMse', { y, t, n, value: data[k]! }),
      });
    } else {
      recorder.term(-1, data[k]!, -1, 0, data[k]!);
      recorder.end({
        phase: 'backward',
        op: 'grad_output',
        out: 'grad_pooled',
        at: k,
        index,
        value: data[k]!,
        a: 'coefficient',
        text: say('gradOutputGiven', { value: data[k]! }),
      });
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
    return { ok: false, issues: [{ path: [], message: `the case could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!checked.ok) return checked;
  const c = checked.value;
  const info = convInfo(c.input.shape, c.filters.shape, c.stride, c.padding, c.dilation);
  const recorder = new Recorder(options.trace ?? TRACE_LIMITS, expectedTerms(c, info));

  const conv = convForward(info, c.input, c.filters, c.bias, recorder);
  const activated = activationForward(c.activation, conv, recorder);
  const { pooled, argmax, routing } = poolForward(c.pool, activated, c.ties, recorder);
  const loss = lossOf(c, pooled);
  if (loss !== null && c.upstream.kind === 'mse' && recorder.recording) {
    const target = c.upstream.target.data;
    let sum = 0;
    recorder.begin();
    pooled.data.forEach((y, k) => {
      sum += (y - target[k]!) ** 2;
      recorder.term(k, y, k, target[k]!, sum);
    });
    recorder.end({
      phase: 'forward',
      op: 'loss',
      out: 'loss',
      at: 0,
      index: [],
      value: loss,
      a: 'pooled',
      b: 'target',
      divisor: pooled.data.length,
      text: say('loss', { terms: pooled.data.length, sum, value: loss }),
    });
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
