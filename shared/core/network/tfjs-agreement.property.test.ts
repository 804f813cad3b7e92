import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from './spec';
import { summarizeNetwork } from './summarize';

/**
 * Oracle: TensorFlow.js layers on the CPU backend. TF is channels-last ([H, W, C]), so shapes
 * are converted. Only layers where TF.js and PyTorch agree by construction are compared:
 * valid convolutions (dilation only with stride 1, as TF requires), "same" with stride 1,
 * depthwise conv (= conv2d with groups = C), valid pooling, transposed conv with k >= s and no
 * padding, batch norm (TF's trainable gamma and beta are the 2C parameters; its moving mean and
 * variance, non-trainable weights, are the 2C buffers), global pooling,
 * activations, dropout, flatten and dense on vectors.
 */

type Candidate =
  | { kind: 'conv'; filters: number; kernel: [number, number]; stride: [number, number]; dilation: number; same: boolean; bias: boolean }
  | { kind: 'depthwise'; multiplier: number; kernel: number; stride: number; bias: boolean }
  | { kind: 'pool'; max: boolean; kernel: [number, number]; stride: [number, number] }
  | { kind: 'transposed'; filters: number; kernel: number; stride: number; bias: boolean }
  | { kind: 'batchnorm' }
  | { kind: 'activation'; name: 'relu' | 'sigmoid' | 'tanh' }
  | { kind: 'dropout' };

const size = fc.integer({ min: 1, max: 5 });
const candidate: fc.Arbitrary<Candidate> = fc.oneof(
  fc.record({
    kind: fc.constant('conv' as const),
    filters: fc.integer({ min: 1, max: 6 }),
    kernel: fc.tuple(size, size),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    dilation: fc.integer({ min: 1, max: 3 }),
    same: fc.boolean(),
    bias: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('depthwise' as const), multiplier: fc.integer({ min: 1, max: 2 }), kernel: size, stride: fc.integer({ min: 1, max: 2 }), bias: fc.boolean() }),
  fc.record({ kind: fc.constant('pool' as const), max: fc.boolean(), kernel: fc.tuple(size, size), stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })) }),
  fc.record({ kind: fc.constant('transposed' as const), filters: fc.integer({ min: 1, max: 4 }), kernel: fc.integer({ min: 1, max: 4 }), stride: fc.integer({ min: 1, max: 3 }), bias: fc.boolean() }),
  fc.constant({ kind: 'batchnorm' as const }),
  fc.record({ kind: fc.constant('activation' as const), name: fc.constantFrom('relu' as const, 'sigmoid' as const, 'tanh' as const) }),
  fc.constant({ kind: 'dropout' as const }),
);

/** The PyTorch spec of a candidate and the TF.js layer that computes the same thing, or nothing when TF.js differs. */
function translate(c: Candidate, channels: number): { spec: LayerSpec; layer: () => tfl.layers.Layer } | undefined {
  switch (c.kind) {
    case 'conv': {
      const strided = c.stride[0] > 1 || c.stride[1] > 1;
      const dilation = strided ? 1 : c.dilation;
      if (c.same && strided) return undefined;
      return {
        spec: { type: 'conv2d', out_channels: c.filters, kernel: c.kernel, stride: c.stride, dilation, padding: c.same ? 'same' : 0, bias: c.bias },
        layer: () => tfl.layers.conv2d({ filters: c.filters, kernelSize: c.kernel, strides: c.stride, dilationRate: dilation, padding: c.same ? 'same' : 'valid', useBias: c.bias }),
      };
    }
    case 'depthwise':
      return {
        spec: { type: 'conv2d', out_channels: channels * c.multiplier, kernel: c.kernel, stride: c.stride, groups: channels, bias: c.bias },
        layer: () => tfl.layers.depthwiseConv2d({ kernelSize: c.kernel, depthMultiplier: c.multiplier, strides: c.stride, padding: 'valid', useBias: c.bias }),
      };
    case 'pool':
      return {
        spec: { type: c.max ? 'maxpool2d' : 'avgpool2d', kernel: c.kernel, stride: c.stride },
        layer: () => (c.max ? tfl.layers.maxPooling2d : tfl.layers.averagePooling2d)({ poolSize: c.kernel, strides: c.stride, padding: 'valid' }),
      };
    case 'transposed': {
      if (c.kernel < c.stride) return undefined;
      return {
        spec: { type: 'convtranspose2d', out_channels: c.filters, kernel: c.kernel, stride: c.stride, bias: c.bias },
        layer: () => tfl.layers.conv2dTranspose({ filters: c.filters, kernelSize: c.kernel, strides: c.stride, padding: 'valid', useBias: c.bias }),
      };
    }
    case 'batchnorm':
      return { spec: { type: 'batchnorm2d' }, layer: () => tfl.layers.batchNormalization({ axis: -1 }) };
    case 'activation':
      return { spec: { type: c.name }, layer: () => tfl.layers.activation({ activation: c.name }) };
    case 'dropout':
      return { spec: { type: 'dropout' }, layer: () => tfl.layers.dropout({ rate: 0.5 }) };
  }
}

