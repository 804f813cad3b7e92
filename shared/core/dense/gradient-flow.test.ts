import { describe, expect, it } from 'vitest';
import { checkGradientFlowCase, gradientFlow, type GradientFlowResult } from './gradient-flow';
import type { DenseFailure } from './issues';
import { GRADIENT_FLOW_PRESETS } from './presets';

async function flow(value: unknown, options: { bins?: number; tensors?: boolean } = {}): Promise<GradientFlowResult> {
  const result = await gradientFlow({ case: value, ...options });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  return result;
}

async function issues(value: unknown): Promise<DenseFailure['issues']> {
  const result = await gradientFlow({ case: value });
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

/**
 * A hand-worked case: x = (1, 2) through h = relu([1; -1] x), y = [2, 3] h, mse against 0.
 * Sample 1: z1 = (1, -1), a1 = (1, 0), y = 2; sample 2: z1 = (2, -2), a1 = (2, 0), y = 4.
 * L = (4 + 16) / 2 = 10; dL/dy = 2 y / 2 = (2, 4); dW2 = (2*1 + 4*2, 0) = (10, 0), db2 = 6;
 * delta1 = dL/dy * [2, 3] * relu' = (4, 0), (8, 0); dW1 = (4*1 + 8*2, 0) = (20, 0), db1 = (12, 0).
 */
const HAND = {
  input_dim: 1,
  widths: [2],
  output_dim: 1,
  activation: 'relu',
  weights: [[[1], [-1]], [[2, 3]]],
  biases: [[0, 0], [0]],
  data: { x: [[1], [2]], y: [[0], [0]] },
  loss: 'mse',
};

describe('gradient flow: the numbers', () => {
  it('the hand-worked 1-2-1 ReLU case, every field', async () => {
    const result = await flow(HAND);
    expect(result.loss).toBe(10);
    const [hidden, output] = result.layers;
    expect(hidden).toMatchObject({ layer: 1, kind: 'hidden', units: 2, fan_in: 1, weight_std: 1, activation_mean: 0.75, inactive_fraction: 0.5, grad_weight_norm: 20, grad_bias_norm: 12, grad_to_weight: 10 });
    expect(hidden!.activation_std).toBeCloseTo(Math.sqrt(0.6875), 15);
    expect(hidden!.delta_norm).toBeCloseTo(Math.sqrt(80), 14);
    expect(output).toMatchObject({ layer: 2, kind: 'output', weight_std: 0.5, activation_mean: 3, activation_std: 1, grad_weight_norm: 10, grad_bias_norm: 6, grad_to_weight: 10 });
    expect(output!.delta_norm).toBeCloseTo(Math.sqrt(20), 14);
    expect(output!.saturated_fraction).toBeUndefined();
    expect(output!.inactive_fraction).toBeUndefined();
    expect(output!.weight_spectral_norm).toBeCloseTo(Math.sqrt(13), 12);
    // the bound with the numbers filled in: ||delta_1|| <= ||delta_2|| * 1 * ||W_2||_2 = sqrt(20 * 13)
    expect(result.bound.value).toBeCloseTo(Math.sqrt(260), 10);
    expect(result.bound.measured).toBeCloseTo(Math.sqrt(80), 14);
    expect(result.bound.holds).toBe(true);
    expect(result.bound.derivations.bound!.text).toBe('||delta_1|| <= ||delta_2|| * prod_(l=2..2) c ||W_l||_2 = 4.472 * 3.606 = 16.12');
    expect(result.bound.derivations['factor:2']!.substituted).toBe('1 \\cdot 3.606');
    expect(result.bound.derivations.derivative!.result).toBe('1');
  });

  it('sigmoid states c = 1/4 in its derivation', async () => {
    const result = await flow({ ...HAND, activation: 'sigmoid' });
    expect(result.bound.derivativeBound).toBe(0.25);
    expect(result.bound.derivations.derivative!.substituted).toBe('\\tfrac{1}{4}');
    expect(result.bound.derivations['factor:2']!.substituted).toBe('\\tfrac{1}{4} \\cdot 3.606');
  });

  it('saturated share: tanh |a| > 0.97, sigmoid |a - 0.5| > 0.47, at the thresholds exactly', async () => {
    // one unit, z = w x with x = (1, 2, 3, 4): tanh(atanh(0.97) * x / 2) is 0.97 only at x = 2... use explicit z values
    const z = [0.5, Math.atanh(0.97), 2 * Math.atanh(0.97), -3];
    const tanh = await flow({ input_dim: 1, widths: [1], activation: 'tanh', weights: [[[1]], [[1]]], biases: [[0], [0]], data: { x: z.map((v) => [v]), y: z.map(() => [0]) }, loss: 'mse' });
    // tanh(atanh(0.97)) rounds to 0.97 or its neighbour; 2 atanh(0.97) and -3 are past it
    expect([0.5, 0.75]).toContain(tanh.layers[0]!.saturated_fraction);
    const logit = (p: number) => Math.log(p / (1 - p));
    const s = [0, logit(0.99), logit(0.2), -10];
    const sigmoid = await flow({ input_dim: 1, widths: [1], activation: 'sigmoid', weights: [[[1]], [[1]]], biases: [[0], [0]], data: { x: s.map((v) => [v]), y: s.map(() => [0]) }, loss: 'mse' });
    expect(sigmoid.layers[0]!.saturated_fraction).toBe(0.5);
  });

  it('histograms: bins + 1 edges, counts sum to samples x units, tanh on [-1, 1], sigmoid on [0, 1]', async () => {
    const result = await flow({ input_dim: 8, depth: 3, width: 16, activation: 'tanh', init: 'xavier_uniform', seed: 4, data: { samples: 50, seed: 2 } }, { bins: 12 });
    for (const layer of result.layers) {
      expect(layer.histogram.edges).toHaveLength(13);
      expect(layer.histogram.counts.reduce((a, b) => a + b, 0) + layer.histogram.nonFinite).toBe(50 * layer.units);
    }
    expect(result.layers[0]!.histogram.edges[0]).toBe(-1);
    expect(result.layers[0]!.histogram.edges[12]).toBe(1);
  });

  it('one seed gives the same numbers; the tensors it reports recompute the same loss when given back', async () => {
    const document = { input_dim: 5, depth: 4, width: 6, output_dim: 3, activation: 'gelu', init: 'kaiming_normal', seed: 9, data: { samples: 7, seed: 3 }, loss: 'cross_entropy' };
    const first = await flow(document, { tensors: true });
    const second = await flow(document, { tensors: true });
    expect(second.layers).toEqual(first.layers);
    const { weights, biases, x, y } = first.tensors!;
    expect(y).toHaveLength(7);
    const again = await flow({ input_dim: 5, depth: 4, width: 6, output_dim: 3, activation: 'gelu', weights, biases, data: { x, y }, loss: 'cross_entropy' });
    expect(again.loss).toBe(first.loss);
    expect(again.layers.map((layer) => layer.delta_norm)).toEqual(first.layers.map((layer) => layer.delta_norm));
  });
});

describe('gradient flow: the presets answer the question', () => {
  for (const preset of GRADIENT_FLOW_PRESETS) {
    it(`${preset.id} is ${preset.behaviour}, and the bound holds`, async () => {
      const result = await flow(preset.case);
      const ratio = result.layers[0]!.delta_norm / result.layers.at(-1)!.delta_norm;
      if (preset.behaviour === 'vanishing') expect(ratio).toBeLessThan(1e-3);
      if (preset.behaviour === 'exploding') expect(ratio).toBeGreaterThan(1e3);
      if (preset.behaviour === 'stable') {
        expect(ratio).toBeGreaterThan(0.1);
        expect(ratio).toBeLessThan(10);
      }
      expect(result.bound.holds).toBe(true);
    });
  }

  it('ReLU with N(0, 1) explodes and the same ReLU network with He weights does not: the weight scale is the cause', async () => {
    const normal = GRADIENT_FLOW_PRESETS.find((preset) => preset.id === 'relu_normal')!.case;
    const he = GRADIENT_FLOW_PRESETS.find((preset) => preset.id === 'relu_he')!.case;
    expect({ ...normal, init: he.init }).toEqual(he);
    const result = await flow(normal);
    // the variance argument in the derivations: sqrt(n Var(W) E[relu'^2]) = sqrt(64 * 1 * 1/2) ~ 5.7 per layer
    const gain = result.bound.derivations['gain:10']!;
    expect(Number(gain.result)).toBeGreaterThan(5);
    expect(Number(gain.result)).toBeLessThan(6.5);
  });
});

describe('gradient flow: bad cases are issues at their fields', () => {
  it('names the field and the limit', async () => {
    expect(await issues({ input_dim: 4, depth: 51, width: 8 })).toContainEqual(expect.objectContaining({ field: 'depth', code: 'too_large', values: { max: 50, got: 51 } }));
    expect(await issues({ input_dim: 4, widths: [8, 300] })).toContainEqual(expect.objectContaining({ field: 'widths[1]', code: 'too_large', values: { max: 256, got: 300 } }));
    expect(await issues({ input_dim: 2, widths: [3], data: { x: [[1, 2], [3]], y: [[1], [2]] } })).toContainEqual(expect.objectContaining({ field: 'data.x[1]', code: 'wrong_length' }));
    expect(await issues({ input_dim: 2, widths: [3], activation: 'swish' })).toContainEqual(expect.objectContaining({ field: 'activation', code: 'not_one_of' }));
    expect(await issues({ input_dim: 2, widths: [3], init: { scheme: 'normal', gain: 2 } })).toContainEqual(expect.objectContaining({ field: 'init.gain', code: 'not_for_scheme' }));
    expect(await issues({ input_dim: 2, widths: [3], weights: [[[1, 2]], [[1, 2, 3]]] })).toContainEqual(expect.objectContaining({ field: 'weights[0]', code: 'wrong_length' }));
    expect(await issues({ input_dim: 2, widths: [3], loss: 'cross_entropy', output_dim: 2, data: { x: [[1, 2]], y: [2] } })).toContainEqual(expect.objectContaining({ field: 'data.y[0]', code: 'too_large' }));
    expect(await issues({ input_dim: 256, depth: 50, width: 256, data: { samples: 2000, seed: 0 } })).toContainEqual(expect.objectContaining({ field: 'data', code: 'too_much_work' }));
    expect(await issues({ input_dim: 2, widths: [3], colour: 'red' })).toContainEqual(expect.objectContaining({ field: '', code: 'unknown_field', values: expect.objectContaining({ name: 'colour' }) }));
  });

  it('each issue carries its English phrasing', () => {
    const checked = checkGradientFlowCase({ input_dim: 0, widths: [2] });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues[0]).toEqual({ field: 'input_dim', code: 'too_small', values: { min: 1, got: 0 }, message: 'must be at least 1, got 0' });
  });
});
