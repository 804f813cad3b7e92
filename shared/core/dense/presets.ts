/**
 * Presets of the dense labs, as data (the views and tests read them from here).
 */

/**
 * Telgarsky's sawtooth on [0, 1]: layer 1 h = relu([1; 1] x + [0; -1/2]), layers 2..k
 * h = relu([[2, -4], [2, -4]] h + [0; -1/2]), output y = 2 h_1 - 4 h_2. Each layer applies
 * the tent map t(x) = 2x on [0, 1/2], 2 - 2x on [1/2, 1], so y = t^k(x): 2^k linear pieces
 * from 6k + 1 parameters (one hidden layer of width n has at most n + 1 pieces, so it needs
 * 2^k - 1 units).
 */
export function sawtoothNetwork(k: number): { input_dim: 1; widths: number[]; weights: number[][][]; biases: number[][] } {
  const weights: number[][][] = [[[1], [1]]];
  const biases: number[][] = [[0, -0.5]];
  for (let l = 2; l <= k; l++) {
    weights.push([
      [2, -4],
      [2, -4],
    ]);
    biases.push([0, -0.5]);
  }
  weights.push([[2, -4]]);
  biases.push([0]);
  return { input_dim: 1, widths: Array.from({ length: k }, () => 2), weights, biases };
}

/** The tent map applied k times (the sawtooth's exact value). */
export function sawtoothValue(k: number, x: number): number {
  let y = x;
  for (let l = 0; l < k; l++) y = y <= 0.5 ? 2 * y : 2 - 2 * y;
  return y;
}

/** Largest sawtooth depth the regions engine takes (2^16 pieces). */
export const MAX_SAWTOOTH_DEPTH = 16;

/** What a gradient-flow preset shows: the gradient norm shrinking towards the input, staying put, or growing. */
export type FlowBehaviour = 'vanishing' | 'stable' | 'exploding';

export interface GradientFlowPreset {
  id: 'sigmoid_xavier' | 'tanh_small_init' | 'relu_he' | 'relu_normal' | 'linear_large';
  behaviour: FlowBehaviour;
  /** A gradient-flow case (the `gradient-flow` command's document). */
  case: {
    input_dim: number;
    depth: number;
    width: number;
    output_dim: number;
    activation: 'sigmoid' | 'tanh' | 'relu' | 'linear';
    init: string | { scheme: string; std?: number };
    seed: number;
    data: { samples: number; seed: number };
    loss: 'cross_entropy' | 'mse';
  };
}

const common = { input_dim: 64, width: 64, output_dim: 10, seed: 0, data: { samples: 128, seed: 0 }, loss: 'cross_entropy' } as const;

/**
 * The five presets of the gradient-flow lab (Q2c) and the claims they settle: sigmoid's
 * derivative (at most 1/4) multiplied through 20 Xavier layers vanishes; tanh with weights
 * too small vanishes too; ReLU with He initialisation is stable; ReLU with N(0, 1) weights
 * explodes (the weight scale, not ReLU, is the cause: the same ReLU network with He weights
 * is the stable preset); a linear network with large weights explodes.
 */
export const GRADIENT_FLOW_PRESETS: readonly GradientFlowPreset[] = [
  { id: 'sigmoid_xavier', behaviour: 'vanishing', case: { ...common, depth: 20, activation: 'sigmoid', init: 'xavier_uniform' } },
  { id: 'tanh_small_init', behaviour: 'vanishing', case: { ...common, depth: 10, activation: 'tanh', init: { scheme: 'normal', std: 0.01 } } },
  { id: 'relu_he', behaviour: 'stable', case: { ...common, depth: 20, activation: 'relu', init: 'kaiming_normal' } },
  { id: 'relu_normal', behaviour: 'exploding', case: { ...common, depth: 20, activation: 'relu', init: { scheme: 'normal', std: 1 } } },
  { id: 'linear_large', behaviour: 'exploding', case: { ...common, depth: 20, activation: 'linear', init: { scheme: 'normal', std: 0.5 } } },
];
