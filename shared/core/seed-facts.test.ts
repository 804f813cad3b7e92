import { describe, expect, it } from 'vitest';
import { SEED_BACKPROP_CASE } from './backprop/examples';
import { runBackprop } from './backprop/index';
import { SEED_NETWORK } from './network/presets';
import { summarizeNetwork } from './network/summarize';
import { SEED_OPTIMIZE_PROBLEM } from './optim/presets';
import { runOptimization } from './optim/run';
import { SEED_FACTS } from './seed-facts';

describe('the start page states only what the core computes', () => {
  const summary = summarizeNetwork(SEED_NETWORK);

  it('Q1: layer 2 output, parameters and receptive field', () => {
    const layer = summary.layers[SEED_FACTS.q1.layer - 1]!;
    if (layer.status !== 'ok') throw new Error('layer 2 not computed');
    const [channels, height, width] = layer.outputShape;
    expect([height, width, channels]).toEqual(SEED_FACTS.q1.output);
    expect(layer.params.trainable).toBe(SEED_FACTS.q1.params);
    expect(layer.receptiveField.size).toEqual([SEED_FACTS.q1.field, SEED_FACTS.q1.field]);
    // The student's field multiplies the kernels (7 * 5); the card names it as the wrong one.
    const kernels = SEED_NETWORK.layers.slice(0, 2).map((each) => ('kernel' in each ? each.kernel : 0));
    expect(Number(kernels[0]) * Number(kernels[1])).toBe(SEED_FACTS.q1.wrongField);
  });

  it('Q1: the field after the third pooling', () => {
    const layer = summary.layers[SEED_FACTS.q1rf.layer - 1]!;
    if (layer.status !== 'ok') throw new Error('layer 8 not computed');
    expect(layer.type).toBe('maxpool2d');
    expect(layer.receptiveField.size).toEqual([SEED_FACTS.q1rf.field, SEED_FACTS.q1rf.field]);
  });

  it('Q3: the filter size and the gradients', () => {
    const result = runBackprop(SEED_BACKPROP_CASE);
    if (!result.ok) throw new Error('seed case invalid');
    expect(result.tensors.grad_filters.shape.slice(-2)).toEqual(SEED_FACTS.q3.kernel);
    expect(SEED_BACKPROP_CASE.upstream).toBe(SEED_FACTS.q3.upstream);
    expect(result.tensors.grad_filters.data).toEqual(SEED_FACTS.q3.weights);
    expect(result.tensors.grad_bias.data).toEqual([SEED_FACTS.q3.bias]);
  });

  it('Q4: the parameters after each step', () => {
    const result = runOptimization(SEED_OPTIMIZE_PROBLEM);
    if (!result.ok) throw new Error('seed problem invalid');
    const after = result.steps.map((step) => ['a', 'b', 'c', 'd'].map((name) => step.params[name]));
    expect(after).toEqual([SEED_FACTS.q4.first, SEED_FACTS.q4.second]);
  });
});
