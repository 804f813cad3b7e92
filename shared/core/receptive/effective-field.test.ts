import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NetworkSpec } from '../network/spec';
import { summarizeNetwork } from '../network/summarize';
import { effectiveReceptiveField, forwardInput, inputGradient, pixelsHolding, type EffectiveFieldRequest } from './effective-field';
import { unitRegion } from './region';

/**
 * Oracle: TensorFlow.js (CPU backend) builds the same network with the same weights and the
 * same forward input, and tf.grad gives d(unit)/d(input). TF is channels-last; PyTorch-style
 * padding is applied with tf.pad (zeros for conv and average pooling, -inf-like for max pooling).
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type TfLayer = (x: tf.Tensor4D, weights: Float64Array[][] | undefined) => tf.Tensor4D;

function pad(x: tf.Tensor4D, top: number, left: number, value = 0): tf.Tensor4D {
  return top === 0 && left === 0 ? x : tf.pad(x, [[0, 0], [top, top], [left, left], [0, 0]], value);
}

/** TF filter [kh, kw, in, out] from our weights[o][c][ty * kw + tx]. */
function filter(weights: Float64Array[][], kernel: number): tf.Tensor4D {
  const inChannels = weights[0]!.length;
  const outChannels = weights.length;
  const values = new Float32Array(kernel * kernel * inChannels * outChannels);
  for (let o = 0; o < outChannels; o++)
    for (let c = 0; c < inChannels; c++)
      for (let t = 0; t < kernel * kernel; t++) values[((Math.floor(t / kernel) * kernel + (t % kernel)) * inChannels + c) * outChannels + o] = weights[o]![c]![t]!;
  return tf.tensor4d(values, [kernel, kernel, inChannels, outChannels]);
}

/** 3x3 weights dilated by 2 as a 5x5 kernel. */
function dilate(weights: Float64Array[][]): Float64Array[][] {
  return weights.map((perInput) =>
    perInput.map((kernel) => {
      const wide = new Float64Array(25);
      kernel.forEach((value, t) => (wide[Math.floor(t / 3) * 2 * 5 + (t % 3) * 2] = value));
      return wide;
    }),
  );
}

function tfGradient(spec: NetworkSpec, layers: TfLayer[], request: EffectiveFieldRequest, input: Float64Array[], weights: Float64Array[][][]): Float32Array {
  const [channels, height, width] = spec.input as [number, number, number];
  const nhwc = new Float32Array(height * width * channels);
  for (let c = 0; c < channels; c++) for (let k = 0; k < height * width; k++) nhwc[k * channels + c] = input[c]![k]!;
  const x = tf.tensor4d(nhwc, [1, height, width, channels]);
  const f = (inputTensor: tf.Tensor) => {
    let h = inputTensor as tf.Tensor4D;
    layers.forEach((layer, i) => (h = layer(h, weights[i])));
    return tf.sum(tf.slice(h, [0, request.y, request.x, request.channel ?? 0], [1, 1, 1, 1]));
  };
  const gradient = tf.grad(f)(x);
  const data = gradient.dataSync() as Float32Array;
  // back to [C][H*W]
  const planar = new Float32Array(channels * height * width);
  for (let c = 0; c < channels; c++) for (let k = 0; k < height * width; k++) planar[c * height * width + k] = data[k * channels + c]!;
  x.dispose();
  gradient.dispose();
  return planar;
}

async function expectAgreement(spec: NetworkSpec, layers: TfLayer[], request: EffectiveFieldRequest, uniformWeights?: (layer: number) => Float64Array[][]) {
  const weights: Float64Array[][][] = [];
  const ours = await inputGradient(request, undefined, weights);
  if ('ok' in ours) throw new Error(ours.message);
  const tfWeights = uniformWeights ? layers.map((_, i) => uniformWeights(i)) : weights;
  const [channels, height, width] = spec.input as [number, number, number];
  const area = height * width;
  const input = request.input
    ? Array.from({ length: channels }, (_, c) => Float64Array.from(request.input!.slice(c * area, (c + 1) * area)))
    : forwardInput(channels, height, width, request.seed ?? 1, request.weights === 'uniform');
  const expected = tfGradient(spec, layers, request, input, tfWeights);
  const flat = new Float64Array(channels * height * width);
  ours.gradient.forEach((plane, c) => flat.set(plane, c * height * width));
  const scale = Math.max(...Array.from(expected, Math.abs));
  expect(scale).toBeGreaterThan(0);
  let nonZero = 0;
  for (let i = 0; i < flat.length; i++) {
    expect(Math.abs(flat[i]! - expected[i]!)).toBeLessThanOrEqual(2e-5 * scale);
    if (flat[i] !== 0) nonZero++;
  }
  return nonZero;
}

