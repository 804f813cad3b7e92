import { describe, expect, it } from 'vitest';
import type { ComputedLayerInfo, LayerInfo, NetworkSummary } from './info';
import { ALEXNET, SEED_NETWORK } from './presets';
import type { LayerSpec, NetworkSpec } from './spec';
import { explainLayer } from './explain';
import { summarizeNetwork } from './summarize';
import { ISSUE_9_UNEVEN_UNITS } from './networks.test-helper';

function computed(layer: LayerInfo | undefined): ComputedLayerInfo {
  if (layer?.status !== 'ok') throw new Error(`layer not computed: ${JSON.stringify(layer)}`);
  return layer;
}

function only(input: number[], layer: LayerSpec): ComputedLayerInfo {
  return computed(summarizeNetwork({ input, layers: [layer] }).layers[0]);
}

function firstIssue(summary: NetworkSummary): string {
  for (const layer of summary.layers) if (layer.status === 'error') return layer.issues[0]!.message;
  return summary.inputIssues[0]?.message ?? 'no issue';
}

function issueOf(spec: NetworkSpec): string {
  return firstIssue(summarizeNetwork(spec));
}

describe('seed Q1 network (hand-worked table of SEED-NOTES)', () => {
  const summary = summarizeNetwork(SEED_NETWORK);
  // seed row -> our layer index: rows 1..8 are layers 1..8; row 9 (flatten + linear) is layers 9 and 10.
  it.each([
    // index, type, output [C, H, W], params, rf size, jump, centre of unit (0, 0)
    [1, 'conv2d', [32, 128, 128], 4_736, 7, 1, 0],
    [2, 'conv2d', [64, 62, 62], 51_264, 11, 2, 2],
    [3, 'maxpool2d', [64, 31, 31], 0, 13, 4, 3],
    [4, 'conv2d', [128, 27, 27], 73_856, 29, 4, 11],
    [5, 'conv2d', [128, 25, 25], 147_584, 37, 4, 15],
    [6, 'maxpool2d', [128, 12, 12], 0, 41, 8, 17],
    [7, 'conv2d', [256, 10, 10], 295_168, 57, 8, 25],
    [8, 'maxpool2d', [256, 5, 5], 0, 65, 16, 29],
  ])('layer %i %s: output %j, %i params, receptive field %i, jump %i, centre %i', (index, type, output, params, size, jump, center) => {
    const layer = computed(summary.layers[index - 1]);
    expect(layer.type).toBe(type);
    expect(layer.outputShape).toEqual(output);
    expect(layer.params).toEqual({ trainable: params, buffers: 0 });
    expect(layer.receptiveField).toEqual({ size: [size, size], jump: [jump, jump], center: [center, center], global: false, varies: false });
    expect(layer.memoryBytes).toBe(4 * output[0]! * output[1]! * output[2]!);
  });

  it.each([
    // index, type, output, params
    [9, 'flatten', [6400], 0],
    [10, 'linear', [1024], 6_554_624],
    [11, 'dropout', [1024], 0],
    [12, 'linear', [10], 10_250],
  ])('layer %i %s: output %j, %i params, sees the whole input', (index, type, output, params) => {
    const layer = computed(summary.layers[index - 1]);
    expect(layer.type).toBe(type);
    expect(layer.outputShape).toEqual(output);
    expect(layer.params.trainable).toBe(params);
    expect(layer.receptiveField.global).toBe(true);
  });

  it('totals: 7,137,482 parameters; MACs of conv and linear layers', () => {
    expect(summary.ok).toBe(true);
    expect(summary.totals.params).toBe(4_736 + 51_264 + 73_856 + 147_584 + 295_168 + 6_554_624 + 10_250);
    expect(computed(summary.layers[0]).macs).toBe(32 * 128 * 128 * 3 * 7 * 7);
    expect(computed(summary.layers[9]).macs).toBe(6400 * 1024);
    expect(summary.totals.flops).toBe(2 * summary.totals.macs);
  });

  it('flattened vector: the span of all 5x5 units of layer 8, r = 65 + (5 - 1)*16 = 129, centred at 29 + 2*16 = 61', () => {
    expect(computed(summary.layers[8]).receptiveField).toEqual({ size: [129, 129], jump: [0, 0], center: [61, 61], global: true, varies: false });
  });
});

