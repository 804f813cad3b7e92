import { regressionIssue, type RegressionIssue, type RegressionIssueCode } from './issues';
import { MAX_DEGREE } from './legendre';
import type { Dataset } from './sampling';
import { readTruth, type Truth } from './truth';

/** Explicit training data as the CLI writes and reads it. */
export interface DatasetInput {
  x: number[];
  y: number[];
}

export type ModelInput =
  /** Polynomials in the Legendre basis; `degrees` default 0..15, `ridge` lambda default 0. */
  | { family: 'polynomial'; degrees?: number[]; ridge?: number }
  /** k-nearest neighbours; `ks` default 1..n. */
  | { family: 'knn'; ks?: number[] };

/**
 * A bias-variance case as the CLI reads it and the lab sends it (snake_case, the CLI's
 * format). Missing fields take BIAS_VARIANCE_DEFAULTS; with `datasets`, train_size and
 * resamples come from them.
 */
export interface BiasVarianceCaseInput {
  /** "sin" (sin(2 pi x)), "cubic" (x^3 - x), "step" (0, then 1 past the domain's midpoint) or a formula in x. */
  truth: string;
  domain?: [number, number];
  noise_std?: number;
  train_size?: number;
  resamples?: number;
  test_points?: number;
  model: ModelInput;
  seed?: number;
  datasets?: DatasetInput[];
  /** The fresh noisy targets on the test grid (default: drawn from the seed). */
  test_targets?: number[];
}

/** A double-descent case (the CLI's format). `features` default 1..min(MAX, 10 n). */
export interface DoubleDescentCaseInput {
  truth: string;
  domain?: [number, number];
  noise_std?: number;
  train_size?: number;
  test_points?: number;
  features?: number[];
  ridge?: number;
  seed?: number;
}

export const BIAS_VARIANCE_DEFAULTS = { domain: [0, 1] as [number, number], noise_std: 0.3, train_size: 20, resamples: 50, test_points: 100, seed: 0, ridge: 0 };
export const BIAS_VARIANCE_LIMITS = { train_size: 1000, resamples: 500, test_points: 1000, degree: MAX_DEGREE };

export const DOUBLE_DESCENT_DEFAULTS = { domain: [0, 1] as [number, number], noise_std: 0.3, train_size: 20, test_points: 500, seed: 0, ridge: 0 };
/** Work of a run: the sum over the chosen p of n * p * min(n, p) (its QR and RZ steps); at most this. */
export const DOUBLE_DESCENT_MAX_WORK = 2e8;
export const DOUBLE_DESCENT_LIMITS = { train_size: 200, features: 1000, test_points: 2000, work: DOUBLE_DESCENT_MAX_WORK };

/** |x| beyond this is refused (so squares and sums stay finite). */
const MAX_MAGNITUDE = 1e150;

export type ModelSettings = { family: 'polynomial'; degrees: number[]; ridge: number } | { family: 'knn'; ks: number[] };

/** A checked bias-variance case, every default filled in. */
export interface BiasVarianceSettings {
  truth: Truth;
  domain: [number, number];
  noiseStd: number;
  trainSize: number;
  resamples: number;
  testPoints: number;
  model: ModelSettings;
  seed: number;
  datasets: Dataset[] | null;
  testTargets: Float64Array | null;
}

export interface DoubleDescentSettings {
  truth: Truth;
  domain: [number, number];
  noiseStd: number;
  trainSize: number;
  testPoints: number;
  /** The p to fit, as given (each 1..features limit). */
  features: number[];
  ridge: number;
  seed: number;
}

type Checked<T> = { ok: true; settings: T } | { ok: false; issues: RegressionIssue[] };

/** Collects issues; each reader returns a usable fallback after a problem, so every field is checked in one pass. */
class CaseReader {
  readonly issues: RegressionIssue[] = [];

  report(field: string, code: RegressionIssueCode, values: Record<string, string | number> = {}): void {
    this.issues.push(regressionIssue(field, code, values));
  }

