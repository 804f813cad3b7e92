/**
 * Conv + pooling backprop cost: Layerwise's runBackprop (forward and backward, every tensor,
 * with the full step trace) against TensorFlow.js tf.grads (CPU backend) on the same case:
 * input 3x64x64, 8 filters 3x3 (stride 1, no padding), ReLU, max pool 2, dL/dy = 1.
 *
 * The editable UI and the CLI cap a case at 8 channels of 32x32; the bench runs the core
 * directly with larger limits (CaseLimits) and no trace limit, so every one of the ~150,000
 * steps (each with its operands and partial sums, in the trace's typed columns) is built in
 * each call.
 */
import type * as TF from '@tensorflow/tfjs-core';
import { nest } from '../shared/core/backprop/gradient-check';
import { runBackprop } from '../shared/core/backprop/run';
import { formatMs, measure, writeResults } from './measure';
import { loadTfjsWithGradients } from './tfjs-gradients';

const C = 3;
const H = 64;
const W = 64;
const F = 8;
const K = 3;

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
}


async function main(): Promise<void> {
  const tf = await loadTfjsWithGradients('backprop');
  await tf.setBackend('cpu');
  const next = seeded(42);
  const input = Array.from({ length: C * H * W }, next);
  const filters = Array.from({ length: F * C * K * K }, next);
  const bias = Array.from({ length: F }, next);
  const testCase = {
    input: nest(input, [C, H, W]),
    filters: nest(filters, [F, C, K, K]),
    bias,
    activation: 'relu',
    pool: { type: 'max', kernel: 2 },
    upstream: 1,
  };
  const options = { limits: { maxChannels: C, maxFilters: F, maxSize: H }, trace: { maxSteps: Infinity, maxTerms: Infinity } };

  const full = runBackprop(testCase, options);
  if (!full.ok) throw new Error(full.issues.map((issue) => issue.message).join('; '));
  if (full.trace.truncated) throw new Error('the trace was truncated');
  const steps = full.trace.length;
  const operands = full.trace.operands.aAt.length;

  // The peer: same tensors in TF's NHWC layout; tf.grads of Σ maxPool(relu(conv + b)).
  const x = tf.expandDims(tf.transpose(tf.tensor3d(input, [C, H, W]), [1, 2, 0]), 0) as TF.Tensor4D;
  const w = tf.transpose(tf.tensor4d(filters, [F, C, K, K]), [2, 3, 1, 0]) as TF.Tensor4D;
  const b = tf.tensor1d(bias);
  const gradients = tf.grads((xx: TF.Tensor, ww: TF.Tensor, bb: TF.Tensor) =>
    tf.sum(tf.maxPool(tf.relu(tf.add(tf.conv2d(xx as TF.Tensor4D, ww as TF.Tensor4D, 1, 'valid'), bb)) as TF.Tensor4D, 2, 2, 'valid')),
  );
  const tfRun = () => {
    const result = tf.tidy(() => {
      const [gx, gw, gb] = gradients([x, w, b]);
      return [gx!.dataSync(), gw!.dataSync(), gb!.dataSync()] as const;
    });
    return result;
  };

  // Same numbers (float32 in TF.js): the comparison is of the same computation.
  const [, , tfBias] = tfRun();
  full.tensors.grad_bias.data.forEach((g, f) => {
    if (Math.abs(g - tfBias[f]!) > 1e-3 * Math.max(1, Math.abs(g))) throw new Error(`dL/db[${f}]: Layerwise ${g}, TF.js ${tfBias[f]}`);
  });

  const options2 = { minTimeMs: 3000, maxTimeMs: 15000, minSamples: 10, warmupMs: 1000 };
  const layerwiseTrace = measure('Layerwise runBackprop, full trace', () => runBackprop(testCase, options), options2);
  const layerwiseTensors = measure('Layerwise runBackprop, tensors only', () => runBackprop(testCase, { ...options, trace: { maxSteps: 0, maxTerms: 0 } }), options2);
  const tfjs = measure('TF.js tf.grads (CPU), values read', tfRun, options2);

  const rows = [layerwiseTrace, layerwiseTensors, tfjs];
  console.log(`\nconv + pooling backprop: 3x64x64 input, 8 filters 3x3, ReLU, max pool 2 (${steps.toLocaleString('en-US')} steps, ${operands.toLocaleString('en-US')} operands in the trace)`);
  for (const row of rows) console.log(`${row.name.padEnd(40)} median ${formatMs(row.medianMs).padStart(10)}   p90 ${formatMs(row.p90Ms).padStart(10)}`);
  const ratio = tfjs.medianMs / layerwiseTrace.medianMs;
  console.log(`\nratio TF.js / Layerwise (full trace): ${ratio.toFixed(2)}x; tensors only: ${(tfjs.medianMs / layerwiseTensors.medianMs).toFixed(2)}x`);
  console.log(`target: no slower than TF.js with full traces: ${ratio >= 1 ? 'met' : 'MISSED'}`);
  console.log(`results: ${writeResults('backprop', { steps, operands, rows, ratio, targetMet: ratio >= 1 })}`);
}

await main();
