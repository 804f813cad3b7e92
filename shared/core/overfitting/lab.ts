import { progressPacer, type Cooperation } from '../cooperation';
import { ACTIVATIONS, type Activation } from '../dense/activation';
import { isCancellation, parameterCount } from '../dense/gradient-flow';
import { describeValue, formulaSyntaxValues, internalFailure, IssueCollector, type DenseFailure } from '../dense/issues';
import type { ParseErrorCode } from '../expr/parse';
import { evaluateOutputs } from '../dense/mlp';
import { readOptimizer } from '../dense/optimizer';
import { DEFAULT_INIT } from '../dense/init';
import { DENSE_LIMITS, type DataSet } from '../dense/spec';
import { Trainer, TRAIN_LIMITS, type EpochRecord, type TrainStop } from '../dense/train';
import type { OptimizerConfig } from '../optim/optimizers';
import { evenGrid } from '../regression/sampling';
import { readTruth } from '../regression/truth';
import { concatSets, DATASET_KINDS, drawLabData, splitCounts, type DatasetKind, type DatasetSpec } from './datasets';
import { onsetChanges, type Onset, type OnsetChange } from './onset';

/**
 * The overfitting lab (Q2b): a seeded data set split into training and validation, a small
 * MLP of the dense engine trained on it, and the same run with the remedies switched on
 * (dropout, weight decay, early stopping, a smaller model, more data) trained side by side,
 * an epoch of each in turn. Both runs start from the same seed; the remedied one differs only
 * by its remedies. Every epoch's training and validation loss, the onset of overfitting as the
 * epochs come in, and the fit (1-D) or the class probabilities (2-D) on a grid: in every
 * progress report and at snapshots spread over the run, for the view to play back.
 */
export interface LabRemedies {
  dropout: number;
  weightDecay: number;
  patience: number | null;
  smallerWidths: number[] | null;
  moreData: number;
}

export interface LabSpec {
  data: DatasetSpec;
  truthText: { text: string; latex: string } | null;
  widths: number[];
  activation: Activation;
  seed: number;
  optimizer: OptimizerConfig;
  epochs: number;
  batchSize: number | null;
  remedies: LabRemedies | null;
  grid: number;
  snapshots: number;
}

export const LAB_FIELDS = ['data', 'widths', 'activation', 'seed', 'optimizer', 'epochs', 'batch_size', 'remedies', 'grid', 'snapshots'] as const;
export const LAB_DATA_FIELDS = ['kind', 'noise', 'samples', 'validation', 'classes', 'seed', 'truth', 'domain'] as const;
export const LAB_REMEDY_FIELDS = ['dropout', 'weight_decay', 'early_stopping', 'smaller', 'more_data'] as const;

export const LAB_LIMITS = {
  minSamples: 4,
  maxSamples: 2000,
  maxExtra: 2000,
  maxEpochs: 5000,
  maxClasses: 5,
  maxGrid1d: 1000,
  maxGrid2d: 100,
  maxSnapshots: 200,
} as const;

/** Default noise of each set: enough that a large network can fit it and still generalise worse. */
export const DEFAULT_NOISE: Record<DatasetKind, number> = { regression: 0.3, moons: 0.25, circles: 0.15, xor: 0.2, spiral: 0.1, blobs: 0.5 };