  record(value: unknown, field: string, allowed: readonly string[]): Record<string, unknown> | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.report(field, 'wrong_type', { expected: 'object' });
      return null;
    }
    for (const key of Object.keys(value)) if (!allowed.includes(key)) this.report(join(field, key), 'unknown_field', { name: key });
    return value as Record<string, unknown>;
  }

  /** A finite number in [min, max]; the fallback when missing (undefined). */
  number(value: unknown, field: string, options: { min?: number; max?: number; fallback: number }): number {
    if (value === undefined) return options.fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > MAX_MAGNITUDE) {
      this.report(field, 'wrong_type', { expected: 'number' });
      return options.fallback;
    }
    if (options.min !== undefined && value < options.min) {
      this.report(field, 'too_small', { min: options.min, value });
      return options.fallback;
    }
    if (options.max !== undefined && value > options.max) {
      this.report(field, 'too_large', { max: options.max, value });
      return options.fallback;
    }
    return value;
  }

  integer(value: unknown, field: string, options: { min: number; max: number; fallback: number }): number {
    if (value === undefined) return options.fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report(field, 'wrong_type', { expected: 'integer' });
      return options.fallback;
    }
    if (!Number.isInteger(value)) {
      this.report(field, 'not_integer', { value });
      return options.fallback;
    }
    return this.number(value, field, options);
  }

  list(value: unknown, field: string, options: { min: number; max: number }): unknown[] | null {
    if (!Array.isArray(value)) {
      this.report(field, 'wrong_type', { expected: 'list' });
      return null;
    }
    if (value.length < options.min) {
      this.report(field, 'too_few', { min: options.min, count: value.length });
      return null;
    }
    if (value.length > options.max) {
      this.report(field, 'too_many', { max: options.max, count: value.length });
      return null;
    }
    return value;
  }

  /** Distinct whole numbers in [min, max], as listed. */
  integerList(value: unknown, field: string, options: { min: number; max: number; maxLength: number }): number[] | null {
    const items = this.list(value, field, { min: 1, max: options.maxLength });
    if (!items) return null;
    const before = this.issues.length;
    const seen = new Set<number>();
    const out: number[] = [];
    items.forEach((item, i) => {
      const entry = `${field}[${i}]`;
      const read = this.integer(item ?? null, entry, { min: options.min, max: options.max, fallback: Number.NaN });
      if (Number.isNaN(read)) return;
      if (seen.has(read)) this.report(entry, 'duplicate', { value: read });
      seen.add(read);
      out.push(read);
    });
    return this.issues.length === before ? out : null;
  }

  numberList(value: unknown, field: string, length: { min: number; max: number }): Float64Array | null {
    const items = this.list(value, field, length);
    if (!items) return null;
    const before = this.issues.length;
    const out = new Float64Array(items.length);
    items.forEach((item, i) => (out[i] = this.number(item ?? null, `${field}[${i}]`, { fallback: 0 })));
    return this.issues.length === before ? out : null;
  }

  domain(value: unknown, fallback: [number, number]): [number, number] {
    if (value === undefined) return fallback;
    const ends = this.numberList(value, 'domain', { min: 2, max: 2 });
    if (!ends) return fallback;
    if (!(ends[0]! < ends[1]!)) {
      this.report('domain', 'domain_order', { low: ends[0]!, high: ends[1]! });
      return fallback;
    }
    return [ends[0]!, ends[1]!];
  }

  truth(value: unknown, domain: [number, number]): Truth | null {
    if (value === undefined) {
      this.report('truth', 'required');
      return null;
    }
    if (typeof value !== 'string') {
      this.report('truth', 'wrong_type', { expected: 'text' });
      return null;
    }
    const read = readTruth(value, domain);
    if (!read.ok) {
      this.issues.push(read.issue);
      return null;
    }
    return read.truth;
  }
}

function join(field: string, key: string): string {
  return field ? `${field}.${key}` : key;
}

