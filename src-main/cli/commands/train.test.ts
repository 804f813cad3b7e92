import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

const line = { input_dim: 1, widths: [], weights: [[[2]]], biases: [[1]], data: { x: [[1]], y: [[0]] }, epochs: 2 };

describe('layerwise train', () => {
  it('--json: epochs + 1 entries (0 before any update), the initial and final weights (SGD with weight decay, hand-worked)', async () => {
    const { code, out, err } = await runCli(['train', '-', '--json'], JSON.stringify({ ...line, epochs: 1, optimizer: { type: 'sgd', lr: 0.1, weight_decay: 0.5 } }));
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.epochs).toHaveLength(2);
    expect(json.epochs[0]).toEqual({ epoch: 0, train_loss: 9 });
    expect(json.initial).toEqual({ weights: [[[2]]], biases: [[1]] });
    expect(json.final.weights[0][0][0]).toBeCloseTo(1.3, 15);
    expect(json.final.biases[0][0]).toBeCloseTo(0.35, 15);
    expect(json.best_epoch).toBeUndefined();
  });

  it('validation and early stopping: validation_loss per entry and best_epoch (the hand-worked run)', async () => {
    const run = { input_dim: 1, widths: [], weights: [[[0]]], biases: [[0]], data: { x: [[1]], y: [[1]], validation: { x: [[1]], y: [[0.5]] } }, optimizer: { type: 'sgd', lr: 0.125 }, epochs: 50, early_stopping: { patience: 2 } };
    const json = JSON.parse((await runCli(['train', '-', '--json'], JSON.stringify(run))).out);
    expect(json.epochs.map((entry: { validation_loss: number }) => entry.validation_loss)).toEqual([0.25, 0, 0.0625, 0.140625]);
    expect(json.best_epoch).toBe(1);
    expect(json.final).toEqual({ weights: [[[0.25]]], biases: [[0.25]] });
    const text = await runCli(['train', '-'], JSON.stringify(run));
    expect(text.out).toContain('best epoch: 1 (its weights restored)');
    expect(text.out).toMatch(/3\s+0\.015625\s+0\.140625/);
  });

  it('dropout, minibatches, shuffle and a seed: the same document gives the same trace', async () => {
    const x = Array.from({ length: 10 }, (_, i) => [i / 10, 1 - i / 10]);
    const run = { input_dim: 2, widths: [6], activation: 'tanh', init: 'xavier_uniform', seed: 3, data: { x, y: x.map(([a]) => [a!]) }, optimizer: { type: 'adam', lr: 0.05 }, epochs: 4, batch_size: 3, shuffle: true, dropout: 0.3 };
    const first = await runCli(['train', '-', '--json'], JSON.stringify(run));
    const second = await runCli(['train', '-', '--json'], JSON.stringify(run));
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    expect(JSON.parse(first.out).epochs).toHaveLength(5);
  });

  it('exits 2 naming the field, with the limit for sizes past it', async () => {
    const bad = await runCli(['train', '-', '--json'], JSON.stringify({ ...line, optimizer: { type: 'adam', lr: -1 }, epochs: 20_000, early_stopping: { patience: 1 } }));
    expect(bad.code).toBe(2);
    const errors = JSON.parse(bad.err).errors as string[];
    expect(errors).toContain('optimizer.lr: must be greater than 0, got -1');
    expect(errors).toContain('epochs: must be at most 10000, got 20000');
    const validation = await runCli(['train', '-'], JSON.stringify({ ...line, optimizer: { type: 'sgd' }, early_stopping: { patience: 1 } }));
    expect(validation.err).toContain('early_stopping: needs data.validation');
  });

  it('a diverging run is a trace with stopped (exit 0)', async () => {
    const { code, out } = await runCli(['train', '-', '--json'], JSON.stringify({ ...line, data: { x: [[100]], y: [[0]] }, optimizer: { type: 'sgd', lr: 10 }, epochs: 500 }));
    expect(code).toBe(0);
    expect(JSON.parse(out).stopped.message).toContain('diverged');
  });
});