describe('output sizes from the PyTorch documentation', () => {
  it.each([
    ['max-pool i=5 k=3 s=3 p=1 ceil_mode: last window would start in the padding', [1, 5, 5], { type: 'maxpool2d', kernel: 3, stride: 3, padding: 1, ceil_mode: true }, 2],
    ['max-pool i=112 k=3 s=2 ceil_mode', [1, 112, 112], { type: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true }, 56],
    ['max-pool i=112 k=3 s=2 floor', [1, 112, 112], { type: 'maxpool2d', kernel: 3, stride: 2 }, 55],
    ['max-pool i=2 k=3 s=2 ceil_mode: one window hanging over the edge', [1, 2, 2], { type: 'maxpool2d', kernel: 3, stride: 2, ceil_mode: true }, 1],
    ['max-pool i=10 k=3 d=2 s=1', [1, 10, 10], { type: 'maxpool2d', kernel: 3, stride: 1, dilation: 2 }, 6],
    ['avg-pool i=7 k=2 (stride defaults to kernel)', [1, 7, 7], { type: 'avgpool2d', kernel: 2 }, 3],
    ['avg-pool i=7 k=2 ceil_mode', [1, 7, 7], { type: 'avgpool2d', kernel: 2, ceil_mode: true }, 4],
    ['conv i=224 k=7 s=2 p=3', [3, 224, 224], { type: 'conv2d', out_channels: 64, kernel: 7, stride: 2, padding: 3 }, 112],
    ['conv i=32 k=3 p=2 d=2', [3, 32, 32], { type: 'conv2d', out_channels: 8, kernel: 3, padding: 2, dilation: 2 }, 32],
    ['conv padding "valid"', [3, 32, 32], { type: 'conv2d', out_channels: 8, kernel: 3, padding: 'valid' }, 30],
    ['transposed conv i=4 k=3 s=2 p=1 output_padding=1', [1, 4, 4], { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 }, 8],
    ['transposed conv i=4 k=3 s=2 p=1', [1, 4, 4], { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1 }, 7],
    ['transposed conv i=5 k=3 d=2', [1, 5, 5], { type: 'convtranspose2d', out_channels: 1, kernel: 3, dilation: 2 }, 9],
    ['adaptive average pool to 6', [256, 13, 13], { type: 'adaptiveavgpool2d', output_size: 6 }, 6],
  ] as const)('%s -> %i', (_name, input, layer, size) => {
    expect(only([...input], layer as LayerSpec).outputShape.slice(1)).toEqual([size, size]);
  });

  it('non-square kernel, stride and padding given as [h, w]', () => {
    const layer = only([3, 20, 30], { type: 'conv2d', out_channels: 4, kernel: [3, 5], stride: [1, 2], padding: [1, 0] });
    expect(layer.outputShape).toEqual([4, 20, 13]);
    expect(layer.receptiveField.size).toEqual([3, 5]);
    expect(layer.receptiveField.jump).toEqual([1, 2]);
  });
});

describe('padding "same"', () => {
  it('even kernel 4: total 3 = 1 before + 2 after (the odd pixel at the end, as PyTorch)', () => {
    const layer = only([1, 5, 5], { type: 'conv2d', out_channels: 1, kernel: 4, padding: 'same' });
    expect(layer.outputShape).toEqual([1, 5, 5]);
    expect(layer.geometry?.padding).toEqual({ top: 1, bottom: 2, left: 1, right: 2 });
    expect(layer.receptiveField.center).toEqual([0.5, 0.5]);
  });

  it('dilated kernel 3, d=2: total 4 = 2 + 2', () => {
    const layer = only([1, 9, 9], { type: 'conv2d', out_channels: 1, kernel: 3, dilation: 2, padding: 'same' });
    expect(layer.outputShape).toEqual([1, 9, 9]);
    expect(layer.geometry?.padding).toEqual({ top: 2, bottom: 2, left: 2, right: 2 });
  });
});