function readData(c: IssueCollector, value: unknown): { spec: DatasetSpec; truthText: LabSpec['truthText'] } | null {
  const doc = c.object(value, 'data');
  if (!doc) return null;
  const before = c.issues.length;
  c.onlyFields(doc, 'data', LAB_DATA_FIELDS);
  const kind = c.oneOf(doc.kind, 'data.kind', DATASET_KINDS);
  const noise = c.optionalNumber(doc.noise, 'data.noise', DEFAULT_NOISE[kind], { min: 0, max: 10 });
  const samples = c.optionalInteger(doc.samples, 'data.samples', 100, { min: LAB_LIMITS.minSamples, max: LAB_LIMITS.maxSamples });
  const validation = c.optionalNumber(doc.validation, 'data.validation', 0.3, { min: 0, exclusiveMin: true });
  if (validation >= 1) c.add('data.validation', 'too_large', { max: 1, exclusive: 1, got: validation });
  const seed = c.optionalInteger(doc.seed, 'data.seed', 0, { min: 0, max: 4294967295 });
  let classes = kind === 'regression' ? 1 : 2;
  if (doc.classes !== undefined) {
    if (kind !== 'blobs') c.add('data.classes', 'needs', { other: 'data.kind = blobs' });
    else classes = c.integer(doc.classes, 'data.classes', { min: 2, max: LAB_LIMITS.maxClasses }, 3);
  } else if (kind === 'blobs') classes = 3;
  let domain: [number, number] = [0, 1];
  let truth: DatasetSpec['truth'] = null;
  let truthText: LabSpec['truthText'] = null;
  if (kind !== 'regression') {
    if (doc.truth !== undefined) c.add('data.truth', 'needs', { other: 'data.kind = regression' });
    if (doc.domain !== undefined) c.add('data.domain', 'needs', { other: 'data.kind = regression' });
  } else {
    if (doc.domain !== undefined) {
      const list = c.list(doc.domain, 'data.domain');
      if (list && list.length !== 2) c.add('data.domain', 'wrong_length', { expected: 2, actual: list.length, of: 'interval' });
      else if (list) {
        const lo = c.number(list[0], 'data.domain[0]');
        const hi = c.number(list[1], 'data.domain[1]', { min: -1e6, max: 1e6 });
        if (!(hi > lo)) c.add('data.domain[1]', 'too_small', { min: lo, exclusive: 1, got: hi });
        else domain = [lo, hi];
      }
    }
    const text = doc.truth === undefined ? 'sin' : doc.truth;
    if (typeof text !== 'string') c.add('data.truth', 'wrong_type', { expected: 'text', got: describeValue(text) });
    else {
      const read = readTruth(text, domain, 'data.truth');
      if (!read.ok && read.issue.code === 'formula_syntax') {
        // The truth's reader hands on the parser's code as `reason`, its values beside it.
        const { reason, detail: _detail, position, ...values } = read.issue.values;
        c.add('data.truth', 'bad_formula', formulaSyntaxValues({ code: reason as ParseErrorCode, values, position: Number(position ?? 0) }, read.issue.message));
      } else if (!read.ok) c.add('data.truth', 'bad_formula', { reason: read.issue.code === 'unknown_name' ? 'names' : 'syntax', detail: read.issue.message, ...(read.issue.code === 'unknown_name' ? { names: `"${String(read.issue.values.name)}"` } : {}), position: Number(read.issue.values.position ?? 0) });
      else {
        truth = read.truth.at;
        truthText = { text: read.truth.text, latex: read.truth.latex };
      }
    }
  }
  if (c.issues.length > before) return null;
  return { spec: { kind, noise, samples, validation, classes, seed, truth, domain }, truthText };
}

function readWidths(c: IssueCollector, value: unknown, field: string): number[] {
  const list = c.list(value, field, 4, 'hidden_layers');
  if (!list) return [];
  if (list.length === 0) c.add(field, 'too_small', { min: 1, got: 0 });
  return list.map((width, i) => c.integer(width, `${field}[${i}]`, { min: 1, max: 128 }, 1));
}

