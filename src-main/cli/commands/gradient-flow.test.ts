import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

const hand = {
  input_dim: 1,
  widths: [2],
  output_dim: 1,
  activation: 'relu',
  weights: [[[1], [-1]], [[2, 3]]],
  biases: [[0, 0], [0]],
  data: { x: [[1], [2]], y: [[0], [0]] },
  loss: 'mse',
};

describe('layerwise gradient-flow', () => {
  it('--json: loss, one entry per layer (hidden, then output) with every documented field, and the tensors used (the hand-worked case)', async () => {
    const { code, out, err } = await runCli(['gradient-flow', '-', '--json'], JSON.stringify(hand));
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.loss).toBe(10);
    expect(json.layers).toHaveLength(2);
    expect(json.layers[0]).toEqual({ layer: 1, weight_std: 1, activation_mean: 0.75, activation_std: Math.sqrt(0.6875), inactive_fraction: 0.5, grad_weight_norm: 20, grad_bias_norm: 12, delta_norm: json.layers[0].delta_norm, grad_to_weight: 10 });
    expect(json.layers[0].delta_norm).toBeCloseTo(Math.sqrt(80), 14);
    expect(Object.keys(json.layers[1])).toEqual(['layer', 'weight_std', 'activation_mean', 'activation_std', 'grad_weight_norm', 'grad_bias_norm', 'delta_norm', 'grad_to_weight']);
    expect(json).toMatchObject({ weights: hand.weights, biases: hand.biases, x: hand.data.x, y: hand.data.y });
  });

  it('"depth" + "width", drawn data and classes: saturated_fraction for tanh, the x and y it drew, y as class indices', async () => {
    const { code, out } = await runCli(['gradient-flow', '-', '--json'], JSON.stringify({ input_dim: 4, depth: 3, width: 8, output_dim: 3, activation: 'tanh', init: 'xavier_normal', seed: 2, data: { samples: 5, seed: 1 }, loss: 'cross_entropy' }));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.layers).toHaveLength(4);
    expect(json.layers[0].saturated_fraction).toBeGreaterThanOrEqual(0);
    expect(json.x).toHaveLength(5);
    expect(json.x[0]).toHaveLength(4);
    expect(json.y.every((c: number) => Number.isInteger(c) && c >= 0 && c < 3)).toBe(true);
    expect(json.weights.map((w: number[][]) => [w.length, w[0]!.length])).toEqual([[8, 4], [8, 8], [8, 8], [3, 8]]);
  });

  it('prints a table with the bound in text mode', async () => {
    const { code, out } = await runCli(['gradient-flow', '-'], JSON.stringify(hand));
    expect(code).toBe(0);
    expect(out).toContain('network 1-2-1 (relu), 7 parameters, 2 samples; loss 10');
    expect(out).toMatch(/1\s+2\s+1\s+0\.75\s+0\.829156\s+0\.5\s+20\s+12\s+8\.94427\s+10/);
    expect(out).toContain('bound: ||delta_1|| <= ||delta_2||');
  });

  it('exits 2 naming the field, with the limit for sizes past it', async () => {
    const depth = await runCli(['gradient-flow', '-', '--json'], JSON.stringify({ ...hand, widths: undefined, depth: 60, width: 8, weights: undefined, biases: undefined }));
    expect(depth.code).toBe(2);
    expect(JSON.parse(depth.err).errors).toContain('depth: must be at most 50, got 60');
    const weights = await runCli(['gradient-flow', '-'], JSON.stringify({ ...hand, weights: [[[1], [-1]], [[2, 'x']]] }));
    expect(weights.code).toBe(2);
    expect(weights.err).toContain('error: weights[1][0][1]: must be a number, got "x"');
    const unknown = await runCli(['gradient-flow', '-'], JSON.stringify({ ...hand, activaton: 'relu' }));
    expect(unknown.err).toContain('unknown field "activaton"');
  });
});
