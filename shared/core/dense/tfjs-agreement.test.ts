import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom, normalSample } from '../random';
import type { Activation } from './activation';
import { lossAndGradient, type LossName } from './loss';
import { backward, createWorkspace, forward, mlpLayout, nestedParameters } from './mlp';
import { trainNetwork, type TrainResult } from './train';

/**
 * TensorFlow.js (CPU backend, float32) as the independent oracle: the same network with the
 * same weights built from tf ops, its gradients from tf.variableGrads, and its training from
 * tf.train's optimizers. Where TF differs from PyTorch the test bridges it: TF.js has no GELU
 * op, so GELU is written 0.5 x (1 + erf(x / sqrt 2)) with tf.erf (an approximation to about
 * 1e-7, below float32's own error here); torch.optim's weight_decay (coupled L2) is the
 * gradient of loss + (wd / 2) * sum of squares of every weight and bias, which TF is given.
 */
beforeAll(async () => {
  await tf.setBackend('cpu');
});

const TF_ACTIVATIONS: Activation[] = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'gelu'];

function tfActivation(activation: Activation, z: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'linear':
      return z;
    case 'sigmoid':
      return tf.sigmoid(z);
    case 'tanh':
      return tf.tanh(z);
    case 'relu':
      return tf.relu(z);
    case 'leaky_relu':
      return tf.leakyRelu(z, 0.01);
    case 'gelu':
      return tf.mul(tf.mul(0.5, z), tf.add(1, tf.erf(tf.mul(z, Math.SQRT1_2))));
  }
}

interface TfNet {
  weights: tf.Variable[];
  biases: tf.Variable[];
}

function tfNet(weights: number[][][], biases: number[][]): TfNet {
  return { weights: weights.map((w) => tf.variable(tf.tensor2d(w))), biases: biases.map((b) => tf.variable(tf.tensor1d(b))) };
}

function tfForward(net: TfNet, activation: Activation, x: tf.Tensor2D): tf.Tensor {
  let h: tf.Tensor = x;
  net.weights.forEach((w, l) => {
    const z = tf.add(tf.matMul(h as tf.Tensor2D, w as tf.Tensor2D, false, true), net.biases[l]!);
    h = l < net.weights.length - 1 ? tfActivation(activation, z) : z;
  });
  return h;
}

function tfLoss(loss: LossName, output: tf.Tensor, y: number[][] | number[], classes: number): tf.Scalar {
  if (loss === 'mse') return tf.losses.meanSquaredError(tf.tensor2d(y as number[][]), output) as tf.Scalar;
  return tf.losses.softmaxCrossEntropy(tf.oneHot(tf.tensor1d(y as number[], 'int32'), classes), output) as tf.Scalar;
}

function randomNetwork(sizes: number[], seed: number, scale = 0.7) {
  const random = createRandom(seed);
  const layout = mlpLayout(sizes);
  const params = Float64Array.from({ length: layout.parameterCount }, () => scale * normalSample(random));
  return { layout, params, random, ...nestedParameters(layout, params) };
}