describe('parameters and MACs', () => {
  it.each([
    ['conv 3->32 k7', [3, 8, 8], { type: 'conv2d', out_channels: 32, kernel: 7, padding: 3 }, 4_736, 0],
    ['conv without bias', [3, 8, 8], { type: 'conv2d', out_channels: 32, kernel: 7, padding: 3, bias: false }, 4_704, 0],
    ['grouped conv 8->16 k3 g=4: (8*3*3/4 + 1)*16', [8, 8, 8], { type: 'conv2d', out_channels: 16, kernel: 3, groups: 4 }, 304, 0],
    ['depthwise conv 32 k3 g=32 no bias', [32, 8, 8], { type: 'conv2d', out_channels: 32, kernel: 3, groups: 32, bias: false }, 288, 0],
    ['transposed conv 16->8 k4: 16*4*4*8 + 8', [16, 4, 4], { type: 'convtranspose2d', out_channels: 8, kernel: 4 }, 2_056, 0],
    ['grouped transposed conv 16->8 k4 g=2', [16, 4, 4], { type: 'convtranspose2d', out_channels: 8, kernel: 4, groups: 2 }, 1_032, 0],
    ['batch norm: 2C trainable, 2C running statistics', [16, 8, 8], { type: 'batchnorm2d' }, 32, 32],
    ['batch norm affine=false', [16, 8, 8], { type: 'batchnorm2d', affine: false }, 0, 32],
    ['batch norm track_running_stats=false', [16, 8, 8], { type: 'batchnorm2d', track_running_stats: false }, 32, 0],
    ['linear 6400->1024', [6400], { type: 'linear', out_features: 1024 }, 6_554_624, 0],
    ['linear without bias', [100], { type: 'linear', out_features: 10, bias: false }, 1_000, 0],
  ] as const)('%s: %i parameters, %i buffers', (_name, input, layer, trainable, buffers) => {
    expect(only([...input], layer as LayerSpec).params).toEqual({ trainable, buffers });
  });

  it('BatchNorm2d(16) has 32 parameters, as PyTorch parameters() counts them: running mean and variance are buffers, outside the total', () => {
    const summary = summarizeNetwork({ input: [16, 8, 8], layers: [{ type: 'batchnorm2d' }] });
    expect(summary.totals).toMatchObject({ params: 32, trainableParams: 32, buffers: 32 });
    const explained = explainLayer({ input: [16, 8, 8], layers: [{ type: 'batchnorm2d' }] }, 1).find((derivation) => derivation.quantity === 'params');
    expect(explained?.text).toBe('params = 2*16 = 32 (gamma and beta; the running mean and variance are 2*16 = 32 buffers, not parameters)');
  });

  it.each([
    ['conv: C_out H_out W_out (C_in/g) K_h K_w', [8, 10, 10], { type: 'conv2d', out_channels: 16, kernel: 3, groups: 4 }, 16 * 8 * 8 * 2 * 9],
    ['transposed conv, per input pixel: C_in H W (C_out/g) K_h K_w', [16, 4, 4], { type: 'convtranspose2d', out_channels: 8, kernel: 3, stride: 2 }, 16 * 4 * 4 * 8 * 9],
    ['linear: N_in N_out', [100], { type: 'linear', out_features: 10 }, 1_000],
    ['max pool', [8, 10, 10], { type: 'maxpool2d', kernel: 2 }, 0],
    ['batch norm', [8, 10, 10], { type: 'batchnorm2d' }, 0],
  ] as const)('%s = %i', (_name, input, layer, macs) => {
    const info = only([...input], layer as LayerSpec);
    expect(info.macs).toBe(macs);
    expect(info.flops).toBe(2 * macs);
  });

  it('linear on [C, H, W] acts on the last axis W, as PyTorch: [2, 3, 4] -> [2, 3, 5]', () => {
    const layer = only([2, 3, 4], { type: 'linear', out_features: 5 });
    expect(layer.outputShape).toEqual([2, 3, 5]);
    expect(layer.params.trainable).toBe((4 + 1) * 5);
    expect(layer.macs).toBe(2 * 3 * 4 * 5);
    expect(layer.receptiveField).toMatchObject({ size: [1, 4], jump: [1, 0], global: false });
  });

  it('global pooling -> [C, 1, 1], seeing the whole input', () => {
    const layer = only([8, 7, 5], { type: 'globalavgpool2d' });
    expect(layer.outputShape).toEqual([8, 1, 1]);
    expect(layer.receptiveField).toEqual({ size: [7, 5], jump: [0, 0], center: [3, 2], global: true, varies: false });
  });
});

