import type { OptimizerConfig } from './optimizers';

/** Per-sample loss l(t, y); the step's loss L reduces it over the step's samples. */
export type LossName = 'squared_error' | 'half_squared_error' | 'absolute_error';
export type Reduction = 'sum' | 'mean';
/** online: one sample per step; minibatch: `batch_size` samples per step; batch: every sample in one step per epoch. */
export type Mode = 'online' | 'minibatch' | 'batch';

/** One optimizer-stepper problem: the CLI's document, with every default filled in. */
export interface OptimizeProblem {
  /** e.g. `a*x1^2 + b*x2^2 + c*x1*x2 + d`: data columns are inputs, other names parameters. */
  model: string;
  /** Initial value of every parameter of the model. */
  params: Record<string, number>;
  data: { columns: string[]; rows: number[][] };
  /** The column holding t. */
  target: string;
  loss: LossName;
  reduction: Reduction;
  optimizer: OptimizerConfig;
  mode: Mode;
  /** Samples per step in minibatch mode (the last batch of an epoch may be smaller, as PyTorch's DataLoader without drop_last). */
  batch_size: number;
  epochs: number;
  /** Reorder the samples at the start of each epoch (online and minibatch), from `seed`. */
  shuffle: boolean;
  seed: number;
}

/** Most steps in one run; a longer run is refused with a message on `epochs`. */
export const MAX_STEPS = 10_000;
/** Most sample evaluations (steps x samples per step) in one run. */
export const MAX_SAMPLE_EVALUATIONS = 2_000_000;
/** |parameter| or loss above this counts as a blow-up and stops the run. */
export const BLOW_UP = 1e12;

/** l(t, y) and dl/dy (PyTorch's MSELoss, 0.5*MSE and L1Loss per element; sign(0) = 0). */
export function sampleLoss(loss: LossName, t: number, y: number): { value: number; dy: number } {
  const r = t - y;
  switch (loss) {
    case 'squared_error':
      return { value: r * r, dy: -2 * r };
    case 'half_squared_error':
      return { value: 0.5 * r * r, dy: -r };
    case 'absolute_error':
      return { value: Math.abs(r), dy: y > t ? 1 : y < t ? -1 : y === t ? 0 : Number.NaN };
  }
}

/** LaTeX of l(t, y). */
export function lossLatex(loss: LossName): string {
  switch (loss) {
    case 'squared_error':
      return '(t - y)^{2}';
    case 'half_squared_error':
      return '\\tfrac{1}{2}(t - y)^{2}';
    case 'absolute_error':
      return '\\lvert t - y \\rvert';
  }
}