/** TF [batch, H, W, C] -> [C, H, W]; [batch, N] -> [N]. */
function channelsFirst(shape: readonly (number | null)[]): number[] {
  const dims = shape.slice(1) as number[];
  return dims.length === 3 ? [dims[2]!, dims[0]!, dims[1]!] : dims;
}

/**
 * TF.js weights as PyTorch splits them: its trainable weights are PyTorch's parameters; its
 * non-trainable weights (batch norm's moving mean and variance) are PyTorch's buffers, which
 * `parameters()` does not count.
 */
function tfWeights(layer: tfl.layers.Layer): { trainable: number; nonTrainable: number } {
  const count = (weights: tfl.LayerVariable[]) => weights.reduce((sum, weight) => sum + (weight.shape as number[]).reduce((product: number, d: number) => product * d, 1), 0);
  return { trainable: count(layer.trainableWeights), nonTrainable: count(layer.nonTrainableWeights) };
}

describe('agreement with TensorFlow.js layers (CPU backend)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('random valid stacks: same output shapes and parameter counts, layer by layer', () => {
    let comparedLayers = 0;
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 6, max: 20 }), fc.integer({ min: 6, max: 20 })),
        fc.array(candidate, { minLength: 1, maxLength: 7 }),
        fc.constantFrom('none', 'flatten-dense', 'global-max', 'global-avg'),
        fc.integer({ min: 1, max: 7 }),
        ([channels, height, width], candidates, head, units) => {
          const specs: LayerSpec[] = [];
          const model = tfl.sequential();
          let shape = [channels, height, width];
          let first = true;
          for (const c of candidates) {
            const pair = translate(c, shape[0]!);
            if (!pair) continue;
            const layer = pair.layer();
            let output: number[];
            try {
              output = channelsFirst(layer.computeOutputShape([null, shape[1]!, shape[2]!, shape[0]!]) as (number | null)[]);
            } catch {
              continue;
            }
            if (output.some((d) => !(d >= 1))) continue;
            model.add(first ? rebuildWithInput(pair.layer, [height, width, channels]) : layer);
            first = false;
            specs.push(pair.spec);
            shape = output;
          }
          if (specs.length === 0) return;
          if (head === 'flatten-dense') {
            specs.push({ type: 'flatten' }, { type: 'linear', out_features: units });
            model.add(tfl.layers.flatten());
            model.add(tfl.layers.dense({ units }));
          } else if (head !== 'none') {
            specs.push({ type: head === 'global-max' ? 'globalmaxpool2d' : 'globalavgpool2d' }, { type: 'flatten' });
            model.add(head === 'global-max' ? tfl.layers.globalMaxPooling2d({}) : tfl.layers.globalAveragePooling2d({}));
          }
          const summary = summarizeNetwork({ input: [channels, height, width], layers: specs });
          expect(summary.ok, JSON.stringify({ specs, summary: summary.layers.find((l) => l.status === 'error') })).toBe(true);
          const ours = summary.layers.map((layer) => (layer.status === 'ok' ? layer : undefined)!);
          // Global pooling is [C, 1, 1] + flatten in PyTorch and one [C] layer in TF.js.
          const comparable = head === 'global-max' || head === 'global-avg' ? [...ours.slice(0, -2), ours[ours.length - 1]!] : ours;
          expect(comparable.length).toBe(model.layers.length);
          comparedLayers += model.layers.length;
          model.layers.forEach((tfLayer, i) => {
            const mine = comparable[i]!;
            const context = `layer ${i + 1} ${mine.type} of ${JSON.stringify(specs)}`;
            expect(mine.outputShape, context).toEqual(channelsFirst(tfLayer.outputShape as (number | null)[]));
            const weights = tfWeights(tfLayer);
            expect(mine.params.trainable, context).toBe(weights.trainable);
            expect(mine.params.buffers, context).toBe(weights.nonTrainable);
          });
          model.dispose();
        },
      ),
      { numRuns: 60 },
    );
    expect(comparedLayers).toBeGreaterThan(100);
    console.log(`compared ${comparedLayers} layers with TensorFlow.js`);
  });
});

function rebuildWithInput(make: () => tfl.layers.Layer, inputShape: number[]): tfl.layers.Layer {
  const layer = make();
  const config = layer.getConfig();
  const Constructor = layer.constructor as unknown as new (config: object) => tfl.layers.Layer;
  return new Constructor({ ...config, inputShape });
}
