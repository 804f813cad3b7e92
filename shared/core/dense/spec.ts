import { createRandom, normalSample } from '../random';
import { ACTIVATIONS, type Activation } from './activation';
import { DEFAULT_INIT, GAIN_SCHEMES, INIT_SCHEMES, initialParameters, type InitConfig } from './init';
import { describeValue, isRecord, joinPath, type IssueCollector } from './issues';
import { LOSSES, type LossName, type Targets } from './loss';
import { mlpLayout, type MlpLayout } from './mlp';

/** Sizes the engine accepts (a larger document is refused with the limit). */
export const DENSE_LIMITS = {
  maxInputDim: 1024,
  maxOutputDim: 256,
  /** hidden layers */
  maxDepth: 50,
  maxWidth: 256,
  /** samples in one data set (training, validation, or a gradient-flow batch) */
  maxSamples: 10_000,
  /** rows of a batch times the hidden units of the network: the memory forward keeps for backward */
  maxBatchUnits: 4_000_000,
} as const;

/** A network description with every default filled in. */
export interface NetworkConfig {
  /** [input_dim, ...widths, output_dim] */
  sizes: number[];
  activation: Activation;
  init: InitConfig;
  seed: number;
  /** Explicit weights [layer] as [out][in] row-major, overriding the init (null: drawn). */
  weights: Float64Array[] | null;
  biases: Float64Array[] | null;
}

export const NETWORK_FIELDS = ['input_dim', 'widths', 'depth', 'width', 'output_dim', 'activation', 'init', 'gain', 'seed', 'weights', 'biases'] as const;

function readSeed(c: IssueCollector, value: unknown, field: string): number {
  return c.optionalInteger(value, field, 0, { min: 0, max: 4294967295 });
}

/** `init`: a scheme name or {"scheme", "a"?, "std"?, "gain"?}; a top-level `gain` is the same as init.gain. */
export function readInit(c: IssueCollector, value: unknown, topGain: unknown): InitConfig {
  const init: InitConfig = { ...DEFAULT_INIT };
  let gainField = 'gain';
  let gain: unknown = topGain;
  if (typeof value === 'string' || value === undefined) {
    init.scheme = c.oneOf(value, 'init', INIT_SCHEMES, DEFAULT_INIT.scheme);
  } else if (isRecord(value)) {
    c.onlyFields(value, 'init', ['scheme', 'a', 'std', 'gain']);
    init.scheme = c.oneOf(value.scheme, 'init.scheme', INIT_SCHEMES);
    if (value.a !== undefined) {
      if (init.scheme !== 'uniform') c.add('init.a', 'not_for_scheme', { parameter: 'a', scheme: init.scheme, accepted: 'uniform' });
      else init.a = c.number(value.a, 'init.a', { min: 0, exclusiveMin: true }, DEFAULT_INIT.a);
    }
    if (value.std !== undefined) {
      if (init.scheme !== 'normal') c.add('init.std', 'not_for_scheme', { parameter: 'std', scheme: init.scheme, accepted: 'normal' });
      else init.std = c.number(value.std, 'init.std', { min: 0, exclusiveMin: true }, DEFAULT_INIT.std);
    }
    if (value.gain !== undefined) {
      if (topGain !== undefined) c.add('gain', 'exclusive_fields', { other: 'init.gain' });
      gain = value.gain;
      gainField = 'init.gain';
    }
  } else {
    c.add('init', 'wrong_type', { expected: 'init', got: describeValue(value) });
  }
  if (gain !== undefined) {
    if (!GAIN_SCHEMES.includes(init.scheme)) c.add(gainField, 'not_for_scheme', { parameter: 'gain', scheme: init.scheme, accepted: GAIN_SCHEMES.join(', ') });
    else init.gain = c.number(gain, gainField, { min: 0, exclusiveMin: true }, 1);
  }
  return init;
}

/** The hidden widths: `widths`, or `depth` copies of `width`. */
function readWidths(c: IssueCollector, doc: Record<string, unknown>): number[] {
  if (doc.widths !== undefined) {
    if (doc.depth !== undefined || doc.width !== undefined) c.add('widths', 'exclusive_fields', { other: doc.depth !== undefined ? 'depth' : 'width' });
    const list = c.list(doc.widths, 'widths', DENSE_LIMITS.maxDepth, 'hidden_layers');
    if (!list) return [];
    return list.map((width, i) => c.integer(width, `widths[${i}]`, { min: 1, max: DENSE_LIMITS.maxWidth }, 1));
  }
  if (doc.depth === undefined && doc.width === undefined) {
    c.add('widths', 'required', { alternative: 'depth' });
    return [];
  }
  const depth = c.integer(doc.depth, 'depth', { min: 0, max: DENSE_LIMITS.maxDepth }, 0);
  const width = c.integer(doc.width, 'width', { min: 1, max: DENSE_LIMITS.maxWidth }, 1);
  return Array.from({ length: depth }, () => width);
}