const BIAS_VARIANCE_FIELDS = ['truth', 'domain', 'noise_std', 'train_size', 'resamples', 'test_points', 'model', 'seed', 'datasets', 'test_targets'];
const SEED_RANGE = { min: 0, max: 4294967295 };

/** Checks a bias-variance case (any value: never throws) and fills in its defaults. */
export function checkBiasVarianceCase(value: unknown): Checked<BiasVarianceSettings> {
  const reader = new CaseReader();
  const doc = reader.record(value, '', BIAS_VARIANCE_FIELDS);
  if (!doc) return { ok: false, issues: reader.issues };
  const defaults = BIAS_VARIANCE_DEFAULTS;
  const limits = BIAS_VARIANCE_LIMITS;
  const domain = reader.domain(doc.domain, defaults.domain);
  const truth = reader.truth(doc.truth, domain);
  const noiseStd = reader.number(doc.noise_std, 'noise_std', { min: 0, fallback: defaults.noise_std });
  const testPoints = reader.integer(doc.test_points, 'test_points', { min: 2, max: limits.test_points, fallback: defaults.test_points });
  const seed = reader.integer(doc.seed, 'seed', { ...SEED_RANGE, fallback: defaults.seed });

  let datasets: Dataset[] | null = null;
  let trainSize = reader.integer(doc.train_size, 'train_size', { min: 1, max: limits.train_size, fallback: defaults.train_size });
  let resamples = reader.integer(doc.resamples, 'resamples', { min: 1, max: limits.resamples, fallback: defaults.resamples });
  if (doc.datasets !== undefined) {
    datasets = readDatasets(reader, doc.datasets, limits.resamples, limits.train_size);
    if (datasets) {
      const size = datasets[0]!.x.length;
      if (doc.train_size !== undefined && trainSize !== size) reader.report('train_size', 'conflicts_with_datasets', { value: trainSize, datasets: size });
      if (doc.resamples !== undefined && resamples !== datasets.length) reader.report('resamples', 'conflicts_with_datasets', { value: resamples, datasets: datasets.length });
      trainSize = size;
      resamples = datasets.length;
    }
  }
  let testTargets: Float64Array | null = null;
  if (doc.test_targets !== undefined) {
    testTargets = reader.numberList(doc.test_targets, 'test_targets', { min: 0, max: limits.test_points });
    if (testTargets && testTargets.length !== testPoints) {
      reader.report('test_targets', 'length_mismatch', { expected: testPoints, count: testTargets.length });
      testTargets = null;
    }
  }
  const model = readModel(reader, doc.model, trainSize);
  if (reader.issues.length > 0 || !truth || !model) return { ok: false, issues: reader.issues };
  return { ok: true, settings: { truth, domain, noiseStd, trainSize, resamples, testPoints, model, seed, datasets, testTargets } };
}

function readDatasets(reader: CaseReader, value: unknown, maxSets: number, maxSize: number): Dataset[] | null {
  const sets = reader.list(value, 'datasets', { min: 1, max: maxSets });
  if (!sets) return null;
  const before = reader.issues.length;
  const out: Dataset[] = [];
  let size: number | null = null;
  sets.forEach((set, r) => {
    const field = `datasets[${r}]`;
    const doc = reader.record(set, field, ['x', 'y']);
    if (!doc) return;
    if (doc.x === undefined) reader.report(`${field}.x`, 'required');
    if (doc.y === undefined) reader.report(`${field}.y`, 'required');
    if (doc.x === undefined || doc.y === undefined) return;
    const x = reader.numberList(doc.x, `${field}.x`, { min: 1, max: maxSize });
    const y = reader.numberList(doc.y, `${field}.y`, { min: 1, max: maxSize });
    if (!x || !y) return;
    if (y.length !== x.length) return reader.report(`${field}.y`, 'length_mismatch', { expected: x.length, count: y.length });
    // Every set has the same n, so k = 1..n means the same for all of them.
    if (size !== null && x.length !== size) return reader.report(`${field}.x`, 'length_mismatch', { expected: size, count: x.length });
    size = x.length;
    out.push({ x, y });
  });
  return reader.issues.length === before ? out : null;
}