function readRemedies(c: IssueCollector, value: unknown): LabRemedies | null {
  const doc = c.object(value, 'remedies', false);
  if (!doc) return null;
  c.onlyFields(doc, 'remedies', LAB_REMEDY_FIELDS);
  const dropout = c.optionalNumber(doc.dropout, 'remedies.dropout', 0, { min: 0 });
  if (dropout >= 1) c.add('remedies.dropout', 'too_large', { max: 1, exclusive: 1, got: dropout });
  const weightDecay = c.optionalNumber(doc.weight_decay, 'remedies.weight_decay', 0, { min: 0, max: 10 });
  let patience: number | null = null;
  const early = c.object(doc.early_stopping, 'remedies.early_stopping', false);
  if (early) {
    c.onlyFields(early, 'remedies.early_stopping', ['patience']);
    patience = c.integer(early.patience, 'remedies.early_stopping.patience', { min: 1, max: LAB_LIMITS.maxEpochs }, 1);
  }
  let smallerWidths: number[] | null = null;
  const smaller = c.object(doc.smaller, 'remedies.smaller', false);
  if (smaller) {
    c.onlyFields(smaller, 'remedies.smaller', ['widths']);
    smallerWidths = readWidths(c, smaller.widths, 'remedies.smaller.widths');
  }
  let moreData = 0;
  const more = c.object(doc.more_data, 'remedies.more_data', false);
  if (more) {
    c.onlyFields(more, 'remedies.more_data', ['samples']);
    moreData = c.integer(more.samples, 'remedies.more_data.samples', { min: 1, max: LAB_LIMITS.maxExtra }, 1);
  }
  const any = dropout > 0 || weightDecay > 0 || patience !== null || smallerWidths !== null || moreData > 0;
  return any ? { dropout, weightDecay, patience, smallerWidths, moreData } : null;
}

/** Reads an overfitting lab document. Never throws. */
export function checkOverfittingLab(value: unknown): { ok: true; value: LabSpec } | DenseFailure {
  try {
    const c = new IssueCollector();
    const doc = c.object(value, '');
    if (!doc) return c.failure();
    c.onlyFields(doc, '', LAB_FIELDS);
    const data = readData(c, doc.data);
    const widths = doc.widths === undefined ? [16, 16] : readWidths(c, doc.widths, 'widths');
    const activation = c.oneOf(doc.activation, 'activation', ACTIVATIONS, 'relu');
    const seed = c.optionalInteger(doc.seed, 'seed', 0, { min: 0, max: 4294967295 });
    const optimizer: OptimizerConfig = doc.optimizer === undefined ? { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 } : readOptimizer(c, doc.optimizer);
    if (optimizer.weight_decay !== undefined && optimizer.weight_decay > 0) c.add('optimizer.weight_decay', 'exclusive_fields', { other: 'remedies.weight_decay' });
    const epochs = c.optionalInteger(doc.epochs, 'epochs', 500, { min: 1, max: LAB_LIMITS.maxEpochs });
    let batchSize: number | null = null;
    if (doc.batch_size !== undefined) batchSize = c.integer(doc.batch_size, 'batch_size', { min: 1, max: DENSE_LIMITS.maxSamples }, 1);
    const remedies = readRemedies(c, doc.remedies);
    const oneD = data?.spec.kind === 'regression';
    const grid = c.optionalInteger(doc.grid, 'grid', oneD ? 200 : 40, { min: 2, max: oneD ? LAB_LIMITS.maxGrid1d : LAB_LIMITS.maxGrid2d });
    const snapshots = c.optionalInteger(doc.snapshots, 'snapshots', 50, { min: 1, max: LAB_LIMITS.maxSnapshots });
    if (!data || c.failed) return c.failure();
    const inputs = oneD ? 1 : 2;
    const outputs = oneD ? 1 : data.spec.classes;
    const counts = splitCounts(data.spec.samples, data.spec.validation);
    const baseWork = epochs * data.spec.samples * parameterCount([inputs, ...widths, outputs]);
    const remedyWork = remedies ? epochs * (data.spec.samples + remedies.moreData) * parameterCount([inputs, ...(remedies.smallerWidths ?? widths), outputs]) : 0;
    if (baseWork + remedyWork > TRAIN_LIMITS.maxWork) c.add('epochs', 'too_much_work', { value: baseWork + remedyWork, max: TRAIN_LIMITS.maxWork, measure: 'epochs_x_samples_x_parameters' });
    if (counts.train < 1) c.add('data.validation', 'too_large', { max: 1, exclusive: 1, got: data.spec.validation });
    if (c.failed) return c.failure();
    return { ok: true, value: { data: data.spec, truthText: data.truthText, widths, activation, seed, optimizer, epochs, batchSize, remedies, grid, snapshots } };
  } catch (error) {
    return internalFailure('overfittingLab (check)', error);
  }
}

