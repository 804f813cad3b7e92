import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../shared/core/dense/activation';
import { gradientFlow, type GradientFlowResult } from '../../../shared/core/dense/gradient-flow';
import { cliLanguage } from '../language';
import { runCli } from '../run-cli.test-helper';
import { boundLines } from './gradient-flow';

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

describe('gradient-flow: the bound and the measurement in each language', () => {
  /** Networks of every activation, from no hidden layer to several, at small and large weights. */
  const cases = ACTIVATIONS.flatMap((activation) => [
    { input_dim: 3, widths: [], output_dim: 2, activation, init: 'xavier_normal', seed: 1, data: { samples: 4, seed: 1 }, loss: 'mse' },
    { input_dim: 3, depth: 4, width: 6, output_dim: 2, activation, init: 'xavier_normal', gain: 4, seed: 2, data: { samples: 5, seed: 3 }, loss: 'mse' },
    { input_dim: 2, depth: 9, width: 5, output_dim: 3, activation, init: 'kaiming_normal', seed: 4, data: { samples: 6, seed: 5 }, loss: 'cross_entropy' },
  ]);
  const results = Promise.all(cases.map((flowCase) => gradientFlow({ case: flowCase })));

  it('English is word for word the core\'s derivation texts', async () => {
    for (const result of await results) {
      expect(result.ok, JSON.stringify(result.ok ? '' : result.issues)).toBe(true);
      const flow = result as GradientFlowResult;
      expect(boundLines(flow, cliLanguage('en'))).toEqual({ bound: flow.bound.derivations.bound!.text, measured: flow.bound.derivations.measured!.text });
    }
  });

  it('Persian: the values in Persian digits, the subscripts as in the formula, no English word', async () => {
    for (const result of await results) {
      const { bound, measured } = boundLines(result as GradientFlowResult, cliLanguage('fa'));
      expect(bound).toMatch(/^\|\|delta_1\|\| <= \|\|delta_\d+\|\| \* (prod_\(l=2\.\.\d+\) c \|\|W_l\|\|_2|۱) = [۰-۹٫ *e+\-−Infinity]+ = /);
      // Without the formula's subscripts and index range, no Latin digit and no English word is left.
      expect(`${bound} ${measured}`.replace(/delta_\d+|l=2\.\.\d+|W_l\|\|_2/g, '')).not.toMatch(/[0-9]|measured/);
      expect(measured).toMatch(/^\|\|delta_1\|\| = \S+ (<=|>) \S+$/);
    }
    const { code, out } = await runCli(['gradient-flow', '-', '--lang', 'fa'], JSON.stringify(hand));
    expect(code).toBe(0);
    expect(out).toContain('کران: ||delta_1|| <= ||delta_2|| * prod_(l=2..2) c ||W_l||_2 = ۴٫۴۷۲ * ۳٫۶۰۶ = ۱۶٫۱۲');
    expect(out).toMatch(/^اندازه‌گیری‌شده: \|\|delta_1\|\| = ۸٫۹۴۴ <= ۱۶٫۱۲$/m);
  });
});