/**
 * Reads the network fields of a document (gradient-flow case, training run): input_dim,
 * widths (or depth + width), output_dim (default 1), activation (default relu), init
 * (default pytorch_default), gain, seed (default 0), weights, biases. Null after an issue.
 */
export function readNetwork(c: IssueCollector, doc: Record<string, unknown>): NetworkConfig | null {
  const before = c.issues.length;
  const inputDim = c.integer(doc.input_dim, 'input_dim', { min: 1, max: DENSE_LIMITS.maxInputDim }, 1);
  const widths = readWidths(c, doc);
  const outputDim = c.optionalInteger(doc.output_dim, 'output_dim', 1, { min: 1, max: DENSE_LIMITS.maxOutputDim });
  const activation = c.oneOf(doc.activation, 'activation', ACTIVATIONS, 'relu');
  const init = readInit(c, doc.init, doc.gain);
  const seed = readSeed(c, doc.seed, 'seed');
  if (c.issues.length > before) return null;
  const sizes = [inputDim, ...widths, outputDim];
  const explicit = readExplicitParameters(c, doc, sizes);
  if (!explicit) return null;
  return { sizes, activation, init, seed, weights: explicit.weights, biases: explicit.biases };
}

/** `weights` [layer][out][in] and `biases` [layer][out], each optional, checked against the sizes. */
export function readExplicitParameters(c: IssueCollector, doc: Record<string, unknown>, sizes: readonly number[]): { weights: Float64Array[] | null; biases: Float64Array[] | null } | null {
  const before = c.issues.length;
  const layers = sizes.length - 1;
  let weights: Float64Array[] | null = null;
  let biases: Float64Array[] | null = null;
  if (doc.weights !== undefined) {
    const list = c.list(doc.weights, 'weights');
    if (list && list.length !== layers) c.add('weights', 'wrong_length', { expected: layers, actual: list.length, of: 'layers' });
    else if (list) {
      weights = list.map((layer, l) => {
        const matrix = c.matrix(layer, `weights[${l}]`, { rows: sizes[l + 1]!, columns: sizes[l]!, rowsOf: 'unit_rows', columnsOf: 'input_weights', layer: l + 1 });
        return matrix?.data ?? new Float64Array(0);
      });
    }
  }
  if (doc.biases !== undefined) {
    const list = c.list(doc.biases, 'biases');
    if (list && list.length !== layers) c.add('biases', 'wrong_length', { expected: layers, actual: list.length, of: 'layers' });
    else if (list) {
      biases = list.map((layer, l) => {
        const row = c.matrix([layer], `biases[${l}]`, { rows: 1, columns: sizes[l + 1]!, rowsOf: 'entries', columnsOf: 'unit_biases', layer: l + 1 });
        return row?.data ?? new Float64Array(0);
      });
    }
  }
  return c.issues.length > before ? null : { weights, biases };
}

/** The layout and the initial parameters: drawn from the init and seed, then any explicit weights and biases. */
export function buildParameters(config: NetworkConfig): { layout: MlpLayout; params: Float64Array } {
  const layout = mlpLayout(config.sizes);
  const params = initialParameters(layout, config.activation, config.init, config.seed);
  config.weights?.forEach((layer, l) => params.set(layer, layout.weightOffset[l]!));
  config.biases?.forEach((layer, l) => params.set(layer, layout.biasOffset[l]!));
  return { layout, params };
}

/** A data set: inputs [rows][n_0] and targets. */
export interface DataSet {
  rows: number;
  x: Float64Array;
  targets: Targets;
  /** Drawn from a seed (x and mse targets N(0, 1), classes uniform), not given. */
  drawn: boolean;
}

/**
 * `{"samples", "seed"}` (x and, for mse, y drawn N(0, 1) in that order; for cross_entropy,
 * classes drawn uniformly) or `{"x": [[...]], "y": [[...]]}` (cross_entropy: y a list of
 * class indices, or rows of one). `extra` names further fields the object may have.
 */
