import { progressPacer, type Cooperation } from '../cooperation';
import { initialState, optimizerStepInPlace, type OptimizerConfig, type OptimizerState } from '../optim/optimizers';
import { createRandom, shuffleInPlace } from '../random';
import type { Activation } from './activation';
import { isCancellation, parameterCount } from './gradient-flow';
import { internalFailure, IssueCollector, joinPath, type DenseFailure } from './issues';
import { lossAndGradient, type LossName } from './loss';
import { backwardLayer, createWorkspace, evaluateOutputs, forwardLayer, nestedParameters, type DropoutPass, type MlpLayout, type Workspace } from './mlp';
import { meanStd, frobenius } from './numbers';
import { readOptimizer } from './optimizer';
import { buildParameters, checkBatchMemory, DENSE_LIMITS, NETWORK_FIELDS, readData, readLoss, readNetwork, type DataSet, type NetworkConfig } from './spec';

/**
 * Training runs as traces (the `train` command): PyTorch's loop over epochs, full batch or
 * minibatches in a seeded order (DataLoader without drop_last: the last batch may be
 * smaller), the step's loss the mean over its batch, one optimizer of shared/core/optim over
 * every weight and bias. Inverted dropout on the hidden layers while training only; every loss
 * in `epochs` is evaluated without dropout. Early stopping keeps the epoch with the strictly
 * lowest validation loss (epoch 0, before training, included) and restores its weights.
 *
 * One `seed` draws the initial weights, the shuffle order and the dropout masks, from three
 * separate streams of the one generator (changing `shuffle` does not change the weights).
 */
export interface TrainRun {
  network: NetworkConfig;
  data: DataSet;
  validation: DataSet | null;
  loss: LossName;
  optimizer: OptimizerConfig;
  epochs: number;
  /** null: full batch */
  batchSize: number | null;
  shuffle: boolean;
  /** rate p of nn.Dropout after every hidden activation (0: none) */
  dropout: number;
  earlyStopping: { patience: number } | null;
  /** Record every step (loss, update-to-weight ratios). */
  perStep: boolean;
}

export const TRAIN_FIELDS = [...NETWORK_FIELDS, 'data', 'loss', 'optimizer', 'epochs', 'batch_size', 'shuffle', 'dropout', 'early_stopping', 'per_step'] as const;

export const TRAIN_LIMITS = {
  maxEpochs: 10_000,
  /** epochs x (training + validation samples) x parameters */
  maxWork: 5e9,
  /** steps recorded with per_step */
  maxRecordedSteps: 20_000,
} as const;

/** Seeds of the shuffle and dropout streams, derived from the run's seed. */
const SHUFFLE_STREAM = 0x9e3779b9;
const DROPOUT_STREAM = 0x85ebca6b;

/** Reads a training run (the `train` command's document). Never throws. */
export function checkTrainRun(value: unknown): { ok: true; value: TrainRun } | DenseFailure {
  try {
    const c = new IssueCollector();
    const doc = c.object(value, '');
    if (!doc) return c.failure();
    c.onlyFields(doc, '', TRAIN_FIELDS);
    const loss = readLoss(c, doc.loss);
    const network = readNetwork(c, doc);
    const optimizer = readOptimizer(c, doc.optimizer);
    const epochs = c.integer(doc.epochs, 'epochs', { min: 1, max: TRAIN_LIMITS.maxEpochs }, 1);
    const shuffle = c.boolean(doc.shuffle, 'shuffle', false);
    const dropout = c.optionalNumber(doc.dropout, 'dropout', 0, { min: 0 });
    if (dropout >= 1) c.add('dropout', 'too_large', { max: 1, exclusive: 1, got: dropout });
    const perStep = c.boolean(doc.per_step, 'per_step', false);
    let earlyStopping: { patience: number } | null = null;
    if (doc.early_stopping !== undefined) {
      const early = c.object(doc.early_stopping, 'early_stopping');
      if (early) {
        c.onlyFields(early, 'early_stopping', ['patience']);
        earlyStopping = { patience: c.integer(early.patience, 'early_stopping.patience', { min: 1, max: TRAIN_LIMITS.maxEpochs }, 1) };
      }
    }
    if (!network || c.failed) return c.failure();
    const data = readData(c, doc.data, 'data', network.sizes, loss, ['validation']);
    const rawValidation = (doc.data as { validation?: unknown } | undefined)?.validation;
    const validation = data && rawValidation !== undefined ? readData(c, rawValidation, joinPath('data', 'validation'), network.sizes, loss) : null;
    if (!data || c.failed) return c.failure();
    if (earlyStopping && !validation) c.add('early_stopping', 'needs', { other: 'data.validation' });
    let batchSize: number | null = null;
    if (doc.batch_size !== undefined) batchSize = c.integer(doc.batch_size, 'batch_size', { min: 1, max: DENSE_LIMITS.maxSamples }, 1);
    const batchRows = Math.min(batchSize ?? data.rows, data.rows);
    checkBatchMemory(c, network.sizes, batchRows, batchSize === null ? 'data' : 'batch_size');
    const parameters = parameterCount(network.sizes);
    const work = epochs * (data.rows + (validation?.rows ?? 0)) * parameters;
    if (work > TRAIN_LIMITS.maxWork) {
      c.add('epochs', 'too_much_work', { value: work, max: TRAIN_LIMITS.maxWork, measure: 'epochs_x_samples_x_parameters' });
    }
    const steps = epochs * Math.ceil(data.rows / batchRows);
    if (perStep && steps > TRAIN_LIMITS.maxRecordedSteps) c.add('per_step', 'too_much_work', { value: steps, max: TRAIN_LIMITS.maxRecordedSteps, measure: 'recorded_steps' });
    if (c.failed) return c.failure();
    return { ok: true, value: { network, data, validation, loss, optimizer, epochs, batchSize, shuffle, dropout, earlyStopping, perStep } };
  } catch (error) {
    return internalFailure('trainNetwork (check)', error);
  }
}