describe('effective receptive field against TensorFlow.js tf.grad', () => {
  it('uniform weights: conv p1, max-pool, ReLU, dilated conv, avg-pool, depthwise conv (groups = C)', async () => {
    const spec: NetworkSpec = {
      input: [3, 18, 18],
      layers: [
        { type: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
        { type: 'maxpool2d', kernel: 2 },
        { type: 'relu' },
        { type: 'conv2d', out_channels: 5, kernel: 3, dilation: 2 },
        { type: 'relu' },
        { type: 'avgpool2d', kernel: 2, stride: 1 },
        { type: 'conv2d', out_channels: 5, kernel: 3, padding: 1, groups: 5 },
      ],
    };
    // uniform weight 1 / fan_in: 1/27, -, -, 1/36, -, -, 1/9 (depthwise: fan_in 1 * 3 * 3)
    const ones = (out: number, inPerGroup: number, fanIn: number) => Array.from({ length: out }, () => Array.from({ length: inPerGroup }, () => new Float64Array(9).fill(1 / fanIn)));
    const uniform = [ones(4, 3, 27), [], [], ones(5, 4, 36), [], [], ones(5, 1, 9)];
    const layers: TfLayer[] = [
      (x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 1, 'valid'),
      (x) => tf.maxPool(x, 2, 2, 'valid'),
      (x) => tf.relu(x),
      // TF.js has no gradient for dilated conv2d: the same map as a 5x5 kernel with zeros between the taps
      (x, w) => tf.conv2d(x, filter(dilate(w!), 5), 1, 'valid'),
      (x) => tf.relu(x),
      (x) => tf.avgPool(x, 2, 1, 'valid'),
      // depthwise: filter [kh, kw, C, 1]
      (x) => tf.depthwiseConv2d(pad(x, 1, 1), tf.fill([3, 3, 5, 1], 1 / 9) as tf.Tensor4D, 1, 'valid'),
    ];
    const request: EffectiveFieldRequest = { spec, layer: 7, y: 1, x: 2, channel: 3, weights: 'uniform', activations: true, seed: 7 };
    const nonZero = await expectAgreement(spec, layers, request, (i) => uniform[i]!);
    expect(nonZero).toBeGreaterThan(10);
  });

  it('random He weights: strided conv, tanh, conv, sigmoid, max-pool stride 1, padded max-pool, leaky ReLU', async () => {
    const spec: NetworkSpec = {
      input: [2, 13, 11],
      layers: [
        { type: 'conv2d', out_channels: 4, kernel: 3, stride: 2, padding: 1 },
        { type: 'tanh' },
        { type: 'conv2d', out_channels: 3, kernel: 2 },
        { type: 'sigmoid' },
        { type: 'maxpool2d', kernel: 2, stride: 1 },
        { type: 'maxpool2d', kernel: 3, stride: 1, padding: 1 },
        { type: 'conv2d', out_channels: 2, kernel: 3, padding: 1 },
        { type: 'leakyrelu', negative_slope: 0.1 },
      ],
    };
    const layers: TfLayer[] = [
      (x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 2, 'valid'),
      (x) => tf.tanh(x),
      (x, w) => tf.conv2d(x, filter(w!, 2), 1, 'valid'),
      (x) => tf.sigmoid(x),
      (x) => tf.maxPool(x, 2, 1, 'valid'),
      (x) => tf.maxPool(pad(x, 1, 1, -1e30), 3, 1, 'valid'),
      (x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 1, 'valid'),
      (x) => tf.leakyRelu(x, 0.1),
    ];
    await expectAgreement(spec, layers, { spec, layer: 8, y: 2, x: 3, channel: 1, weights: 'random', activations: true, seed: 3 });
    // activations off: the same network as a linear map (TF without the activations)
    const linear = layers.map((layer, i) => ([1, 3, 7].includes(i) ? ((x: tf.Tensor4D) => x) : layer));
    await expectAgreement(spec, linear, { spec, layer: 8, y: 0, x: 0, channel: 0, weights: 'random', activations: false, seed: 3 });
  });
});

/** A given input of n numbers in [-1, 1], different in every channel (a stand-in for an image's pixels). */
const givenInput = (n: number) => Array.from({ length: n }, (_, i) => ((i * 7919) % 101) / 50 - 1);

describe('effective receptive field on a given input (the loaded image) against TensorFlow.js tf.grad', () => {
  const ones = (out: number, inPerGroup: number, taps: number) => Array.from({ length: out }, () => Array.from({ length: inPerGroup }, () => new Float64Array(taps).fill(1 / (inPerGroup * taps))));

  it('uniform weights, first conv with groups = 1: the channels reduce to their mean plane, masks from the given input', async () => {
    const spec: NetworkSpec = {
      input: [3, 12, 12],
      layers: [{ type: 'conv2d', out_channels: 4, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'maxpool2d', kernel: 2 }, { type: 'conv2d', out_channels: 2, kernel: 3 }, { type: 'relu' }],
    };
    const layers: TfLayer[] = [
      (x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 1, 'valid'),
      (x) => tf.relu(x),
      (x) => tf.maxPool(x, 2, 2, 'valid'),
      (x, w) => tf.conv2d(x, filter(w!, 3), 1, 'valid'),
      (x) => tf.relu(x),
    ];
    const uniform = [ones(4, 3, 9), [], [], ones(2, 4, 9), []];
    const input = givenInput(3 * 12 * 12);
    const request: EffectiveFieldRequest = { spec, layer: 5, y: 1, x: 2, weights: 'uniform', activations: true, input };
    expect(await expectAgreement(spec, layers, request, (i) => uniform[i]!)).toBeGreaterThan(10);
    const result = await effectiveReceptiveField(request);
    if (!result.ok) throw new Error(result.message);
    expect(result.input).toBe('given');
    expect(result.notes[1]).toBe('forward pass on the given input (3x12x12); max pooling routes to its argmax');
    // The same unit on the seeded input is routed by other maxima: the input matters.
    const seeded = await effectiveReceptiveField({ ...request, input: undefined });
    if (!seeded.ok) throw new Error(seeded.message);
    expect(seeded.input).toBe('seeded');
    expect(seeded.magnitude).not.toEqual(result.magnitude);
  });

  it('uniform weights, ReLU and max-pool before the first conv: every channel computed, as TF does', async () => {
    const spec: NetworkSpec = {
      input: [3, 10, 10],
      layers: [{ type: 'relu' }, { type: 'maxpool2d', kernel: 2 }, { type: 'conv2d', out_channels: 4, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'conv2d', out_channels: 2, kernel: 3 }],
    };
    const layers: TfLayer[] = [
      (x) => tf.relu(x),
      (x) => tf.maxPool(x, 2, 2, 'valid'),
      (x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 1, 'valid'),
      (x) => tf.relu(x),
      (x, w) => tf.conv2d(x, filter(w!, 3), 1, 'valid'),
    ];
    const uniform = [[], [], ones(4, 3, 9), [], ones(2, 4, 9)];
    const request: EffectiveFieldRequest = { spec, layer: 5, y: 1, x: 1, channel: 1, weights: 'uniform', activations: true, input: givenInput(3 * 10 * 10) };
    expect(await expectAgreement(spec, layers, request, (i) => uniform[i]!)).toBeGreaterThan(10);
    const result = await effectiveReceptiveField(request);
    if (!result.ok) throw new Error(result.message);
    expect(result.notes).toContain('uniform weights on an input whose channels differ before the first conv: every channel computed');
  });

  it('random He weights on a given input', async () => {
    const spec: NetworkSpec = { input: [2, 9, 9], layers: [{ type: 'conv2d', out_channels: 3, kernel: 3, stride: 2, padding: 1 }, { type: 'tanh' }, { type: 'maxpool2d', kernel: 2, stride: 1 }] };
    const layers: TfLayer[] = [(x, w) => tf.conv2d(pad(x, 1, 1), filter(w!, 3), 2, 'valid'), (x) => tf.tanh(x), (x) => tf.maxPool(x, 2, 1, 'valid')];
    await expectAgreement(spec, layers, { spec, layer: 3, y: 1, x: 2, channel: 2, weights: 'random', activations: true, seed: 5, input: givenInput(2 * 9 * 9) });
  });

  it('refuses an input of the wrong size in words that say the size needed', async () => {
    const spec: NetworkSpec = { input: [3, 4, 4], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }] };
    const result = await effectiveReceptiveField({ spec, layer: 1, y: 0, x: 0, weights: 'uniform', activations: true, input: givenInput(47) });
    expect(result).toMatchObject({ ok: false, message: "input has 47 numbers; the network's input 3x4x4 needs 48 (channel by channel, each row by row)" });
    const bad = await effectiveReceptiveField({ spec, layer: 1, y: 0, x: 0, weights: 'uniform', activations: true, input: [...givenInput(47), Number.NaN] });
    expect(bad).toMatchObject({ ok: false, message: 'input[47] must be a finite number, got NaN' });
  });
});

