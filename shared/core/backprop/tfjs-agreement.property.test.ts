import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { nest } from './gradient-check';
import { runBackprop } from './run';
import type { Activation, PoolType, Tensor } from './types';

/**
 * Oracle: TensorFlow.js gradients (tf.grads, CPU backend) of the same computation, written
 * with TF's own ops. PyTorch layout is converted: input [C,H,W] → [1,H,W,C], filters
 * [F,C,kh,kw] → [kh,kw,C,F]. Conv padding is explicit zeros (tf.pad); TF.js refuses a stride
 * and a dilation above 1 together, so the kernel is dilated explicitly (zeros between taps,
 * with matMul by selection matrices, so tf.grads sees through it). Max pooling pads with -Infinity (PyTorch's implicit
 * padding), average pooling with zeros divided by kh·kw (count_include_pad). Values are
 * random doubles; the ties left (padding-only windows, ReLU zeros) are skipped (see below).
 */

interface RandomCase {
  channels: number;
  height: number;
  width: number;
  filters: number;
  kernel: [number, number];
  stride: [number, number];
  padding: [number, number];
  dilation: [number, number];
  activation: Activation;
  pool: { type: PoolType; kernel: [number, number]; stride: [number, number]; padding: [number, number] };
  upstream: 'constant' | 'grid' | 'mse';
  seed: number;
}

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));
const randomCase: fc.Arbitrary<RandomCase> = fc
  .record({
    channels: fc.integer({ min: 1, max: 3 }),
    height: fc.integer({ min: 3, max: 9 }),
    width: fc.integer({ min: 3, max: 9 }),
    filters: fc.integer({ min: 1, max: 3 }),
    kernel: pair(1, 3),
    stride: pair(1, 2),
    padding: pair(0, 2),
    dilation: pair(1, 2),
    activation: fc.constantFrom<Activation>('none', 'relu', 'sigmoid', 'tanh'),
    poolType: fc.constantFrom<PoolType>('none', 'max', 'avg', 'globalmax', 'globalavg'),
    poolKernel: pair(1, 3),
    poolStride: pair(1, 2),
    poolPaddingFraction: fc.tuple(fc.boolean(), fc.boolean()),
    upstream: fc.constantFrom<'constant' | 'grid' | 'mse'>('constant', 'grid', 'mse'),
    seed: fc.integer({ min: 1, max: 2 ** 30 }),
  })
  .map((r) => ({
    ...r,
    pool: {
      type: r.poolType,
      kernel: r.poolKernel,
      stride: r.poolStride,
      padding: [r.poolPaddingFraction[0] ? Math.floor(r.poolKernel[0] / 2) : 0, r.poolPaddingFraction[1] ? Math.floor(r.poolKernel[1] / 2) : 0] as [number, number],
    },
  }));

/** Seeded doubles in [-2, 2): distinct-looking values, reproducible from the case's seed. */
function generator(seed: number): () => number {
  const random = createRandom(seed);
  return () => random() * 4 - 2;
}

function toCase(r: RandomCase, outputShape?: number[]) {
  const next = generator(r.seed);
  const grid = (shape: number[]) => nest(Array.from({ length: shape.reduce((a, b) => a * b, 1) }, next), shape);
  // Weights scaled by 1/fan-in keep z small: tanh and sigmoid must not saturate to equal float32 values (ties).
  const fanIn = r.channels * r.kernel[0] * r.kernel[1];
  const base = {
    input: grid([r.channels, r.height, r.width]),
    filters: nest(Array.from({ length: r.filters * fanIn }, () => next() / fanIn), [r.filters, r.channels, ...r.kernel]),
    bias: Array.from({ length: r.filters }, next),
    stride: r.stride,
    padding: r.padding,
    dilation: r.dilation,
    activation: r.activation,
    pool: r.pool.type === 'max' || r.pool.type === 'avg' ? r.pool : { type: r.pool.type },
  };
  if (!outputShape || r.upstream === 'constant') return { ...base, upstream: 0.75 };
  if (r.upstream === 'grid') return { ...base, upstream: grid(outputShape) };
  return { ...base, upstream: { loss: 'mse', target: grid(outputShape) } };
}

