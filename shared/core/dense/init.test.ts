import { describe, expect, it } from 'vitest';
import type { Activation } from './activation';
import { DEFAULT_INIT, INIT_SCHEMES, initialParameters, type InitConfig } from './init';
import { mlpLayout } from './mlp';
import { meanStd } from './numbers';

/**
 * Each scheme's sample variance against nn.init's formula, on 300 x 200 = 60,000 weights of a
 * hidden layer (then a linear output layer, whose gain is 1). The tolerance is five standard
 * errors of the sample variance: sqrt((mu_4 - sigma^4) / n), mu_4 = 3 sigma^4 for a normal and
 * b^4 / 5 for U(-b, b).
 */
const FAN_IN = 200;
const FAN_OUT = 300;
const layout = mlpLayout([FAN_IN, FAN_OUT, 7]);
const n = FAN_IN * FAN_OUT;

function hiddenWeights(init: Partial<InitConfig>, activation: Activation = 'relu', seed = 11) {
  const params = initialParameters(layout, activation, { ...DEFAULT_INIT, ...init }, seed);
  return { params, weights: params.subarray(layout.weightOffset[0]!, layout.weightOffset[0]! + n), biases: params.subarray(layout.biasOffset[0]!, layout.biasOffset[0]! + FAN_OUT) };
}

function expectVariance(values: Float64Array, variance: number, kind: 'normal' | 'uniform') {
  const { mean, std } = meanStd(values, 0, values.length);
  const fourth = kind === 'normal' ? 3 * variance ** 2 : (9 * variance ** 2) / 5; // b^4/5 with b^2 = 3 var
  const standardError = Math.sqrt((fourth - variance ** 2) / values.length);
  expect(Math.abs(std ** 2 - variance)).toBeLessThan(5 * standardError);
  expect(Math.abs(mean)).toBeLessThan(5 * Math.sqrt(variance / values.length));
}

describe('initialisation (nn.init formulas, our seeded generator)', () => {
  const gain = Math.SQRT2; // relu
  const cases: [InitConfig['scheme'], Partial<InitConfig>, number, 'normal' | 'uniform'][] = [
    ['uniform', { a: 0.5 }, 0.5 ** 2 / 3, 'uniform'],
    ['uniform', { a: 2 }, 4 / 3, 'uniform'],
    ['normal', { std: 1 }, 1, 'normal'],
    ['normal', { std: 0.01 }, 1e-4, 'normal'],
    ['lecun_normal', {}, 1 / FAN_IN, 'normal'],
    ['xavier_uniform', {}, (gain * Math.sqrt(6 / (FAN_IN + FAN_OUT))) ** 2 / 3, 'uniform'],
    ['xavier_normal', {}, (gain * Math.sqrt(2 / (FAN_IN + FAN_OUT))) ** 2, 'normal'],
    ['kaiming_uniform', {}, (gain * Math.sqrt(3 / FAN_IN)) ** 2 / 3, 'uniform'],
    ['kaiming_normal', {}, gain ** 2 / FAN_IN, 'normal'],
    ['pytorch_default', {}, 1 / FAN_IN / 3, 'uniform'],
  ];
  for (const [scheme, extra, variance, kind] of cases) {
    it(`${scheme} ${JSON.stringify(extra)}: sample variance ${variance.toPrecision(4)} within five standard errors`, () => {
      const { weights } = hiddenWeights({ scheme, ...extra });
      expectVariance(weights, variance, kind);
      if (kind === 'uniform') {
        const bound = Math.sqrt(3 * variance);
        expect(Math.max(...weights.map(Math.abs))).toBeLessThanOrEqual(bound);
        expect(Math.max(...weights.map(Math.abs))).toBeGreaterThan(0.999 * bound);
      }
    });
  }

  it('biases are zero except for nn.Linear\'s default, U(+-1/sqrt(fan_in)); zeros is all zero', () => {
    for (const scheme of INIT_SCHEMES.filter((s) => s !== 'pytorch_default')) expect(hiddenWeights({ scheme }).biases.every((b) => b === 0)).toBe(true);
    const biases = hiddenWeights({ scheme: 'pytorch_default' }).biases;
    expect(Math.max(...biases.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(FAN_IN));
    expect(biases.some((b) => b !== 0)).toBe(true);
    expect(hiddenWeights({ scheme: 'zeros' }).params.every((v) => v === 0)).toBe(true);
  });

  it('the gain defaults to calculate_gain of the hidden activation; the output layer uses 1; a given gain replaces the hidden one', () => {
    const outputOffset = layout.weightOffset[1]!;
    const outputCount = FAN_OUT * 7;
    for (const [activation, expected] of [['tanh', 5 / 3], ['sigmoid', 1], ['relu', Math.SQRT2], ['gelu', 1]] as const) {
      const params = initialParameters(layout, activation, { ...DEFAULT_INIT, scheme: 'kaiming_normal' }, 5);
      expectVariance(params.subarray(0, n), expected ** 2 / FAN_IN, 'normal');
    }
    const params = initialParameters(layout, 'tanh', { ...DEFAULT_INIT, scheme: 'kaiming_uniform', gain: 3 }, 5);
    expectVariance(params.subarray(0, n), (3 * Math.sqrt(3 / FAN_IN)) ** 2 / 3, 'uniform');
    // the output layer: gain 1 whatever the activation or the given gain
    const output = params.subarray(outputOffset, outputOffset + outputCount);
    expect(Math.max(...output.map(Math.abs))).toBeLessThanOrEqual(Math.sqrt(3 / FAN_OUT));
    expect(Math.max(...output.map(Math.abs))).toBeGreaterThan(0.99 * Math.sqrt(3 / FAN_OUT));
  });

  it('one seed gives the same weights every time; another seed others', () => {
    const a = hiddenWeights({ scheme: 'xavier_normal' }, 'tanh', 42).params;
    const b = hiddenWeights({ scheme: 'xavier_normal' }, 'tanh', 42).params;
    const c = hiddenWeights({ scheme: 'xavier_normal' }, 'tanh', 43).params;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.some((value, k) => value !== c[k])).toBe(true);
  });
});
