/**
 * Losses of the dense engine, PyTorch's reduction='mean':
 * - `mse`: nn.MSELoss, the mean of (y_hat - y)^2 over every output of every sample;
 *   dL/dy_hat = 2 (y_hat - y) / (N K).
 * - `cross_entropy`: nn.CrossEntropyLoss on logits with integer class targets, softmax + NLL,
 *   the mean over the batch: L = (1/N) sum_n (log sum_k e^{z_nk} - z_{n,y_n});
 *   dL/dz = (softmax(z) - onehot(y)) / N.
 */
export const LOSSES = ['mse', 'cross_entropy'] as const;
export type LossName = (typeof LOSSES)[number];

/**
 * Targets of `rows` samples: for mse [rows][K] values, for cross_entropy one class index per
 * row (stored as numbers). `indices` picks the rows of a batch (null: rows 0..count-1 in order).
 */
export interface Targets {
  loss: LossName;
  values: Float64Array;
  /** K: outputs per sample */
  outputs: number;
}

/** Mean loss of `count` output rows against targets rows `indices` (or 0..count-1); writes dL/d(output) into `gradient` when given. */
export function lossAndGradient(targets: Targets, output: Float64Array, count: number, indices: ArrayLike<number> | null, gradient: Float64Array | null): number {
  const k = targets.outputs;
  const values = targets.values;
  if (targets.loss === 'mse') {
    const scale = 1 / (count * k);
    let total = 0;
    for (let n = 0; n < count; n++) {
      const row = indices ? indices[n]! : n;
      for (let j = 0; j < k; j++) {
        const r = output[n * k + j]! - values[row * k + j]!;
        total += r * r;
        if (gradient) gradient[n * k + j] = 2 * r * scale;
      }
    }
    return total * scale;
  }
  let total = 0;
  for (let n = 0; n < count; n++) {
    const row = indices ? indices[n]! : n;
    const target = values[row]!;
    const base = n * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, output[base + j]!);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(output[base + j]! - max);
    const logSumExp = max + Math.log(sum);
    total += logSumExp - output[base + target]!;
    if (gradient) {
      for (let j = 0; j < k; j++) gradient[base + j] = (Math.exp(output[base + j]! - logSumExp) - (j === target ? 1 : 0)) / count;
    }
  }
  return total / count;
}
