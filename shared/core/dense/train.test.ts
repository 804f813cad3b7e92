import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { gradientFlow } from './gradient-flow';
import type { DenseFailure } from './issues';
import { createWorkspace, forward, mlpLayout } from './mlp';
import { trainNetwork, type TrainResult } from './train';

async function train(run: unknown): Promise<TrainResult> {
  const result = await trainNetwork({ run, tensors: true });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  return result;
}

async function issues(run: unknown): Promise<DenseFailure['issues']> {
  const result = await trainNetwork({ run });
  if (result.ok) throw new Error('expected issues');
  return result.issues;
}

/** y = w x + b, one sample x = 1, t = 0, starting at w = 2, b = 1. */
const LINE = { input_dim: 1, widths: [], weights: [[[2]]], biases: [[1]], data: { x: [[1]], y: [[0]] }, epochs: 1 };

describe('training: hand-worked runs', () => {
  it('SGD with weight decay (coupled L2): y = 3, L = 9, g = 6 for w and b; w = 2 - 0.1 (6 + 0.5 * 2) = 1.3, b = 1 - 0.1 (6 + 0.5 * 1) = 0.35', async () => {
    const result = await train({ ...LINE, optimizer: { type: 'sgd', lr: 0.1, weight_decay: 0.5 } });
    expect(result.epochs[0]).toEqual({ epoch: 0, train_loss: 9 });
    expect(result.tensors!.final.weights[0]![0]![0]).toBeCloseTo(1.3, 15);
    expect(result.tensors!.final.biases[0]![0]).toBeCloseTo(0.35, 15);
    expect(result.epochs[1]!.train_loss).toBeCloseTo(1.65 ** 2, 14);
    expect(result.tensors!.initial).toEqual({ weights: [[[2]]], biases: [[1]] });
  });

  it('Adam with weight decay: the first step moves each parameter by lr against the sign of g + wd w (m/sqrt(v) = 1)', async () => {
    const result = await train({ ...LINE, optimizer: { type: 'adam', lr: 0.1, weight_decay: 0.5 } });
    expect(result.tensors!.final.weights[0]![0]![0]).toBeCloseTo(1.9, 7);
    expect(result.tensors!.final.biases[0]![0]).toBeCloseTo(0.9, 7);
  });

  /**
   * Early stopping: y = w x + b from 0, train x = 1, t = 1; validation x = 1, t = 0.5; SGD lr 0.125.
   * s = w + b moves s <- s - 0.125 * 2 * 2 (s - 1) = (s + 1) / 2: 0, 0.5, 0.75, 0.875.
   * Validation (s - 0.5)^2: 0.25, 0, 0.0625, 0.140625: best epoch 1; patience 2 stops after epoch 3
   * and restores w = b = 0.25.
   */
  it('early stopping: the strictly lowest validation loss wins, training stops after `patience` epochs without one, the best weights come back', async () => {
    const run = { input_dim: 1, widths: [], weights: [[[0]]], biases: [[0]], data: { x: [[1]], y: [[1]], validation: { x: [[1]], y: [[0.5]] } }, optimizer: { type: 'sgd', lr: 0.125 }, epochs: 50, early_stopping: { patience: 2 } };
    const result = await train(run);
    expect(result.epochs).toEqual([
      { epoch: 0, train_loss: 1, validation_loss: 0.25 },
      { epoch: 1, train_loss: 0.25, validation_loss: 0 },
      { epoch: 2, train_loss: 0.0625, validation_loss: 0.0625 },
      { epoch: 3, train_loss: 0.015625, validation_loss: 0.140625 },
    ]);
    expect(result.best_epoch).toBe(1);
    expect(result.tensors!.final).toEqual({ weights: [[[0.25]]], biases: [[0.25]] });
    // a tie is no improvement: with t = 0.5 on both sets and lr 0.25, s jumps to 0.5 (loss 0) in epoch 1 and stays
    const ties = await train({ ...run, data: { x: [[1]], y: [[0.5]], validation: { x: [[1]], y: [[0.5]] } }, optimizer: { type: 'sgd', lr: 0.25 }, early_stopping: { patience: 3 } });
    // epochs 2, 3 and 4 tie epoch 1's 0: patience 3 stops after epoch 4
    expect(ties.epochs).toHaveLength(5);
    expect(ties.best_epoch).toBe(1);
  });

  it('early stopping can keep epoch 0 (before training) when training only makes validation worse', async () => {
    const result = await train({ input_dim: 1, widths: [], weights: [[[0]]], biases: [[0]], data: { x: [[1]], y: [[1]], validation: { x: [[1]], y: [[-1]] } }, optimizer: { type: 'sgd', lr: 0.1 }, epochs: 10, early_stopping: { patience: 1 } });
    expect(result.best_epoch).toBe(0);
    expect(result.epochs).toHaveLength(2);
    expect(result.tensors!.final).toEqual(result.tensors!.initial);
  });

  it('per step: log10(std(lr dL/dW) / std(W)) for SGD; null where a std is 0', async () => {
    // x = (1, 2), W = [1, 3], b = 0, t = 0: y = 7, dL/dW = 2 * 7 * (1, 2) = (14, 28); lr 0.01: update (-0.14, -0.28), std 0.07; std(W) = 1
    const result = await train({ input_dim: 2, widths: [], weights: [[[1, 3]]], biases: [[0]], data: { x: [[1, 2]], y: [[0]] }, optimizer: { type: 'sgd', lr: 0.01 }, epochs: 2, per_step: true });
    expect(result.steps).toHaveLength(2);
    expect(result.steps![0]!.loss).toBe(49);
    expect(result.steps![0]!.update_to_weight[0]).toBeCloseTo(Math.log10(0.07), 12);
    expect(result.steps![0]!.grad_weight_norm[0]).toBeCloseTo(Math.hypot(14, 28), 12);
    const single = await train({ ...LINE, optimizer: { type: 'sgd', lr: 0.1 }, per_step: true });
    expect(single.steps![0]!.update_to_weight).toEqual([null]);
  });

  it('minibatches: ceil(N / batch) steps per epoch, the last one smaller', async () => {
    const x = [[1], [2], [3], [4], [5]];
    const result = await train({ input_dim: 1, widths: [3], seed: 2, data: { x, y: x }, optimizer: { type: 'sgd', lr: 0.01 }, epochs: 3, batch_size: 2, per_step: true });
    expect(result.steps!.map((step) => step.epoch)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
  });

  it('a diverging run stops at the non-finite loss with a message', async () => {
    const result = await train({ input_dim: 1, widths: [], weights: [[[1]]], biases: [[0]], data: { x: [[100]], y: [[0]] }, optimizer: { type: 'sgd', lr: 10 }, epochs: 1000 });
    expect(result.stopped).toMatchObject({ reason: expect.stringMatching(/nan|infinity/) });
    expect(result.stopped!.message).toContain('diverged');
    expect(result.epochs.length).toBeLessThan(1001);
  });
});

describe('dropout', () => {
  const x = Array.from({ length: 16 }, (_, i) => [Math.sin(i), Math.cos(3 * i)]);
  const run = { input_dim: 2, widths: [8, 8], activation: 'tanh', seed: 5, data: { x, y: x.map(([a, b]) => [a! * b!]) }, optimizer: { type: 'adam', lr: 0.05 }, epochs: 6, batch_size: 4, shuffle: true, dropout: 0.5 };

  it('masks come from the seed: the same run twice is identical, another seed or no dropout differs', async () => {
    const first = await train(run);
    const second = await train(run);
    expect(second.epochs).toEqual(first.epochs);
    expect(second.tensors!.final).toEqual(first.tensors!.final);
    const noDropout = await train({ ...run, dropout: 0 });
    expect(noDropout.tensors!.initial).toEqual(first.tensors!.initial);
    expect(noDropout.epochs.at(-1)!.train_loss).not.toBe(first.epochs.at(-1)!.train_loss);
    const otherSeed = await train({ ...run, seed: 6 });
    expect(otherSeed.tensors!.initial).not.toEqual(first.tensors!.initial);
  });

  it('is off at evaluation: each epoch loss is the plain forward pass of that epoch\'s weights', async () => {
    const result = await train(run);
    const plain = await gradientFlow({ case: { input_dim: 2, widths: [8, 8], activation: 'tanh', weights: result.tensors!.final.weights, biases: result.tensors!.final.biases, data: run.data, loss: 'mse' } });
    expect(plain.ok && plain.loss).toBe(result.epochs.at(-1)!.train_loss);
  });

  it('is inverted dropout: about p of the hidden units zeroed, the rest scaled by 1 / (1 - p); the output layer never dropped', () => {
    const layout = mlpLayout([3, 200, 1]);
    const params = new Float64Array(layout.parameterCount).fill(0.1);
    const ws = createWorkspace(layout, 50, true);
    forward(layout, 'relu', params, new Float64Array(150).fill(1), 50, ws, { rate: 0.3, random: createRandom(1) });
    const mask = ws.mask[0]!;
    const zeros = mask.filter((m) => m === 0).length;
    expect(new Set(mask)).toEqual(new Set([0, 1 / 0.7]));
    // binomial(10,000, 0.3): mean 3,000, sd about 46
    expect(Math.abs(zeros - 3000)).toBeLessThan(5 * 46);
    expect(ws.mask[1]).toBeNull();
  });

  it('shuffling is seeded and reorders the minibatches; without shuffle the order is 0..N-1', async () => {
    const base = { ...run, dropout: 0, optimizer: { type: 'sgd', lr: 0.1 } };
    const shuffled = await train(base);
    expect((await train(base)).epochs).toEqual(shuffled.epochs);
    const ordered = await train({ ...base, shuffle: false });
    expect(ordered.epochs.at(-1)!.train_loss).not.toBe(shuffled.epochs.at(-1)!.train_loss);
  });
});

describe('training: bad runs are issues at their fields', () => {
  const ok = { input_dim: 1, widths: [2], data: { x: [[1]], y: [[1]] }, optimizer: { type: 'sgd', lr: 0.1 }, epochs: 2 };
  it('names the field and the limit', async () => {
    expect(await issues({ ...ok, early_stopping: { patience: 2 } })).toContainEqual(expect.objectContaining({ field: 'early_stopping', code: 'needs' }));
    expect(await issues({ ...ok, dropout: 1 })).toContainEqual(expect.objectContaining({ field: 'dropout', code: 'too_large', values: expect.objectContaining({ max: 1, exclusive: 1 }) }));
    expect(await issues({ ...ok, optimizer: { type: 'adam', beta1: 1 } })).toContainEqual(expect.objectContaining({ field: 'optimizer.beta1', code: 'too_large' }));
    expect(await issues({ ...ok, optimizer: { type: 'sgd', momentum: 0.9 } })).toContainEqual(expect.objectContaining({ field: 'optimizer', code: 'unknown_field', values: expect.objectContaining({ name: 'momentum' }) }));
    expect(await issues({ ...ok, optimizer: { type: 'lbfgs' } })).toContainEqual(expect.objectContaining({ field: 'optimizer.type', code: 'not_one_of' }));
    expect(await issues({ ...ok, epochs: 10_001 })).toContainEqual(expect.objectContaining({ field: 'epochs', code: 'too_large', values: expect.objectContaining({ max: 10_000 }) }));
    expect(await issues({ ...ok, widths: undefined, input_dim: 256, depth: 50, width: 256, data: { samples: 2000, seed: 1 }, epochs: 100 })).toContainEqual(expect.objectContaining({ field: 'epochs', code: 'too_much_work' }));
    expect(await issues({ ...ok, data: { x: [[1]], y: [[1]], validation: { x: [[1, 2]], y: [[1]] } } })).toContainEqual(expect.objectContaining({ field: 'data.validation.x[0]', code: 'wrong_length' }));
    expect(await issues({ ...ok, epochs: 10_000, per_step: true, data: { samples: 20, seed: 1 }, batch_size: 1 })).toContainEqual(expect.objectContaining({ field: 'per_step', code: 'too_much_work' }));
  });
});