/** Entry e: the losses after epoch e (entry 0 before any update), without dropout. */
export interface EpochRecord {
  epoch: number;
  train_loss: number;
  validation_loss?: number;
}

/** One optimizer step (with per_step). */
export interface StepRecord {
  /** 1-based */
  step: number;
  epoch: number;
  /** the batch's loss before the update (training mode: with dropout) */
  loss: number;
  /**
   * Per layer, log10(std(W_after - W_before) / std(W_before)): for plain SGD this is
   * log10(std(lr * dL/dW) / std(W)); null when a std is 0. The guide is -3.
   */
  update_to_weight: (number | null)[];
  /** ||dL/dW_l||_F per layer */
  grad_weight_norm: number[];
}

export interface TrainStop {
  epoch: number;
  step: number;
  reason: 'nan' | 'infinity';
  message: string;
  /** `message` as the values of shared/messages/train-stops' `diverged` (English word for word `message`). */
  values: { step: number; epoch: number; loss: string; lr: number };
}

export interface TrainResult {
  ok: true;
  sizes: number[];
  activation: Activation;
  parameters: number;
  epochs: EpochRecord[];
  steps?: StepRecord[];
  /** With early stopping: the epoch whose weights were restored (0 is before training). */
  best_epoch?: number;
  /** The run ended at a non-finite loss (the last step recorded shows it), or null. */
  stopped: TrainStop | null;
  /** With `tensors`: the initial and final weights and biases. */
  tensors?: { initial: { weights: number[][][]; biases: number[][] }; final: { weights: number[][][]; biases: number[][] } };
}

/** A partial trace while training runs: the records since the previous report. */
export interface TrainProgress {
  kind: 'train';
  epochs: EpochRecord[];
  steps: StepRecord[];
  /** epochs finished so far, and asked for */
  done: number;
  total: number;
}

/**
 * A training run stepped epoch by epoch (so two runs can advance side by side). All
 * parameters live in one vector; the optimizer steps them together (every torch.optim rule
 * is elementwise, so this is the same as per-tensor steps).
 */
export class Trainer {
  readonly layout: MlpLayout;
  readonly params: Float64Array;
  readonly initial: Float64Array;
  readonly epochs: EpochRecord[] = [];
  readonly steps: StepRecord[] = [];
  stopped: TrainStop | null = null;
  bestEpoch = 0;
  #best: { loss: number; params: Float64Array } | null = null;
  #wait = 0;
  #step = 0;
  readonly #grads: Float64Array;
  readonly #state: OptimizerState;
  readonly #ws: Workspace;
  readonly #order: number[];
  readonly #shuffle: () => number;
  readonly #dropout: DropoutPass | null;
  readonly #batchX: Float64Array;
  readonly #before: Float64Array | null;
  /**
   * Full batch without dropout: the whole-set loss of an epoch record is the next step's own
   * forward pass (same weights, same rows, same kernel, so the same numbers), so the record
   * runs that forward into the workspace and the step reuses it.
   */
  readonly #reuseForward: boolean;
  #forwardReady = false;