describe('receptive fields where units differ', () => {
  it('transposed conv i=4 k=3 s=2 p=1 op=1: output unit 1 depends on inputs 0 and 1 (size 2), unit 0 on input 0 only', () => {
    const layer = only([1, 4, 4], { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 });
    expect(layer.receptiveField).toEqual({ size: [2, 2], jump: [0.5, 0.5], center: [0, 0], global: false, varies: true });
  });

  it('transposed conv k=3 s=1 p=2 is an ordinary 3x3 conv: units agree', () => {
    const layer = only([1, 6, 6], { type: 'convtranspose2d', out_channels: 1, kernel: 3, padding: 2 });
    expect(layer.outputShape).toEqual([1, 4, 4]);
    expect(layer.receptiveField).toEqual({ size: [3, 3], jump: [1, 1], center: [1, 1], global: false, varies: false });
  });

  it('adaptive pool 5 -> 3: windows [0,1], [1,3], [3,4]; the largest has 3 pixels', () => {
    const layer = only([1, 5, 5], { type: 'adaptiveavgpool2d', output_size: 3 });
    expect(layer.receptiveField).toMatchObject({ size: [3, 3], center: [0.5, 0.5], varies: true });
  });

  it('adaptive pool 6 -> 3 is a 2x2, stride 2 pool: units agree', () => {
    const layer = only([1, 6, 6], { type: 'adaptiveavgpool2d', output_size: 3 });
    expect(layer.receptiveField).toEqual({ size: [2, 2], jump: [2, 2], center: [0.5, 0.5], global: false, varies: false });
  });

  it('issue 9 worked example: after transposed conv and max-pool the largest field is 8 rows high (spans [6m - 3, 6m + 4]), not 11', () => {
    const summary = summarizeNetwork(ISSUE_9_UNEVEN_UNITS);
    // rows: layer 2 unit m sees [6m - 3, 6m - 2]; even transposed rows 2m read unit m, odd rows 2m + 1 read m and m + 1: [6m - 3, 6m + 4]
    // columns: layer 2 unit m sees [6m - 1, 6m + 1]; odd transposed columns 2m + 1 see [6m - 1, 6m + 7]
    expect(computed(summary.layers[2]).receptiveField).toEqual({ size: [8, 9], jump: [3, 3], center: [-2.5, 0], global: false, varies: true });
    expect(computed(summary.layers[3]).receptiveField).toEqual({ size: [8, 9], jump: [3, 3], center: [0.5, 3], global: false, varies: true });
  });

  it('adaptive pool 5 -> 3 then conv 3x3: the conv unit sees windows [0,1], [1,3], [3,4], so 5 pixels (not 3 + 2 * 5/3)', () => {
    const summary = summarizeNetwork({ input: [1, 5, 5], layers: [{ type: 'adaptiveavgpool2d', output_size: 3 }, { type: 'conv2d', out_channels: 1, kernel: 3 }] });
    expect(computed(summary.layers[1]).receptiveField).toEqual({ size: [5, 5], jump: [5 / 3, 5 / 3], center: [2, 2], global: false, varies: false });
  });

  it('AlexNet at 256x256: the adaptive pool 7 -> 6 reads two units each, so flatten sees 195 + 6 * 32 = 387 pixels (not 413.67)', () => {
    const summary = summarizeNetwork({ ...ALEXNET, input: [3, 256, 256] });
    const flatten = summary.layers.find((layer) => layer.type === 'flatten');
    expect(computed(flatten).inputShape).toEqual([256, 6, 6]);
    expect(computed(flatten).receptiveField.size).toEqual([387, 387]);
    expect(computed(flatten).receptiveField.global).toBe(true);
  });

  it('a 1x1 adaptive average pool is global: every unit sees the whole input, as global pooling', () => {
    const layer = only([8, 5, 7], { type: 'adaptiveavgpool2d', output_size: 1 });
    expect(layer.receptiveField).toEqual({ size: [5, 7], jump: [0, 0], center: [2, 3], global: true, varies: false });
    // one axis pooled to 1 sees that whole axis (jump 0), like Linear on the last axis, but not the whole input
    expect(only([8, 5, 7], { type: 'adaptiveavgpool2d', output_size: [1, 7] }).receptiveField).toEqual({ size: [5, 1], jump: [0, 1], center: [2, 0], global: false, varies: false });
  });

  it('a pattern of units too long to store (transposed stride 2^21) is evaluated unit by unit; only the ends are examined, and the derivation says so', () => {
    const spec: NetworkSpec = {
      input: [1, 1, 2],
      layers: [
        // output columns 0..2 are written by input column 0, columns 2^21..2^21 + 2 by column 1, the rest by none
        { type: 'convtranspose2d', out_channels: 1, kernel: [1, 3], stride: [1, 2 ** 21] },
        { type: 'globalmaxpool2d' },
      ],
    };
    const summary = summarizeNetwork(spec);
    expect(computed(summary.layers[0]).outputShape).toEqual([1, 1, 2 ** 21 + 3]);
    expect(computed(summary.layers[0]).receptiveField).toEqual({ size: [1, 1], jump: [1, 2 ** -21], center: [0, 0], global: false, varies: true });
    expect(computed(summary.layers[0]).fieldSpread[1].exhaustive).toBe(false);
    expect(computed(summary.layers[1]).receptiveField).toMatchObject({ size: [1, 2], global: true });
    expect(explainLayer(spec, 1).find((derivation) => derivation.quantity === 'rf_size')?.text).toBe(
      'r = 1 + (0 - 0)*1 = 1 (largest, at output unit (0, 0); units differ; of the units nearest the two ends only: the pattern of units is too long to examine them all)',
    );
    expect(explainLayer(spec, 2).find((derivation) => derivation.quantity === 'rf_size')?.text).toContain('of the units nearest the two ends only');
  });

  it('layers after a varying layer keep varies=true and grow from its largest field', () => {
    const summary = summarizeNetwork({
      input: [1, 4, 4],
      layers: [
        { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 },
        { type: 'conv2d', out_channels: 1, kernel: 3 },
      ],
    });
    expect(computed(summary.layers[1]).receptiveField).toMatchObject({ size: [3, 3], jump: [0.5, 0.5], varies: true });
  });
});