describe('gradients against TF.js', () => {
  it('dL/dW and dL/db of random networks (every activation, both losses) agree to float32 precision', () => {
    fc.assert(
      fc.property(
        fc.record({
          widths: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 0, maxLength: 3 }),
          inputDim: fc.integer({ min: 1, max: 4 }),
          outputDim: fc.integer({ min: 1, max: 4 }),
          rows: fc.integer({ min: 1, max: 6 }),
          activation: fc.constantFrom(...TF_ACTIVATIONS),
          loss: fc.constantFrom<LossName>('mse', 'cross_entropy'),
          seed: fc.nat(10_000),
        }),
        ({ widths, inputDim, outputDim: outputs, rows, activation, loss, seed }) => {
          // TF's oneHot needs two classes at least
          const outputDim = loss === 'cross_entropy' ? Math.max(2, outputs) : outputs;
          const sizes = [inputDim, ...widths, outputDim];
          const { layout, params, random, weights, biases } = randomNetwork(sizes, seed);
          const x = Float64Array.from({ length: rows * inputDim }, () => normalSample(random));
          const values = loss === 'mse' ? Float64Array.from({ length: rows * outputDim }, () => normalSample(random)) : Float64Array.from({ length: rows }, () => Math.floor(random() * outputDim));
          const targets = { loss, values, outputs: outputDim };
          const ws = createWorkspace(layout, rows, false);
          const output = forward(layout, activation, params, x, rows, ws);
          const ours = lossAndGradient(targets, output, rows, null, ws.delta[layout.layers - 1]!);
          const grads = new Float64Array(layout.parameterCount);
          backward(layout, activation, params, x, rows, ws, grads);

          const y = loss === 'mse' ? Array.from({ length: rows }, (_, n) => Array.from(values.subarray(n * outputDim, (n + 1) * outputDim))) : Array.from(values);
          const xs = tf.tensor2d(Array.from(x), [rows, inputDim]);
          const net = tfNet(weights, biases);
          const { value, grads: tfGrads } = tf.variableGrads(() => tfLoss(loss, tfForward(net, activation, xs), y, outputDim), [...net.weights, ...net.biases]);
          const theirs = value.dataSync()[0]!;
          expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-4 * (1 + Math.abs(ours)));
          const scale = 1 + Math.max(...grads.map(Math.abs));
          for (let l = 0; l < layout.layers; l++) {
            const tw = tfGrads[net.weights[l]!.name]!.dataSync();
            const tb = tfGrads[net.biases[l]!.name]!.dataSync();
            tw.forEach((g, k) => expect(Math.abs(grads[layout.weightOffset[l]! + k]! - g)).toBeLessThanOrEqual(2e-4 * scale));
            tb.forEach((g, k) => expect(Math.abs(grads[layout.biasOffset[l]! + k]! - g)).toBeLessThanOrEqual(2e-4 * scale));
          }
          tf.dispose([xs, value, ...Object.values(tfGrads), ...net.weights, ...net.biases]);
        },
      ),
      { numRuns: 40 },
    );
  });
});

type TfOptimizer = { type: 'sgd'; lr: number } | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number } | { type: 'momentum'; lr: number; beta: number };

/** TF's training: the same batches in order, losses after every epoch (and before). */
function tfTrain(options: { sizes: number[]; activation: Activation; loss: LossName; weights: number[][][]; biases: number[][]; x: number[][]; y: number[][] | number[]; optimizer: TfOptimizer; weightDecay: number; epochs: number; batchSize: number }): number[] {
  const net = tfNet(options.weights, options.biases);
  const variables = [...net.weights, ...net.biases];
  const o = options.optimizer;
  const optimizer = o.type === 'sgd' ? tf.train.sgd(o.lr) : o.type === 'momentum' ? tf.train.momentum(o.lr, o.beta) : tf.train.adam(o.lr, o.beta1, o.beta2, o.eps);
  const classes = options.sizes.at(-1)!;
  const all = tf.tensor2d(options.x);
  const lossOf = (x: tf.Tensor2D, y: number[][] | number[]) => tfLoss(options.loss, tfForward(net, options.activation, x), y, classes);
  const losses = [tf.tidy(() => lossOf(all, options.y).dataSync()[0]!)];
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let start = 0; start < options.x.length; start += options.batchSize) {
      const x = tf.tensor2d(options.x.slice(start, start + options.batchSize));
      const y = options.y.slice(start, start + options.batchSize) as number[][] | number[];
      optimizer.minimize(() => {
        const base = lossOf(x, y);
        if (options.weightDecay === 0) return base;
        // coupled L2: d/dw (wd/2) w^2 = wd w, added to every weight and bias
        return tf.add(base, tf.mul(options.weightDecay / 2, tf.addN(variables.map((v) => tf.sum(tf.square(v)))))) as tf.Scalar;
      }, false, variables);
      x.dispose();
    }
    losses.push(tf.tidy(() => lossOf(all, options.y).dataSync()[0]!));
  }
  tf.dispose([all, ...variables]);
  optimizer.dispose();
  return losses;
}