function readModel(reader: CaseReader, value: unknown, trainSize: number): ModelSettings | null {
  if (value === undefined) {
    reader.report('model', 'required');
    return null;
  }
  const family = typeof value === 'object' && value !== null ? (value as { family?: unknown }).family : undefined;
  if (family === 'polynomial') {
    const doc = reader.record(value, 'model', ['family', 'degrees', 'ridge']);
    if (!doc) return null;
    const degrees = doc.degrees === undefined ? Array.from({ length: MAX_DEGREE + 1 }, (_, d) => d) : reader.integerList(doc.degrees, 'model.degrees', { min: 0, max: MAX_DEGREE, maxLength: MAX_DEGREE + 1 });
    const ridge = reader.number(doc.ridge, 'model.ridge', { min: 0, fallback: 0 });
    return degrees ? { family, degrees, ridge } : null;
  }
  if (family === 'knn') {
    const doc = reader.record(value, 'model', ['family', 'ks']);
    if (!doc) return null;
    const ks = doc.ks === undefined ? Array.from({ length: trainSize }, (_, k) => k + 1) : reader.integerList(doc.ks, 'model.ks', { min: 1, max: trainSize, maxLength: trainSize });
    return ks ? { family, ks } : null;
  }
  if (family === undefined) reader.report('model.family', 'required');
  else reader.report('model.family', 'unknown_choice', { value: String(family), choices: 'polynomial, knn' });
  return null;
}

const DOUBLE_DESCENT_FIELDS = ['truth', 'domain', 'noise_std', 'train_size', 'test_points', 'features', 'ridge', 'seed'];

/** Checks a double-descent case (never throws) and fills in its defaults. */
export function checkDoubleDescentCase(value: unknown): Checked<DoubleDescentSettings> {
  const reader = new CaseReader();
  const doc = reader.record(value, '', DOUBLE_DESCENT_FIELDS);
  if (!doc) return { ok: false, issues: reader.issues };
  const defaults = DOUBLE_DESCENT_DEFAULTS;
  const limits = DOUBLE_DESCENT_LIMITS;
  const domain = reader.domain(doc.domain, defaults.domain);
  const truth = reader.truth(doc.truth, domain);
  const noiseStd = reader.number(doc.noise_std, 'noise_std', { min: 0, fallback: defaults.noise_std });
  const trainSize = reader.integer(doc.train_size, 'train_size', { min: 1, max: limits.train_size, fallback: defaults.train_size });
  const testPoints = reader.integer(doc.test_points, 'test_points', { min: 2, max: limits.test_points, fallback: defaults.test_points });
  const ridge = reader.number(doc.ridge, 'ridge', { min: 0, fallback: defaults.ridge });
  const seed = reader.integer(doc.seed, 'seed', { ...SEED_RANGE, fallback: defaults.seed });
  const features =
    doc.features === undefined
      ? Array.from({ length: Math.min(limits.features, 10 * trainSize) }, (_, p) => p + 1)
      : reader.integerList(doc.features, 'features', { min: 1, max: limits.features, maxLength: limits.features });
  if (features && reader.issues.length === 0) {
    const work = doubleDescentWork(trainSize, features);
    if (work > limits.work) reader.report('features', 'too_much_work', { work, max: limits.work });
  }
  if (reader.issues.length > 0 || !truth || !features) return { ok: false, issues: reader.issues };
  return { ok: true, settings: { truth, domain, noiseStd, trainSize, testPoints, features, ridge, seed } };
}

/** sum over p of n * p * min(n, p): the order of the flops of the decompositions. */
export function doubleDescentWork(trainSize: number, features: readonly number[]): number {
  return features.reduce((sum, p) => sum + trainSize * p * Math.min(trainSize, p), 0);
}