/** The network on the grid: for regression its output, for classification the softmax probabilities [point][class]. */
export interface Surface {
  epoch: number;
  values: number[];
}

export interface LabRun {
  widths: number[];
  parameters: number;
  dropout: number;
  weight_decay: number;
  /** early stopping's patience, or null */
  patience: number | null;
  train_samples: number;
  /** entry e: the losses after epoch e (entry 0 before training), without dropout */
  epochs: EpochRecord[];
  /** early stopping: the epoch whose weights were restored; null without it */
  best_epoch: number | null;
  /** the onset as the epochs came in (see onset.ts); the last entry's holds for the whole run */
  onsets: OnsetChange[];
  onset: Onset | null;
  /** surfaces at epoch 0, every `every` epochs and the last epoch */
  surfaces: Surface[];
  /** the surface of the weights the run ends with (the best epoch's with early stopping) */
  final_surface: Surface;
  /** a non-finite loss ended the run (the message), or null */
  stopped: string | null;
  /** `stopped` as the code `diverged` with values (shared/messages/train-stops phrases it), or null */
  stopped_message: { code: 'diverged'; values: TrainStop['values'] } | null;
}

export interface LabPoints {
  /** [sample][input] */
  x: number[][];
  /** regression: targets; classification: class indices */
  y: number[];
}

/** What the runs are trained and drawn on: the same in the first progress report and in the result. */
export interface LabSetup {
  task: 'regression' | 'classification';
  classes: number;
  data: { train: LabPoints; validation: LabPoints; extra: LabPoints | null };
  /** regression: the true function and its values on the grid */
  truth: { text: string; latex: string; values: number[] } | null;
  /** grid of the surfaces: 1-D `x` points; 2-D `x` and `y` axes, values row by row, y rising, x rising within a row */
  grid: { x: number[]; y: number[] | null };
  /** epochs between two snapshots */
  every: number;
  /** the settings of the runs' epochs: the total asked for */
  total: number;
}

export interface OverfittingResult extends LabSetup {
  ok: true;
  baseline: LabRun;
  remedied: LabRun | null;
}

export interface RunProgress {
  /** epoch records since the previous report */
  epochs: EpochRecord[];
  surface: Surface;
  onset: Onset | null;
  best_epoch: number | null;
  finished: boolean;
}

export interface OverfittingProgress {
  kind: 'overfitting';
  /** in the first report only: the data and the grid, so a view draws before the result */
  setup?: LabSetup;
  baseline: RunProgress;
  remedied: RunProgress | null;
  done: number;
  total: number;
}

function plain(set: DataSet, inputs: number): LabPoints {
  const x: number[][] = [];
  for (let n = 0; n < set.rows; n++) x.push(Array.from(set.x.subarray(n * inputs, (n + 1) * inputs)));
  return { x, y: Array.from(set.targets.values) };
}

/** Softmax of each row of logits (K per row), in place. */
function softmaxRows(values: Float64Array, classes: number): Float64Array {
  for (let base = 0; base < values.length; base += classes) {
    let max = -Infinity;
    for (let k = 0; k < classes; k++) max = Math.max(max, values[base + k]!);
    let sum = 0;
    for (let k = 0; k < classes; k++) sum += Math.exp(values[base + k]! - max);
    for (let k = 0; k < classes; k++) values[base + k] = Math.exp(values[base + k]! - max) / sum;
  }
  return values;
}