describe('effective receptive field against TensorFlow.js: global and adaptive pooling', () => {
  it('random weights: conv, ReLU, adaptive avg-pool 2 (= avg-pool 3 on 6), global max-pool; and global avg-pool', async () => {
    const spec: NetworkSpec = {
      input: [2, 8, 8],
      layers: [
        { type: 'conv2d', out_channels: 3, kernel: 3 },
        { type: 'relu' },
        { type: 'adaptiveavgpool2d', output_size: 2 },
        { type: 'globalmaxpool2d' },
      ],
    };
    const layers: TfLayer[] = [
      (x, w) => tf.conv2d(x, filter(w!, 3), 1, 'valid'),
      (x) => tf.relu(x),
      (x) => tf.avgPool(x, 3, 3, 'valid'),
      (x) => tf.max(x, [1, 2], true) as tf.Tensor4D,
    ];
    await expectAgreement(spec, layers, { spec, layer: 4, y: 0, x: 0, channel: 2, weights: 'random', activations: true, seed: 5 });
    const average: NetworkSpec = { input: [2, 8, 8], layers: [spec.layers[0]!, { type: 'tanh' }, { type: 'globalavgpool2d' }] };
    await expectAgreement(average, [layers[0]!, (x) => tf.tanh(x), (x) => tf.mean(x, [1, 2], true) as tf.Tensor4D], {
      spec: average,
      layer: 3,
      y: 0,
      x: 0,
      channel: 1,
      weights: 'random',
      activations: true,
      seed: 9,
    });
  });
});