describe('training losses against TF.js', () => {
  const sizes = [2, 6, 5, 1];
  const { weights, biases } = randomNetwork(sizes, 21, 0.6);
  const random = createRandom(5);
  const x = Array.from({ length: 12 }, () => [normalSample(random), normalSample(random)]);
  const y = x.map(([a, b]) => [Math.sin(2 * a!) + 0.5 * b!]);
  const classes = x.map(([a, b]) => (a! + b! > 0 ? 1 : 0));
  const cases: { name: string; optimizer: TfOptimizer & { weight_decay?: number }; batchSize: number; loss: LossName; activation: Activation }[] = [
    { name: 'SGD, full batch, mse, tanh', optimizer: { type: 'sgd', lr: 0.1 }, batchSize: 12, loss: 'mse', activation: 'tanh' },
    { name: 'SGD, minibatches of 5 (last of 2), mse, relu', optimizer: { type: 'sgd', lr: 0.05 }, batchSize: 5, loss: 'mse', activation: 'relu' },
    { name: 'Adam, full batch, mse, tanh', optimizer: { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, batchSize: 12, loss: 'mse', activation: 'tanh' },
    { name: 'Adam, minibatches of 4, cross-entropy, gelu', optimizer: { type: 'adam', lr: 0.02, beta1: 0.8, beta2: 0.99, eps: 1e-8 }, batchSize: 4, loss: 'cross_entropy', activation: 'gelu' },
    { name: 'momentum (PyTorch form), full batch, mse, sigmoid', optimizer: { type: 'momentum', lr: 0.1, beta: 0.9 }, batchSize: 12, loss: 'mse', activation: 'sigmoid' },
    { name: 'SGD with weight decay 0.05 (coupled L2)', optimizer: { type: 'sgd', lr: 0.1, weight_decay: 0.05 }, batchSize: 12, loss: 'mse', activation: 'tanh' },
    { name: 'Adam with weight decay 0.1 (coupled L2, not AdamW)', optimizer: { type: 'adam', lr: 0.02, beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.1 }, batchSize: 5, loss: 'mse', activation: 'relu' },
  ];
  for (const { name, optimizer, batchSize, loss, activation } of cases) {
    it(`${name}: every epoch's loss agrees to float32 precision`, async () => {
      const epochs = 25;
      const outputDim = loss === 'mse' ? 1 : 2;
      const netSizes = [2, 6, 5, outputDim];
      const net = outputDim === 1 ? { weights, biases } : randomNetwork(netSizes, 22, 0.6);
      const targets = loss === 'mse' ? y : classes;
      const run = { input_dim: 2, widths: [6, 5], output_dim: outputDim, activation, weights: net.weights, biases: net.biases, data: { x, y: targets }, loss, optimizer: { ...optimizer, ...(optimizer.type === 'momentum' ? { form: 'pytorch' } : {}) }, epochs, batch_size: batchSize };
      const ours = (await trainNetwork({ run })) as TrainResult;
      expect(ours.ok).toBe(true);
      const theirs = tfTrain({ sizes: netSizes, activation, loss, weights: net.weights, biases: net.biases, x, y: targets, optimizer, weightDecay: optimizer.weight_decay ?? 0, epochs, batchSize });
      expect(ours.epochs.map((entry) => entry.epoch)).toEqual(Array.from({ length: epochs + 1 }, (_, e) => e));
      ours.epochs.forEach((entry, e) => expect(Math.abs(entry.train_loss - theirs[e]!)).toBeLessThanOrEqual(2e-4 * (1 + theirs[e]!)));
      // the run really trained
      expect(ours.epochs.at(-1)!.train_loss).toBeLessThan(ours.epochs[0]!.train_loss);
    });
  }
});