const chw2hwc = (t: Tensor) => tf.expandDims(tf.transpose(tf.tensor3d(t.data, t.shape as [number, number, number]), [1, 2, 0]), 0) as tf.Tensor4D;
const fromNhwc = (t: tf.Tensor) => Array.from(tf.transpose(tf.squeeze(t, [0]), [2, 0, 1]).dataSync());

/** True when some max-pooling window of `activated` ([C, H, W]) holds its maximum more than once. */
function maxWindowHasTie(activated: Tensor, pool: { type: PoolType; kernel: readonly number[]; stride: readonly number[]; padding: readonly number[] }): boolean {
  const [channels, height, width] = activated.shape as [number, number, number];
  const windows: { rows: [number, number]; cols: [number, number] }[] = [];
  if (pool.type === 'globalmax') windows.push({ rows: [0, height], cols: [0, width] });
  else if (pool.type === 'max') {
    const [kh, kw] = pool.kernel as [number, number];
    const [sh, sw] = pool.stride as [number, number];
    const [ph, pw] = pool.padding as [number, number];
    for (let top = -ph; top + kh <= height + ph; top += sh) {
      for (let left = -pw; left + kw <= width + pw; left += sw) {
        windows.push({ rows: [Math.max(0, top), Math.min(height, top + kh)], cols: [Math.max(0, left), Math.min(width, left + kw)] });
      }
    }
  } else return false;
  for (let ch = 0; ch < channels; ch++) {
    for (const { rows, cols } of windows) {
      let best = -Infinity;
      let count = 0;
      for (let i = rows[0]; i < rows[1]; i++) {
        for (let j = cols[0]; j < cols[1]; j++) {
          const v = activated.data[(ch * height + i) * width + j]!;
          if (v > best) [best, count] = [v, 1];
          else if (v === best) count++;
        }
      }
      if (count > 1) return true;
    }
  }
  return false;
}