describe('effective receptive field: summary numbers', () => {
  it('without activations, uniform weights reach exactly the contributing pixels of the exact region', async () => {
    const spec: NetworkSpec = {
      input: [1, 20, 20],
      layers: [
        { type: 'conv2d', out_channels: 2, kernel: 2, stride: 3 },
        { type: 'avgpool2d', kernel: 2, stride: 1, padding: 1 },
        { type: 'conv2d', out_channels: 2, kernel: 3, dilation: 2 },
      ],
    };
    const result = await effectiveReceptiveField({ spec, layer: 3, y: 1, x: 0, weights: 'uniform', activations: false });
    const region = unitRegion(summarizeNetwork(spec), 3, 1, 0);
    if (!result.ok || !region.ok) throw new Error('expected both to compute');
    expect(result.box).toEqual(region.inputClippedBox);
    const [top, left, bottom, right] = result.box;
    const input = region.layers.at(-1)!;
    const width = right - left + 1;
    for (let row = top; row <= bottom; row++) {
      for (let column = left; column <= right; column++) {
        const contributes = input.rows.contributing.includes(row) && input.columns.contributing.includes(column);
        expect(result.magnitude[(row - top) * width + column - left]! > 0).toBe(contributes);
      }
    }
    expect(result.mass).toBeCloseTo(result.magnitude.reduce((a, b) => a + b, 0), 12);
  });

  it('one 3x3 average: every pixel of the field holds 1/9, so 95% of the mass needs 9 of 9 pixels (ceil(0.95 * 9))', async () => {
    const spec: NetworkSpec = { input: [1, 5, 5], layers: [{ type: 'avgpool2d', kernel: 3, stride: 1 }] };
    const result = await effectiveReceptiveField({ spec, layer: 1, y: 1, x: 1, weights: 'uniform', activations: true });
    if (!result.ok) throw new Error(result.message);
    expect(result.box).toEqual([1, 1, 3, 3]);
    for (const value of result.magnitude) expect(value).toBeCloseTo(1 / 9, 15);
    expect(result.pixels95).toBe(9);
    expect(result.share95).toBe(1);
  });

  it('seed layer 2, unit (0, 0): |dy/dx| is the number of paths A[r] A[c], A = [4, 5, 5, 5, 4, 3, 2, 1]; 95% in 52 of 64 pixels', async () => {
    // input row r is read by layer-1 cells c = 0..4 (the 5x5 window of unit 0) with c - 3 <= r <= c + 3
    const spec: NetworkSpec = { input: [3, 128, 128], layers: [{ type: 'conv2d', out_channels: 32, kernel: 7, padding: 3 }, { type: 'conv2d', out_channels: 64, kernel: 5, stride: 2 }] };
    const result = await effectiveReceptiveField({ spec, layer: 2, y: 0, x: 0, weights: 'uniform', activations: true });
    if (!result.ok) throw new Error(result.message);
    const paths = [4, 5, 5, 5, 4, 3, 2, 1];
    expect(result.box).toEqual([0, 0, 7, 7]);
    // each path carries (1 / 147) (1 / 800) per input channel, times the 32 layer-1 channels: 3 * 32 / (147 * 800)
    const perPath = (3 * 32) / (147 * 800);
    result.magnitude.forEach((value, i) => expect(value).toBeCloseTo(paths[Math.floor(i / 8)]! * paths[i % 8]! * perPath, 14));
    expect(result.pixels95).toBe(52);
    expect(result.share95).toBe(52 / 64);
  });

  it('pixelsHolding counts the largest values until the fraction is reached', () => {
    // total 10: 5 + 3 = 8 < 9.5, 5 + 3 + 1.5 = 9.5 reaches 95%
    expect(pixelsHolding([1.5, 5, 0.5, 3], 0.95)).toBe(3);
    expect(pixelsHolding([0, 0], 0.95)).toBe(0);
  });

  it('narrows random-weight layers wider than maxChannels and says so', async () => {
    const spec: NetworkSpec = { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 40, kernel: 3 }, { type: 'relu' }, { type: 'conv2d', out_channels: 6, kernel: 3, groups: 2 }] };
    const result = await effectiveReceptiveField({ spec, layer: 3, y: 0, x: 0, weights: 'random', activations: true, maxChannels: 4 });
    if (!result.ok) throw new Error(result.message);
    expect(result.channels).toEqual([3, 4, 4, 4]);
    expect(result.notes.join(' ')).toContain('narrowed to at most 4 channels');
  });

  it('answers a transposed conv, a missing channel and a unit outside the layer in words', async () => {
    const spec: NetworkSpec = { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 2 }] };
    expect(await effectiveReceptiveField({ spec, layer: 1, y: 0, x: 0, weights: 'uniform', activations: true })).toMatchObject({
      ok: false,
      message: expect.stringContaining('layer 1 (convtranspose2d) is not supported'),
    });
    const conv: NetworkSpec = { input: [1, 4, 4], layers: [{ type: 'conv2d', out_channels: 2, kernel: 3 }] };
    expect(await effectiveReceptiveField({ spec: conv, layer: 1, y: 0, x: 0, channel: 2, weights: 'uniform', activations: true })).toMatchObject({
      ok: false,
      message: 'channel 2 does not exist in layer 1, which has channels 0 to 1',
    });
    expect(await effectiveReceptiveField({ spec: conv, layer: 1, y: 2, x: 0, weights: 'uniform', activations: true })).toMatchObject({ ok: false });
  });

  it('stops at a checkpoint that throws (a cancel) without finishing', async () => {
    const spec: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }, { type: 'relu' }] };
    let calls = 0;
    const cancelled = effectiveReceptiveField({ spec, layer: 2, y: 0, x: 0, weights: 'uniform', activations: true }, {
      checkpoint: async () => {
        calls++;
        if (calls === 2) throw new Error('cancelled');
      },
    });
    await expect(cancelled).rejects.toThrow('cancelled');
    expect(calls).toBe(2);
  });
});
