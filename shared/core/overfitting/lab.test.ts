import { describe, expect, it } from 'vitest';
import { evaluateOutputs, mlpLayout } from '../dense/mlp';
import { trainNetwork, type TrainResult } from '../dense/train';
import { checkOverfittingLab, overfittingLab, type OverfittingProgress, type OverfittingResult } from './lab';

async function lab(document: unknown, onProgress?: (progress: OverfittingProgress) => void): Promise<OverfittingResult> {
  const cooperation = onProgress ? { checkpoint: () => Promise.resolve(), progress: (partial: unknown) => onProgress(partial as OverfittingProgress) } : undefined;
  const result = await overfittingLab({ lab: document }, cooperation);
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  return result;
}

/** The same run through the `train` engine, on the lab's own data. */
async function trained(result: OverfittingResult, run: Record<string, unknown>): Promise<TrainResult> {
  const classification = result.task === 'classification';
  const y = (values: number[]) => (classification ? values : values.map((value) => [value]));
  const answer = await trainNetwork({
    run: {
      input_dim: classification ? 2 : 1,
      output_dim: classification ? result.classes : 1,
      loss: classification ? 'cross_entropy' : 'mse',
      data: { x: result.data.train.x, y: y(result.data.train.y), validation: { x: result.data.validation.x, y: y(result.data.validation.y) } },
      ...run,
    },
    tensors: true,
  });
  if (!answer.ok) throw new Error(JSON.stringify(answer.issues));
  return answer;
}

const MOONS = { data: { kind: 'moons', samples: 40, noise: 0.3, seed: 3 }, widths: [12, 12], epochs: 60, seed: 5, grid: 9, snapshots: 6 };
const ADAM = { type: 'adam', lr: 0.01 };