  constructor(readonly run: TrainRun) {
    const built = buildParameters(run.network);
    this.layout = built.layout;
    this.params = built.params;
    this.initial = Float64Array.from(built.params);
    this.#grads = new Float64Array(this.layout.parameterCount);
    this.#state = initialState(run.optimizer, this.layout.parameterCount);
    const batch = Math.min(run.batchSize ?? run.data.rows, run.data.rows);
    this.#ws = createWorkspace(this.layout, batch, run.dropout > 0);
    this.#order = Array.from({ length: run.data.rows }, (_, i) => i);
    this.#shuffle = createRandom((run.network.seed ^ SHUFFLE_STREAM) >>> 0);
    this.#dropout = run.dropout > 0 ? { rate: run.dropout, random: createRandom((run.network.seed ^ DROPOUT_STREAM) >>> 0) } : null;
    this.#batchX = new Float64Array(batch * this.layout.sizes[0]!);
    this.#before = run.perStep ? new Float64Array(this.layout.parameterCount) : null;
    this.#reuseForward = batch === run.data.rows && run.dropout === 0;
    this.#record(0);
  }

  /** Epochs finished. */
  get epochsDone(): number {
    return this.epochs.length - 1;
  }

  get finished(): boolean {
    return this.stopped !== null || this.epochsDone >= this.run.epochs || (this.run.earlyStopping !== null && this.#wait >= this.run.earlyStopping.patience);
  }

  /** Whole-set loss without dropout. */
  evaluate(data: DataSet, params: Float64Array = this.params): number {
    const outputs = evaluateOutputs(this.layout, this.run.network.activation, params, data.x, data.rows);
    return lossAndGradient(data.targets, outputs, data.rows, null, null);
  }

  #trainLoss(): number {
    if (!this.#reuseForward) return this.evaluate(this.run.data);
    const { layout, params } = this;
    const data = this.run.data;
    for (let l = 0; l < layout.layers; l++) forwardLayer(layout, this.run.network.activation, params, data.x, data.rows, this.#ws, l, null);
    this.#forwardReady = true;
    return lossAndGradient(data.targets, this.#ws.z[layout.layers - 1]!, data.rows, null, null);
  }

  #record(epoch: number): void {
    const entry: EpochRecord = { epoch, train_loss: this.#trainLoss() };
    if (this.run.validation) entry.validation_loss = this.evaluate(this.run.validation);
    this.epochs.push(entry);
    if (!this.run.earlyStopping) return;
    const loss = entry.validation_loss!;
    if (this.#best === null || loss < this.#best.loss) {
      this.#best = { loss, params: Float64Array.from(this.params) };
      this.bestEpoch = epoch;
      this.#wait = 0;
    } else this.#wait++;
  }

  /** One epoch of steps; yields to the host between steps (and between layers of a large one), calling `afterStep` after each. */
  async runEpoch(cooperation?: Cooperation, afterStep?: () => void): Promise<void> {
    if (this.finished) return;
    const { data } = this.run;
    const epoch = this.epochsDone + 1;
    const rows = data.rows;
    const batch = Math.min(this.run.batchSize ?? rows, rows);
    const order = this.#order;
    for (let i = 0; i < rows; i++) order[i] = i;
    if (this.run.shuffle && batch < rows) shuffleInPlace(order, this.#shuffle);
    const inputDim = this.layout.sizes[0]!;
    const big = cooperation !== undefined && batch * this.layout.parameterCount > 1 << 20;
    for (let start = 0; start < rows; start += batch) {
      const count = Math.min(batch, rows - start);
      let x = data.x;
      let indices: number[] | null = null;
      if (count !== rows || start !== 0 || this.run.shuffle) {
        indices = order.slice(start, start + count);
        for (let n = 0; n < count; n++) this.#batchX.set(data.x.subarray(indices[n]! * inputDim, (indices[n]! + 1) * inputDim), n * inputDim);
        x = this.#batchX;
      }
      const loss = await this.#trainStep(x, count, indices, epoch, big ? cooperation : undefined);
      if (!Number.isFinite(loss)) {
        this.stopped = {
          epoch,
          step: this.#step,
          reason: Number.isNaN(loss) ? 'nan' : 'infinity',
          message: `Stopped at step ${this.#step} (epoch ${epoch}): the loss became ${Number.isNaN(loss) ? 'NaN' : String(loss)}; the run diverged. Try a smaller learning rate than ${this.run.optimizer.lr}.`,
          values: { step: this.#step, epoch, loss: Number.isNaN(loss) ? 'NaN' : String(loss), lr: this.run.optimizer.lr },
        };
        break;
      }
      await cooperation?.checkpoint();
      afterStep?.();
    }
    this.#record(epoch);
  }

  async #trainStep(x: Float64Array, count: number, indices: number[] | null, epoch: number, cooperation: Cooperation | undefined): Promise<number> {
    const { layout, params } = this;
    const activation = this.run.network.activation;
    const ws = this.#ws;
    if (this.#forwardReady) this.#forwardReady = false;
    else {
      for (let l = 0; l < layout.layers; l++) {
        forwardLayer(layout, activation, params, x, count, ws, l, this.#dropout);
        if (cooperation) await cooperation.checkpoint();
      }
    }
    const loss = lossAndGradient(this.run.data.targets, ws.z[layout.layers - 1]!, count, indices, ws.delta[layout.layers - 1]!);
    for (let l = layout.layers - 1; l >= 0; l--) {
      backwardLayer(layout, activation, params, x, count, ws, this.#grads, l);
      if (cooperation) await cooperation.checkpoint();
    }
    this.#step++;
    if (this.#before) this.#before.set(params);
    optimizerStepInPlace(this.run.optimizer, params, this.#grads, this.#state);
    if (this.#before) this.steps.push(this.#stepRecord(epoch, loss));
    return loss;
  }

  #stepRecord(epoch: number, loss: number): StepRecord {
    const { layout, params } = this;
    const before = this.#before!;
    const updateToWeight: (number | null)[] = [];
    const gradNorms: number[] = [];
    for (let l = 0; l < layout.layers; l++) {
      const w = layout.weightOffset[l]!;
      const count = layout.sizes[l]! * layout.sizes[l + 1]!;
      const weightStd = meanStd(before, w, count).std;
      let sum = 0;
      for (let k = 0; k < count; k++) sum += params[w + k]! - before[w + k]!;
      const mean = sum / count;
      let squares = 0;
      for (let k = 0; k < count; k++) {
        const d = params[w + k]! - before[w + k]! - mean;
        squares += d * d;
      }
      const ratio = Math.log10(Math.sqrt(squares / count) / weightStd);
      updateToWeight.push(Number.isFinite(ratio) ? ratio : null);
      gradNorms.push(frobenius(this.#grads, w, count));
    }
    return { step: this.#step, epoch, loss, update_to_weight: updateToWeight, grad_weight_norm: gradNorms };
  }

  /** After the last epoch: the best weights back in place (early stopping). */
  restoreBest(): void {
    if (this.run.earlyStopping && this.#best) this.params.set(this.#best.params);
  }

  result(tensors: boolean): TrainResult {
    const result: TrainResult = {
      ok: true,
      sizes: [...this.layout.sizes],
      activation: this.run.network.activation,
      parameters: this.layout.parameterCount,
      epochs: this.epochs,
      stopped: this.stopped,
    };
    if (this.run.perStep) result.steps = this.steps;
    if (this.run.earlyStopping) result.best_epoch = this.bestEpoch;
    if (tensors) result.tensors = { initial: nestedParameters(this.layout, this.initial), final: nestedParameters(this.layout, this.params) };
    return result;
  }
}

export interface TrainRequest {
  run: unknown;
  /** Include the initial and final weights and biases (the CLI does). */
  tensors?: boolean;
}

/**
 * Trains a run and answers its trace. Asynchronous and cooperative: yields between steps,
 * stops with `cancelled` when the caller cancels, and reports a `TrainProgress` (the records
 * since the last report) through `cooperation.progress` at least 10 times a second.
 */
export async function trainNetwork(request: TrainRequest, cooperation?: Cooperation): Promise<TrainResult | DenseFailure> {
  const checked = checkTrainRun((request as { run?: unknown } | undefined)?.run);
  if (!checked.ok) return checked;
  try {
    const trainer = new Trainer(checked.value);
    const pacer = progressPacer(cooperation);
    let sentEpochs = 0;
    let sentSteps = 0;
    const report = () => {
      pacer.send({ kind: 'train', epochs: trainer.epochs.slice(sentEpochs), steps: trainer.steps.slice(sentSteps), done: trainer.epochsDone, total: checked.value.epochs } satisfies TrainProgress);
      sentEpochs = trainer.epochs.length;
      sentSteps = trainer.steps.length;
    };
    const reportIfDue = () => {
      if (pacer.due()) report();
    };
    while (!trainer.finished) {
      await trainer.runEpoch(cooperation, reportIfDue);
      reportIfDue();
    }
    trainer.restoreBest();
    return trainer.result(request.tensors === true);
  } catch (error) {
    if (isCancellation(error)) throw error;
    return internalFailure('trainNetwork', error);
  }
}
