import { createRandom, normalSample } from '../random';
import { calculateGain, type Activation } from './activation';
import type { MlpLayout } from './mlp';

/**
 * Initialisation schemes, exactly nn.init's definitions (fan_in = inputs of the layer,
 * fan_out = its outputs), drawn from the project's seeded generator (random.ts, normals by
 * Box–Muller). PyTorch's own generator cannot be matched bit for bit, so the same seed gives
 * the same weights here every time, from PyTorch's distributions, not PyTorch's numbers.
 */
export const INIT_SCHEMES = ['zeros', 'uniform', 'normal', 'lecun_normal', 'xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal', 'pytorch_default'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

/** Schemes that take a gain (the others reject one). */
export const GAIN_SCHEMES: readonly InitScheme[] = ['xavier_uniform', 'xavier_normal', 'kaiming_uniform', 'kaiming_normal'];

export interface InitConfig {
  scheme: InitScheme;
  /** uniform: U(-a, a); default 0.5 */
  a: number;
  /** normal: N(0, std^2); default 1 */
  std: number;
  /** The hidden layers' gain; null: nn.init.calculate_gain of the activation. The output layer's gain is 1. */
  gain: number | null;
}

export const DEFAULT_INIT: InitConfig = { scheme: 'pytorch_default', a: 0.5, std: 1, gain: null };

/** The distribution of one layer's weights and biases. */
export interface LayerInit {
  weights: { kind: 'zeros' } | { kind: 'uniform'; bound: number } | { kind: 'normal'; std: number };
  /** Biases are zero unless the scheme draws them (nn.Linear's default does). */
  biases: { kind: 'zeros' } | { kind: 'uniform'; bound: number };
  gain: number | null;
}

/** The gain of layer `layer` (0-based) of `layers`: the hidden activation's, or 1 for the linear output layer. */
export function layerGain(init: InitConfig, activation: Activation, layer: number, layers: number): number {
  if (layer === layers - 1) return 1;
  return init.gain ?? calculateGain(activation);
}

/** nn.init's formula for one layer. */
export function layerInit(init: InitConfig, activation: Activation, fanIn: number, fanOut: number, layer: number, layers: number): LayerInit {
  const gain = layerGain(init, activation, layer, layers);
  const zeros = { kind: 'zeros' } as const;
  switch (init.scheme) {
    case 'zeros':
      return { weights: zeros, biases: zeros, gain: null };
    case 'uniform':
      return { weights: { kind: 'uniform', bound: init.a }, biases: zeros, gain: null };
    case 'normal':
      return { weights: { kind: 'normal', std: init.std }, biases: zeros, gain: null };
    case 'lecun_normal':
      return { weights: { kind: 'normal', std: 1 / Math.sqrt(fanIn) }, biases: zeros, gain: null };
    case 'xavier_uniform':
      return { weights: { kind: 'uniform', bound: gain * Math.sqrt(6 / (fanIn + fanOut)) }, biases: zeros, gain };
    case 'xavier_normal':
      return { weights: { kind: 'normal', std: gain * Math.sqrt(2 / (fanIn + fanOut)) }, biases: zeros, gain };
    case 'kaiming_uniform':
      return { weights: { kind: 'uniform', bound: gain * Math.sqrt(3 / fanIn) }, biases: zeros, gain };
    case 'kaiming_normal':
      return { weights: { kind: 'normal', std: gain / Math.sqrt(fanIn) }, biases: zeros, gain };
    case 'pytorch_default': {
      // nn.Linear.reset_parameters: kaiming_uniform_(a=sqrt(5)) is U(+-1/sqrt(fan_in)); the bias the same bound.
      const bound = 1 / Math.sqrt(fanIn);
      return { weights: { kind: 'uniform', bound }, biases: { kind: 'uniform', bound }, gain: null };
    }
  }
}

/**
 * Every weight and bias, layer by layer (weight [out][in] row-major, then bias, as nn.Linear
 * draws them), from one generator seeded with `seed`.
 */
export function initialParameters(layout: MlpLayout, activation: Activation, init: InitConfig, seed: number): Float64Array {
  const params = new Float64Array(layout.parameterCount);
  const random = createRandom(seed);
  for (let l = 0; l < layout.layers; l++) {
    const fanIn = layout.sizes[l]!;
    const fanOut = layout.sizes[l + 1]!;
    const spec = layerInit(init, activation, fanIn, fanOut, l, layout.layers);
    const w = layout.weightOffset[l]!;
    const count = fanIn * fanOut;
    const weights = spec.weights;
    if (weights.kind === 'uniform') {
      // torch.Tensor.uniform_(from, to): from + (to - from) * u
      for (let k = 0; k < count; k++) params[w + k] = -weights.bound + 2 * weights.bound * random();
    } else if (weights.kind === 'normal') {
      for (let k = 0; k < count; k++) params[w + k] = weights.std * normalSample(random);
    }
    const biases = spec.biases;
    if (biases.kind === 'uniform') {
      const b = layout.biasOffset[l]!;
      for (let k = 0; k < fanOut; k++) params[b + k] = -biases.bound + 2 * biases.bound * random();
    }
  }
  return params;
}