describe('overfitting lab: the runs are the train engine\'s', () => {
  it('the baseline: the same losses as `train` on the same data, seed and optimizer; the surface is the softmax of the trained net on the grid', async () => {
    const result = await lab(MOONS);
    const reference = await trained(result, { widths: [12, 12], seed: 5, epochs: 60, optimizer: ADAM });
    expect(result.baseline.epochs).toEqual(reference.epochs);
    expect(result.remedied).toBeNull();
    const { x, y } = result.grid;
    expect(x).toHaveLength(9);
    expect(y).toHaveLength(9);
    // Row j, column i is the point (x_i, y_j).
    const points = new Float64Array(2 * 81);
    for (let j = 0; j < 9; j++) for (let i = 0; i < 9; i++) points.set([x[i]!, y![j]!], 2 * (9 * j + i));
    const layout = mlpLayout([2, 12, 12, 2]);
    const params = new Float64Array(layout.parameterCount);
    reference.tensors!.final.weights.forEach((layer, l) => params.set(layer.flat(), layout.weightOffset[l]!));
    reference.tensors!.final.biases.forEach((layer, l) => params.set(layer, layout.biasOffset[l]!));
    const logits = evaluateOutputs(layout, 'relu', params, points, 81);
    const surface = result.baseline.final_surface;
    expect(surface.epoch).toBe(60);
    for (let p = 0; p < 81; p++) {
      const [a, b] = [logits[2 * p]!, logits[2 * p + 1]!];
      expect(surface.values[2 * p + 1]).toBeCloseTo(1 / (1 + Math.exp(a - b)), 12);
      expect(surface.values[2 * p]! + surface.values[2 * p + 1]!).toBeCloseTo(1, 14);
    }
  });

  it('the grid spans every point with a tenth of the extent to spare', async () => {
    const result = await lab(MOONS);
    const xs = [...result.data.train.x, ...result.data.validation.x].map((point) => point[0]!);
    const [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    expect(result.grid.x[0]).toBeCloseTo(lo - (hi - lo) / 10, 12);
    expect(result.grid.x.at(-1)).toBeCloseTo(hi + (hi - lo) / 10, 12);
  });

  it('remedies: dropout and weight decay are the train engine\'s `dropout` and coupled `weight_decay`; the baseline runs without them beside', async () => {
    const result = await lab({ ...MOONS, remedies: { dropout: 0.25, weight_decay: 0.01 } });
    const baseline = await trained(result, { widths: [12, 12], seed: 5, epochs: 60, optimizer: ADAM });
    const remedied = await trained(result, { widths: [12, 12], seed: 5, epochs: 60, optimizer: { ...ADAM, weight_decay: 0.01 }, dropout: 0.25 });
    expect(result.baseline.epochs).toEqual(baseline.epochs);
    expect(result.remedied!.epochs).toEqual(remedied.epochs);
    expect(result.remedied!.epochs.at(-1)!.validation_loss).not.toBe(result.baseline.epochs.at(-1)!.validation_loss);
    expect(result.remedied).toMatchObject({ dropout: 0.25, weight_decay: 0.01, patience: null, best_epoch: null });
  });

  it('early stopping: stops `patience` epochs after the strictly lowest validation loss, marks that epoch and ends with its weights', async () => {
    const result = await lab({ ...MOONS, data: { ...MOONS.data, noise: 0.4 }, widths: [32, 32], epochs: 400, remedies: { early_stopping: { patience: 20 } } });
    const run = result.remedied!;
    const losses = run.epochs.map((entry) => entry.validation_loss!);
    const lowest = losses.indexOf(Math.min(...losses));
    expect(run.best_epoch).toBe(lowest);
    expect(run.epochs.length - 1).toBe(lowest + 20);
    expect(run.final_surface.epoch).toBe(lowest);
    const reference = await trained(result, { widths: [32, 32], seed: 5, epochs: 400, optimizer: ADAM, early_stopping: { patience: 20 } });
    expect(reference.best_epoch).toBe(lowest);
    expect(run.epochs).toEqual(reference.epochs);
    // The baseline trains on to the end and overfits: its onset is the same lowest epoch.
    expect(result.baseline.epochs).toHaveLength(401);
    expect(result.baseline.onset!.start.epoch).toBe(lowest);
  });

  it('a smaller model and more data: the remedied run\'s widths and training set', async () => {
    const result = await lab({ ...MOONS, remedies: { smaller: { widths: [3] }, more_data: { samples: 30 } } });
    expect(result.remedied).toMatchObject({ widths: [3], parameters: 2 * 3 + 3 + 3 * 2 + 2, train_samples: 28 + 30 });
    expect(result.baseline.train_samples).toBe(28);
    expect(result.data.extra!.x).toHaveLength(30);
  });

  it('regression: the fit on an even grid over the domain, the true function beside it', async () => {
    const result = await lab({ data: { kind: 'regression', truth: 'sin', samples: 20, noise: 0.1, domain: [0, 1] }, widths: [8], epochs: 5, grid: 11 });
    expect(result.task).toBe('regression');
    expect(result.grid.x).toEqual(Array.from({ length: 11 }, (_, i) => (i === 10 ? 1 : i / 10)));
    expect(result.grid.y).toBeNull();
    expect(result.truth!.text).toBe('sin(2*pi*x)');
    result.grid.x.forEach((x, i) => expect(result.truth!.values[i]).toBeCloseTo(Math.sin(2 * Math.PI * x), 14));
    expect(result.baseline.final_surface.values).toHaveLength(11);
  });
});

describe('overfitting lab: snapshots and progress', () => {
  it('snapshots at epoch 0, every ceil(epochs / snapshots) epochs and the last', async () => {
    const result = await lab({ ...MOONS, epochs: 25, snapshots: 4 });
    expect(result.every).toBe(7);
    expect(result.baseline.surfaces.map((surface) => surface.epoch)).toEqual([0, 7, 14, 21, 25]);
  });

  it('progress reports carry the new epochs of both runs (in order, none twice) and each run\'s surface now', async () => {
    const reports: OverfittingProgress[] = [];
    const result = await lab({ ...MOONS, widths: [64, 64], epochs: 600, remedies: { dropout: 0.2 } }, (report) => reports.push(report));
    expect(reports.length).toBeGreaterThan(0);
    const seen = reports.flatMap((report) => report.baseline.epochs);
    expect(seen).toEqual(result.baseline.epochs.slice(0, seen.length));
    expect(reports[0]!.setup).toMatchObject({ task: 'classification', classes: 2, total: 600, grid: result.grid, data: result.data });
    expect(reports.slice(1).every((report) => report.setup === undefined)).toBe(true);
    const last = reports.at(-1)!;
    expect(last.total).toBe(600);
    expect(last.baseline.surface.epoch).toBe(seen.at(-1)!.epoch);
    expect(last.baseline.surface.values).toHaveLength(2 * 81);
    expect(last.remedied!.epochs.length).toBeGreaterThanOrEqual(0);
  });
});

describe('overfitting lab: bad documents name the field', () => {
  it.each([
    [{ data: { kind: 'rings' } }, 'data.kind'],
    [{ data: { kind: 'moons', samples: 2 } }, 'data.samples'],
    [{ data: { kind: 'moons', validation: 1 } }, 'data.validation'],
    [{ data: { kind: 'moons', classes: 3 } }, 'data.classes'],
    [{ data: { kind: 'regression', truth: 'sin(2*y)' } }, 'data.truth'],
    [{ data: { kind: 'moons' }, widths: [] }, 'widths'],
    [{ data: { kind: 'moons' }, remedies: { dropout: 1 } }, 'remedies.dropout'],
    [{ data: { kind: 'moons' }, remedies: { early_stopping: { patience: 0 } } }, 'remedies.early_stopping.patience'],
    [{ data: { kind: 'moons' }, optimizer: { type: 'sgd', weight_decay: 0.1 } }, 'optimizer.weight_decay'],
    [{ data: { kind: 'moons' }, colour: 'red' }, ''],
  ])('%j: an issue at %s', (document, field) => {
    const checked = checkOverfittingLab(document);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.map((issue) => issue.field)).toContain(field);
  });
});