/** The grid's axis around the data: the extent of every point, widened by a tenth on each side (half a unit if the points coincide). */
function axisAround(sets: DataSet[], column: number, count: number): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (const set of sets) {
    for (let n = 0; n < set.rows; n++) {
      const value = set.x[2 * n + column]!;
      lo = Math.min(lo, value);
      hi = Math.max(hi, value);
    }
  }
  const pad = hi > lo ? (hi - lo) / 10 : 0.5;
  return evenGrid([lo - pad, hi + pad], count);
}

/** The lab's data and how each of its runs is trained: one place for the lab and for the derivations of its numbers. */
export function prepareLab(spec: LabSpec) {
  const oneD = spec.data.kind === 'regression';
  const inputs = oneD ? 1 : 2;
  const classes = oneD ? 1 : spec.data.classes;
  const drawn = drawLabData(spec.data, spec.remedies?.moreData ?? 0);
  const trainer = (widths: number[], remedies: LabRemedies | null) =>
    new Trainer({
      network: { sizes: [inputs, ...widths, classes], activation: spec.activation, init: DEFAULT_INIT, seed: spec.seed, weights: null, biases: null },
      data: remedies && remedies.moreData > 0 ? concatSets(drawn.train, drawn.extra!) : drawn.train,
      validation: drawn.validation,
      loss: oneD ? 'mse' : 'cross_entropy',
      optimizer: remedies && remedies.weightDecay > 0 ? { ...spec.optimizer, weight_decay: remedies.weightDecay } : spec.optimizer,
      epochs: spec.epochs,
      batchSize: spec.batchSize,
      shuffle: spec.batchSize !== null,
      dropout: remedies?.dropout ?? 0,
      earlyStopping: remedies?.patience != null ? { patience: remedies.patience } : null,
      perStep: false,
    });
  return { oneD, inputs, classes, drawn, trainer };
}

/**
 * The lab's report interval: 25 a second. The view redraws the surface from every report and
 * the issue asks for at least 20 a second; the shared 50 ms pace reaches 20 only when every
 * epoch ends exactly on time, so the lab paces a little faster to stay above it.
 */
export const LAB_PROGRESS_INTERVAL_MS = 40;

