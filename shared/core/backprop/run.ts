import { convBackwardBias, convBackwardFilters, convBackwardInput, convForward, convInfo } from '../conv/conv';
import { poolBackward, poolForward } from '../pool/pool';
import { activationBackward, activationForward } from './activation';
import { checkCase } from './case';
import { num, Recorder } from './trace';
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
    if (c.upstream.kind === 'mse') {
      const y = pooled.data[k]!;
      const t = c.upstream.target.data[k]!;
      recorder.push({
        phase: 'backward',
        op: 'grad_output',
        out: 'grad_pooled',
        at: k,
        index,
        value: data[k]!,
        a: 'pooled',
        aAt: [k],
        aValues: [y],
        b: 'target',
        bAt: [k],
        bValues: [t],
        divisor: n,
        text: `Mean squared error: dL/dy = 2(y - t)/N = 2·(${num(y)} - ${num(t)})/${n} = ${num(data[k]!)}.`,
      });
    } else {
      recorder.push({
        phase: 'backward',
        op: 'grad_output',
        out: 'grad_pooled',
        at: k,
        index,
        value: data[k]!,
        a: 'coefficient',
        aAt: [-1],
        aValues: [data[k]!],
        text: `The gradient arriving from above: dL/dy = ${num(data[k]!)} (given).`,
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
  const recorder = new Recorder(options.trace ?? TRACE_LIMITS);
  const info = convInfo(c.input.shape, c.filters.shape, c.stride, c.padding, c.dilation);

  const conv = convForward(info, c.input, c.filters, c.bias, recorder);
  const activated = activationForward(c.activation, conv, recorder);
  const { pooled, argmax, routing } = poolForward(c.pool, activated, c.ties, recorder);
  const loss = lossOf(c, pooled);
  if (loss !== null && c.upstream.kind === 'mse' && recorder.recording) {
    const target = c.upstream.target.data;
    let sum = 0;
    const partialSums = pooled.data.map((y, k) => (sum += (y - target[k]!) ** 2));
    recorder.push({
      phase: 'forward',
      op: 'loss',
      out: 'loss',
      at: 0,
      index: [],
      value: loss,
      a: 'pooled',
      aAt: pooled.data.map((_, k) => k),
      aValues: [...pooled.data],
      b: 'target',
      bAt: target.map((_, k) => k),
      bValues: [...target],
      partialSums,
      divisor: pooled.data.length,
      text: `Mean squared error over the ${pooled.data.length} outputs: L = Σ(y - t)²/N = ${num(sum)}/${pooled.data.length} = ${num(loss)}.`,
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