function expectClose(actual: readonly number[], expected: readonly number[], what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  actual.forEach((value, k) => {
    const tolerance = 1e-4 * Math.max(1, Math.abs(expected[k]!));
    if (Math.abs(value - expected[k]!) > tolerance) throw new Error(`${what}[${k}]: Layerwise ${value}, TF.js ${expected[k]}`);
  });
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('conv + pooling backprop agrees with TensorFlow.js gradients', () => {
  it('on random cases: every tensor forward, and dL/dpooled, dL/da, dL/dz, dL/dW, dL/db, dL/dX', () => {
    let compared = 0;
    fc.assert(
      fc.property(randomCase, (r) => {
        const probe = runBackprop(toCase(r), { trace: { maxSteps: 0, maxTerms: 0 } });
        fc.pre(probe.ok);
        if (!probe.ok) return;
        const raw = toCase(r, probe.tensors.pooled.shape);
        const ours = runBackprop(raw);
        expect(ours.ok).toBe(true);
        if (!ours.ok) return;
        const c = ours.case;
        const { tensors } = ours;
        // A max window holding its maximum twice is a tie: TF's gradient gives dy to every tied
        // cell, PyTorch (and we) to the first one. Ties come from cells that see only padding
        // (z = bias) or from ReLU zeros; such cases are left to the tie tests in backprop.test.ts.
        fc.pre(!maxWindowHasTie(tensors.activated, c.pool));
        tf.tidy(() => {
          const x = chw2hwc(c.input);
          const w = tf.transpose(tf.tensor4d(c.filters.data, c.filters.shape as [number, number, number, number]), [2, 3, 1, 0]);
          const b = tf.tensor1d(c.bias);
          const [kh, kw] = [c.filters.shape[2]!, c.filters.shape[3]!];
          const [khe, kwe] = [(kh - 1) * c.dilation[0] + 1, (kw - 1) * c.dilation[1] + 1];
          // Selection matrices place tap u at row u·d: the dilated kernel, built with differentiable ops.
          const spread = (taps: number, size: number, d: number) => tf.tensor2d(Array.from({ length: size * taps }, (_, k) => (Math.floor(k / taps) === (k % taps) * d ? 1 : 0)), [size, taps]);
          const dilate = (ww: tf.Tensor4D): tf.Tensor4D => {
            const [, , C, F] = ww.shape;
            const rows = tf.reshape(tf.matMul(spread(kh, khe, c.dilation[0]), tf.reshape(ww, [kh, kw * C * F])), [khe, kw, C * F]);
            const cols = tf.matMul(spread(kw, kwe, c.dilation[1]), tf.reshape(tf.transpose(rows, [1, 0, 2]), [kw, khe * C * F]));
            return tf.transpose(tf.reshape(cols, [kwe, khe, C, F]), [1, 0, 2, 3]);
          };
          const conv = (xx: tf.Tensor4D, ww: tf.Tensor4D, bb: tf.Tensor1D) => {
            const padded = tf.pad(xx, [[0, 0], [c.padding[0], c.padding[0]], [c.padding[1], c.padding[1]], [0, 0]]);
            return tf.add(tf.conv2d(padded, dilate(ww), [...c.stride], 'valid', 'NHWC'), bb) as tf.Tensor4D;
          };
          const act = (z: tf.Tensor4D): tf.Tensor4D => (c.activation === 'relu' ? tf.relu(z) : c.activation === 'sigmoid' ? tf.sigmoid(z) : c.activation === 'tanh' ? tf.tanh(z) : z);
          const pool = (a: tf.Tensor4D): tf.Tensor4D => {
            const { type, kernel, stride, padding } = c.pool;
            const pads: [number, number][] = [[0, 0], [padding[0], padding[0]], [padding[1], padding[1]], [0, 0]];
            if (type === 'max') return tf.maxPool(tf.pad(a, pads, -Infinity), [...kernel], [...stride], 'valid');
            if (type === 'avg') return tf.avgPool(tf.pad(a, pads, 0), [...kernel], [...stride], 'valid');
            if (type === 'globalmax') return tf.max(a, [1, 2], true) as tf.Tensor4D;
            if (type === 'globalavg') return tf.mean(a, [1, 2], true) as tf.Tensor4D;
            return a;
          };
          const loss = (y: tf.Tensor4D): tf.Scalar => {
            if (c.upstream.kind === 'constant') return tf.sum(tf.mul(y, c.upstream.value));
            if (c.upstream.kind === 'grid') return tf.sum(tf.mul(y, chw2hwc(c.upstream.grad)));
            return tf.mean(tf.square(tf.sub(y, chw2hwc(c.upstream.target))));
          };
          const z = conv(x, w, b);
          const a = act(z);
          const y = pool(a);
          expectClose(tensors.conv.data, fromNhwc(z), 'conv');
          expectClose(tensors.activated.data, fromNhwc(a), 'activated');
          expectClose(tensors.pooled.data, fromNhwc(y), 'pooled');
          if (tensors.loss !== null) expectClose([tensors.loss], [loss(y).dataSync()[0]!], 'loss');

          const [gx, gw, gb] = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => loss(pool(act(conv(xx as tf.Tensor4D, ww as tf.Tensor4D, bb as tf.Tensor1D)))))([x, w, b]);
          expectClose(tensors.grad_pooled.data, fromNhwc(tf.grad((yy: tf.Tensor) => loss(yy as tf.Tensor4D))(y)), 'grad_pooled');
          expectClose(tensors.grad_activated.data, fromNhwc(tf.grad((aa: tf.Tensor) => loss(pool(aa as tf.Tensor4D)))(a)), 'grad_activated');
          expectClose(tensors.grad_conv.data, fromNhwc(tf.grad((zz: tf.Tensor) => loss(pool(act(zz as tf.Tensor4D))))(z)), 'grad_conv');
          expectClose(tensors.grad_input.data, fromNhwc(gx!), 'grad_input');
          expectClose(tensors.grad_filters.data, Array.from(tf.transpose(gw!, [3, 2, 0, 1]).dataSync()), 'grad_filters');
          expectClose(tensors.grad_bias.data, Array.from(gb!.dataSync()), 'grad_bias');
        });
        compared++;
      }),
      { numRuns: 100 },
    );
    // fc.pre may skip cases whose output is empty; most must still be compared.
    expect(compared).toBeGreaterThan(50);
    // TF.js on the CPU backend is slow on a shared machine: a generous limit, not a timing assertion.
  }, 180_000);
});