/** Trains the lab's runs side by side. Asynchronous and cooperative, with progress at most every 40 ms. */
export async function overfittingLab(request: { lab: unknown }, cooperation?: Cooperation): Promise<OverfittingResult | DenseFailure> {
  const checked = checkOverfittingLab((request as { lab?: unknown } | undefined)?.lab);
  if (!checked.ok) return checked;
  const spec = checked.value;
  try {
    const { oneD, inputs, classes, drawn, trainer } = prepareLab(spec);
    const everyPoint = [drawn.train, drawn.validation, ...(drawn.extra ? [drawn.extra] : [])];
    let gridX: Float64Array;
    let gridY: Float64Array | null = null;
    let gridInputs: Float64Array;
    if (oneD) {
      gridX = evenGrid(spec.data.domain, spec.grid);
      gridInputs = gridX;
    } else {
      gridX = axisAround(everyPoint, 0, spec.grid);
      gridY = axisAround(everyPoint, 1, spec.grid);
      gridInputs = new Float64Array(2 * spec.grid * spec.grid);
      for (let j = 0; j < spec.grid; j++) {
        for (let i = 0; i < spec.grid; i++) {
          gridInputs[2 * (j * spec.grid + i)] = gridX[i]!;
          gridInputs[2 * (j * spec.grid + i) + 1] = gridY[j]!;
        }
      }
    }
    const gridRows = oneD ? spec.grid : spec.grid * spec.grid;
    const surfaceOf = (t: Trainer): Surface => {
      const outputs = evaluateOutputs(t.layout, spec.activation, t.params, gridInputs, gridRows);
      return { epoch: t.epochsDone, values: Array.from(oneD ? outputs : softmaxRows(outputs, classes)) };
    };
    const every = Math.max(1, Math.ceil(spec.epochs / spec.snapshots));
    interface Tracked {
      trainer: Trainer;
      widths: number[];
      remedies: LabRemedies | null;
      surfaces: Surface[];
      sent: number;
    }
    const track = (widths: number[], remedies: LabRemedies | null): Tracked => {
      const t = trainer(widths, remedies);
      return { trainer: t, widths, remedies, surfaces: [surfaceOf(t)], sent: 0 };
    };
    const runs: Tracked[] = [track(spec.widths, null)];
    if (spec.remedies) runs.push(track(spec.remedies.smallerWidths ?? spec.widths, spec.remedies));
    const snapshot = (run: Tracked) => {
      const t = run.trainer;
      if (run.surfaces.at(-1)!.epoch === t.epochsDone) return run.surfaces.at(-1)!;
      const surface = surfaceOf(t);
      if (t.epochsDone % every === 0 || t.finished) run.surfaces.push(surface);
      return surface;
    };
    const setup: LabSetup = {
      task: oneD ? 'regression' : 'classification',
      classes: oneD ? 0 : classes,
      data: { train: plain(drawn.train, inputs), validation: plain(drawn.validation, inputs), extra: drawn.extra ? plain(drawn.extra, inputs) : null },
      truth: oneD && spec.truthText ? { ...spec.truthText, values: Array.from(gridX, (x) => spec.data.truth!(x)) } : null,
      grid: { x: Array.from(gridX), y: gridY ? Array.from(gridY) : null },
      every,
      total: spec.epochs,
    };
    let setupSent = false;
    const pacer = progressPacer(cooperation, LAB_PROGRESS_INTERVAL_MS);
    const progressOf = (run: Tracked): RunProgress => {
      const t = run.trainer;
      const changes = onsetChanges(t.epochs);
      const entry: RunProgress = { epochs: t.epochs.slice(run.sent), surface: snapshot(run), onset: changes.at(-1)!.onset, best_epoch: run.remedies?.patience != null ? t.bestEpoch : null, finished: t.finished };
      run.sent = t.epochs.length;
      return entry;
    };
    while (runs.some((run) => !run.trainer.finished)) {
      for (const run of runs) {
        if (run.trainer.finished) continue;
        await run.trainer.runEpoch(cooperation);
        if (run.trainer.epochsDone % every === 0 || run.trainer.finished) snapshot(run);
      }
      if (pacer.due()) {
        pacer.send({ kind: 'overfitting', ...(setupSent ? {} : { setup }), baseline: progressOf(runs[0]!), remedied: runs[1] ? progressOf(runs[1]) : null, done: Math.max(...runs.map((run) => run.trainer.epochsDone)), total: spec.epochs } satisfies OverfittingProgress);
        setupSent = true;
      }
    }
    const finish = (run: Tracked): LabRun => {
      const t = run.trainer;
      const changes = onsetChanges(t.epochs);
      const early = run.remedies?.patience != null;
      t.restoreBest();
      const final = surfaceOf(t);
      return {
        widths: run.widths,
        parameters: t.layout.parameterCount,
        dropout: run.remedies?.dropout ?? 0,
        weight_decay: run.remedies?.weightDecay ?? 0,
        patience: run.remedies?.patience ?? null,
        train_samples: t.run.data.rows,
        epochs: t.epochs,
        best_epoch: early ? t.bestEpoch : null,
        onsets: changes,
        onset: changes.at(-1)!.onset,
        surfaces: run.surfaces,
        final_surface: { epoch: early ? t.bestEpoch : t.epochsDone, values: final.values },
        stopped: t.stopped?.message ?? null,
        stopped_message: t.stopped ? { code: 'diverged', values: t.stopped.values } : null,
      };
    };
    return {
      ok: true,
      ...setup,
      baseline: finish(runs[0]!),
      remedied: runs[1] ? finish(runs[1]) : null,
    };
  } catch (error) {
    if (isCancellation(error)) throw error;
    return internalFailure('overfittingLab', error);
  }
}