export function readData(c: IssueCollector, value: unknown, field: string, sizes: readonly number[], loss: LossName, extra: readonly string[] = []): DataSet | null {
  const doc = c.object(value, field);
  if (!doc) return null;
  const start = c.issues.length;
  const inputDim = sizes[0]!;
  const outputDim = sizes[sizes.length - 1]!;
  if (doc.samples !== undefined || doc.seed !== undefined) {
    c.onlyFields(doc, field, ['samples', 'seed', ...extra]);
    if (doc.x !== undefined || doc.y !== undefined) c.add(joinPath(field, doc.x !== undefined ? 'x' : 'y'), 'exclusive_fields', { other: joinPath(field, 'samples') });
    const rows = c.integer(doc.samples, joinPath(field, 'samples'), { min: 1, max: DENSE_LIMITS.maxSamples }, 1);
    const seed = readSeed(c, doc.seed, joinPath(field, 'seed'));
    if (c.issues.length > start) return null;
    return drawData(rows, seed, inputDim, outputDim, loss);
  }
  c.onlyFields(doc, field, ['x', 'y', ...extra]);
  const x = c.matrix(doc.x, joinPath(field, 'x'), { columns: inputDim, maxRows: DENSE_LIMITS.maxSamples, rowsOf: 'samples', columnsOf: 'inputs', columnDim: inputDim });
  if (!x) return null;
  const yField = joinPath(field, 'y');
  if (loss === 'mse') {
    const y = c.matrix(doc.y, yField, { rows: x.rows, columns: outputDim, rowsOf: 'rows_of_x', columnsOf: 'targets', columnDim: outputDim });
    if (!y) return null;
    return { rows: x.rows, x: x.data, targets: { loss, values: y.data, outputs: outputDim }, drawn: false };
  }
  const list = c.list(doc.y, yField);
  if (!list) return null;
  if (list.length !== x.rows) {
    c.add(yField, 'wrong_length', { expected: x.rows, actual: list.length, of: 'rows_of_x' });
    return null;
  }
  const classes = new Float64Array(x.rows);
  const before = c.issues.length;
  for (let n = 0; n < list.length && c.issues.length - before < 5; n++) {
    const entry = Array.isArray(list[n]) && (list[n] as unknown[]).length === 1 ? (list[n] as unknown[])[0] : list[n];
    classes[n] = c.integer(entry, joinPath(yField, n), { min: 0, max: outputDim - 1, of: 'class_index', dim: outputDim }, 0);
  }
  if (c.issues.length > before) return null;
  return { rows: x.rows, x: x.data, targets: { loss, values: classes, outputs: outputDim }, drawn: false };
}

/** Seeded data: x [rows][n_0] ~ N(0, 1), then y ~ N(0, 1) (mse) or classes uniform in 0..K-1 (cross_entropy). */
export function drawData(rows: number, seed: number, inputDim: number, outputDim: number, loss: LossName): DataSet {
  const random = createRandom(seed);
  const x = new Float64Array(rows * inputDim);
  for (let k = 0; k < x.length; k++) x[k] = normalSample(random);
  if (loss === 'mse') {
    const y = new Float64Array(rows * outputDim);
    for (let k = 0; k < y.length; k++) y[k] = normalSample(random);
    return { rows, x, targets: { loss, values: y, outputs: outputDim }, drawn: true };
  }
  const classes = new Float64Array(rows);
  for (let n = 0; n < rows; n++) classes[n] = Math.min(outputDim - 1, Math.floor(random() * outputDim));
  return { rows, x, targets: { loss, values: classes, outputs: outputDim }, drawn: true };
}

export function readLoss(c: IssueCollector, value: unknown): LossName {
  return c.oneOf(value, 'loss', LOSSES, 'mse');
}

/** Batch rows times hidden units within the engine's memory limit; an issue on `field` otherwise. */
export function checkBatchMemory(c: IssueCollector, sizes: readonly number[], batch: number, field: string): void {
  const hiddenUnits = sizes.slice(1).reduce((sum, n) => sum + n, 0);
  const value = batch * hiddenUnits;
  if (value > DENSE_LIMITS.maxBatchUnits) {
    c.add(field, 'too_much_work', { value, max: DENSE_LIMITS.maxBatchUnits, measure: 'batch_rows_x_units' });
  }
}

/** Inputs and targets as nested lists (the JSON form of the data used). */
export function nestedData(data: DataSet, inputDim: number): { x: number[][]; y: number[][] | number[] } {
  const x: number[][] = [];
  for (let n = 0; n < data.rows; n++) x.push(Array.from(data.x.subarray(n * inputDim, (n + 1) * inputDim)));
  const k = data.targets.outputs;
  if (data.targets.loss === 'cross_entropy') return { x, y: Array.from(data.targets.values) };
  const y: number[][] = [];
  for (let n = 0; n < data.rows; n++) y.push(Array.from(data.targets.values.subarray(n * k, (n + 1) * k)));
  return { x, y };
}
