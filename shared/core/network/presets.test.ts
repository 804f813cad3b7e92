import { describe, expect, it } from 'vitest';
import type { ComputedLayerInfo } from './info';
import { ALEXNET, LENET5, MOBILENET_V1, PRESETS, SEED_NETWORK, VGG16 } from './presets';
import { summarizeNetwork } from './summarize';

describe('presets match their published parameter counts', () => {
  it.each([
    ['LeNet-5', LENET5, 61_706, 0],
    ['AlexNet (torchvision)', ALEXNET, 61_100_840, 0],
    ['VGG-16 (torchvision)', VGG16, 138_357_544, 0],
    ['MobileNet v1 (parameters(); the batch-norm running statistics are buffers)', MOBILENET_V1, 4_231_976, 21_888],
    ['seed Q1', SEED_NETWORK, 7_137_482, 0],
  ] as const)('%s: %i parameters, %i buffers', (_name, spec, params, buffers) => {
    const summary = summarizeNetwork(spec);
    expect(summary.ok).toBe(true);
    expect(summary.totals.params).toBe(params);
    expect(summary.totals.trainableParams).toBe(params);
    expect(summary.totals.buffers).toBe(buffers);
  });

  it('VGG-16: receptive field 212 at its last (5th) max pool, jump 32, output 512x7x7', () => {
    const pools = summarizeNetwork(VGG16).layers.filter((layer): layer is ComputedLayerInfo => layer.type === 'maxpool2d' && layer.status === 'ok');
    expect(pools.map((layer) => layer.receptiveField.size[0])).toEqual([6, 16, 44, 100, 212]);
    expect(pools[4]!.receptiveField.jump).toEqual([32, 32]);
    expect(pools[4]!.outputShape).toEqual([512, 7, 7]);
  });

  it('AlexNet features end at 256x6x6 and its adaptive pool is then uniform', () => {
    const layers = summarizeNetwork(ALEXNET).layers as ComputedLayerInfo[];
    expect(layers[12]!.outputShape).toEqual([256, 6, 6]);
    expect(layers[13]!.receptiveField.varies).toBe(false);
  });

  it('MobileNet v1 ends at 1024x7x7 before global pooling', () => {
    const layers = summarizeNetwork(MOBILENET_V1).layers as ComputedLayerInfo[];
    expect(layers.find((layer) => layer.type === 'globalavgpool2d')!.inputShape).toEqual([1024, 7, 7]);
  });

  it('the preset record lists each network under its id', () => {
    for (const [id, preset] of Object.entries(PRESETS)) expect(preset.id).toBe(id);
    expect(PRESETS.seed!.spec).toBe(SEED_NETWORK);
  });
});