describe('problems are reported per layer, never thrown', () => {
  it.each([
    [
      'dilated kernel larger than the padded input',
      { input: [3, 7, 7], layers: [{ type: 'conv2d', out_channels: 4, kernel: 3 }, { type: 'conv2d', out_channels: 4, kernel: 3 }, { type: 'relu' }, { type: 'conv2d', out_channels: 4, kernel: 3, dilation: 2 }] },
      'layer 4 (conv2d): dilated kernel 5 is larger than the padded input 3x3',
    ],
    ['kernel larger than the input', { input: [1, 4, 6], layers: [{ type: 'conv2d', out_channels: 1, kernel: 5 }] }, 'layer 1 (conv2d): kernel 5 is larger than the padded input 4x6'],
    ['pooling window larger than the input', { input: [1, 2, 2], layers: [{ type: 'maxpool2d', kernel: 3 }] }, 'layer 1 (maxpool2d): kernel 3 is larger than the padded input 2x2'],
    ['groups not dividing channels', { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, groups: 2 }] }, 'layer 1 (conv2d): groups 2 must divide in_channels 3 and out_channels 8'],
    [
      '"same" with stride 2',
      { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, stride: 2, padding: 'same' }] },
      'layer 1 (conv2d): padding "same" needs stride 1 (PyTorch does not support it for strided convolutions), got stride 2; give the padding as a number instead',
    ],
    ['pool padding above half the kernel', { input: [1, 8, 8], layers: [{ type: 'maxpool2d', kernel: 3, padding: 2 }] }, 'layer 1 (maxpool2d): padding 2 must be at most half the kernel size 3 (at most 1)'],
    [
      'output_padding not below stride or dilation',
      { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, output_padding: 2 }] },
      'layer 1 (convtranspose2d): output_padding 2 must be smaller than stride 2 or dilation 1 (at most 1)',
    ],
    [
      'conv after flatten',
      { input: [3, 4, 4], layers: [{ type: 'flatten' }, { type: 'conv2d', out_channels: 1, kernel: 1 }] },
      'layer 2 (conv2d): needs a [C, H, W] input but got [48]; place it before flatten/linear, or give the network an image input',
    ],
    ['fractional kernel', { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 1, kernel: 2.5 }] }, 'layer 1 (conv2d): kernel must be a positive integer or a pair [height, width] of them, got 2.5'],
    ['NaN channels', { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: NaN, kernel: 3 }] }, 'layer 1 (conv2d): out_channels must be a positive integer, got NaN'],
    ['negative stride', { input: [3, 8, 8], layers: [{ type: 'maxpool2d', kernel: 2, stride: -1 }] }, 'layer 1 (maxpool2d): stride must be a positive integer or a pair [height, width] of them, got -1'],
    ['dropout probability above 1', { input: [10], layers: [{ type: 'dropout', p: 1.5 }] }, 'layer 1 (dropout): p must be a number between 0 and 1, got 1.5'],
    [
      'transposed conv padding eating the output',
      { input: [1, 2, 2], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 2, padding: 2 }] },
      'layer 1 (convtranspose2d): output size would be -1x-1; (H - 1)s - 2p + d(k - 1) + output_padding + 1 must be at least 1, so reduce padding 2',
    ],
    ['input with a zero', { input: [3, 0, 128], layers: [] }, 'input: shape must be [C, H, W] (an image) or [N] (a vector) of positive integers, got [3, 0, 128]'],
  ] as const)('%s', (_name, spec, message) => {
    expect(issueOf(spec as unknown as NetworkSpec)).toBe(message);
  });

  it('unknown layer types and non-objects are named', () => {
    expect(issueOf({ input: [3, 8, 8], layers: [{ type: 'conv3d' }] } as unknown as NetworkSpec)).toMatch(/^layer 1 \(conv3d\): unknown layer type "conv3d"; valid types: conv2d, /);
    expect(issueOf({ input: [3, 8, 8], layers: [null] } as unknown as NetworkSpec)).toBe('layer 1 (?): each layer must be an object with a "type", got null');
  });

  it('counts beyond Number.MAX_SAFE_INTEGER are errors, not rounded numbers', () => {
    expect(issueOf({ input: [6400], layers: [{ type: 'linear', out_features: 2 ** 50 }] })).toBe(
      'layer 1 (linear): parameter count 7.207e+18 is above 9,007,199,254,740,991 (the largest exact integer); use smaller sizes',
    );
    expect(issueOf({ input: [1, 2 ** 30, 2 ** 30], layers: [] })).toMatch(/^input: \[1, 1073741824, 1073741824\] holds 1\.153e\+18 values/);
  });

  it('every layer after the first error is not computed, and totals cover the computed layers', () => {
    const summary = summarizeNetwork({
      input: [3, 8, 8],
      layers: [{ type: 'conv2d', out_channels: 4, kernel: 3 }, { type: 'conv2d', out_channels: 4, kernel: 9 }, { type: 'relu' }, { type: 'flatten' }],
    });
    expect(summary.ok).toBe(false);
    expect(summary.layers.map((layer) => layer.status)).toEqual(['ok', 'error', 'not_computed', 'not_computed']);
    expect(summary.layers[2]).toEqual({ index: 3, type: 'relu', status: 'not_computed' });
    expect(summary.totals.params).toBe((3 * 9 + 1) * 4);
  });

  it('an invalid input leaves every layer not computed', () => {
    const summary = summarizeNetwork({ input: [3, -1, 8], layers: [{ type: 'relu' }] });
    expect(summary.inputIssues).toHaveLength(1);
    expect(summary.layers).toEqual([{ index: 1, type: 'relu', status: 'not_computed' }]);
  });

  it('a spec that is not an object, or whose getters throw, still gives a summary', () => {
    expect(summarizeNetwork(null as unknown as NetworkSpec).inputIssues[0]?.message).toMatch(/^input: the network must be an object/);
    const hostile = new Proxy({}, { get: () => { throw new Error('boom'); } }) as NetworkSpec;
    expect(summarizeNetwork(hostile).inputIssues[0]?.message).toBe('input: the network could not be read (boom)');
  });
});
