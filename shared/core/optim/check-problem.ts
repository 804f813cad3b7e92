import { describeValue } from '../network/format';
import type { OptimizerConfig, OptimizerType } from './optimizers';
import type { LossName, Mode, Reduction } from './problem';
import { problemError, type FieldError } from './run';

/**
 * The shape of a problem, checked where the core receives it (run, surface, explanation), so
 * that any payload at all answers with field errors instead of an exception: every field the
 * core reads has the JSON type it reads. The boundary's zod schema (shared/protocol/
 * optimize-schema.ts) stays the place for defaults and ranges; the core re-checks only the
 * types, and the ranges it needs to run (whole numbers of epochs, samples per batch).
 */

const LOSSES: readonly LossName[] = ['squared_error', 'half_squared_error', 'absolute_error'];
const REDUCTIONS: readonly Reduction[] = ['sum', 'mean'];
const MODES: readonly Mode[] = ['online', 'minibatch', 'batch'];

/** The numeric hyperparameters of each optimizer (momentum's form and nesterov are checked apart). */
const HYPERPARAMETERS = {
  sgd: ['lr'],
  momentum: ['lr', 'beta'],
  adagrad: ['lr', 'eps', 'initial_accumulator_value'],
  rmsprop: ['lr', 'alpha', 'eps'],
  adam: ['lr', 'beta1', 'beta2', 'eps'],
} as const satisfies { [T in OptimizerType]: readonly Exclude<keyof Extract<OptimizerConfig, { type: T }>, 'type' | 'form' | 'nesterov'>[] };

/** Most field errors reported for the cells of `data.rows` (the rest are the same mistake). */
const MAX_CELL_ERRORS = 5;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isWholeNumber = (value: unknown, min: number): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

/** `got` in every code's values is the `describeValue` text of what came. */
const shapeError = problemError;

function oneOf(errors: FieldError[], field: string, value: unknown, options: readonly string[]): void {
  if (typeof value !== 'string' || !options.includes(value)) {
    const values = { options: options.join(', '), got: describeValue(value) };
    errors.push(shapeError(field, 'expected_one_of', values, `expected one of ${values.options}, got ${values.got}`));
  }
}

const expectNumber = (field: string, value: unknown): FieldError => shapeError(field, 'expected_number', { got: describeValue(value) }, `expected a number, got ${describeValue(value)}`);
const expectBoolean = (field: string, value: unknown): FieldError => shapeError(field, 'expected_boolean', { got: describeValue(value) }, `expected true or false, got ${describeValue(value)}`);
const expectWhole = (field: string, value: unknown, min: number): FieldError =>
  shapeError(field, 'expected_whole_number', { min, got: describeValue(value) }, `expected a whole number ≥ ${min}, got ${describeValue(value)}`);

function checkOptimizer(errors: FieldError[], optimizer: unknown): void {
  if (!isRecord(optimizer)) {
    errors.push(shapeError('optimizer', 'optimizer_not_object', { got: describeValue(optimizer) }, `expected an object such as {"type": "sgd", "lr": 0.1}, got ${describeValue(optimizer)}`));
    return;
  }
  const type = optimizer.type;
  if (typeof type !== 'string' || !Object.hasOwn(HYPERPARAMETERS, type)) {
    oneOf(errors, 'optimizer.type', type, Object.keys(HYPERPARAMETERS));
    return;
  }
  for (const name of HYPERPARAMETERS[type as OptimizerType]) {
    const value = optimizer[name];
    if (!isFiniteNumber(value)) errors.push(expectNumber(`optimizer.${name}`, value));
  }
  if (type === 'momentum') {
    oneOf(errors, 'optimizer.form', optimizer.form, ['delta', 'pytorch']);
    if (typeof optimizer.nesterov !== 'boolean') errors.push(expectBoolean('optimizer.nesterov', optimizer.nesterov));
  }
}

function checkData(errors: FieldError[], data: unknown): void {
  if (!isRecord(data)) {
    errors.push(shapeError('data', 'data_not_object', { got: describeValue(data) }, `expected {"columns": [...], "rows": [[...], ...]}, got ${describeValue(data)}`));
    return;
  }
  const { columns, rows } = data;
  if (!Array.isArray(columns)) errors.push(shapeError('data.columns', 'columns_not_list', { got: describeValue(columns) }, `expected a list of column names, got ${describeValue(columns)}`));
  else {
    const bad = columns.findIndex((column) => typeof column !== 'string');
    if (bad >= 0) errors.push(shapeError(`data.columns[${bad}]`, 'column_not_text', { got: describeValue(columns[bad]) }, `expected a column name (text), got ${describeValue(columns[bad])}`));
  }
  if (!Array.isArray(rows)) {
    errors.push(shapeError('data.rows', 'rows_not_list', { got: describeValue(rows) }, `expected a list of rows, each a list of numbers, got ${describeValue(rows)}`));
    return;
  }
  let cellErrors = 0;
  for (let i = 0; i < rows.length && cellErrors < MAX_CELL_ERRORS; i++) {
    const row: unknown = rows[i];
    if (!Array.isArray(row)) {
      errors.push(shapeError(`data.rows[${i}]`, 'row_not_list', { got: describeValue(row) }, `expected a list of numbers, got ${describeValue(row)}`));
      cellErrors++;
      continue;
    }
    for (let k = 0; k < row.length && cellErrors < MAX_CELL_ERRORS; k++) {
      // `k in row`: a hole is no number either
      if (!(k in row) || !isFiniteNumber(row[k])) {
        errors.push(expectNumber(`data.rows[${i}][${k}]`, row[k]));
        cellErrors++;
      }
    }
  }
}

/** Field errors for every field of the problem whose type the core cannot read; none when the problem is well formed. Never throws. */
export function checkProblemShape(problem: unknown): FieldError[] {
  if (!isRecord(problem)) {
    return [shapeError('', 'problem_not_object', { got: describeValue(problem) }, `the problem must be an object with model, params, data, target and optimizer, got ${describeValue(problem)}`)];
  }
  const errors: FieldError[] = [];
  if (typeof problem.model !== 'string') errors.push(shapeError('model', 'model_not_text', { got: describeValue(problem.model) }, `expected the formula as text, e.g. "a*x1^2 + b", got ${describeValue(problem.model)}`));
  if (!isRecord(problem.params)) errors.push(shapeError('params', 'params_not_object', { got: describeValue(problem.params) }, `expected each parameter's initial value, e.g. {"a": 1}, got ${describeValue(problem.params)}`));
  else {
    for (const [name, value] of Object.entries(problem.params)) if (!isFiniteNumber(value)) errors.push(expectNumber(`params.${name}`, value));
  }
  checkData(errors, problem.data);
  if (typeof problem.target !== 'string') errors.push(shapeError('target', 'target_not_text', { got: describeValue(problem.target) }, `expected the name of the target column, got ${describeValue(problem.target)}`));
  oneOf(errors, 'loss', problem.loss, LOSSES);
  oneOf(errors, 'reduction', problem.reduction, REDUCTIONS);
  checkOptimizer(errors, problem.optimizer);
  oneOf(errors, 'mode', problem.mode, MODES);
  if (!isWholeNumber(problem.batch_size, 1)) errors.push(expectWhole('batch_size', problem.batch_size, 1));
  if (!isWholeNumber(problem.epochs, 1)) errors.push(expectWhole('epochs', problem.epochs, 1));
  if (typeof problem.shuffle !== 'boolean') errors.push(expectBoolean('shuffle', problem.shuffle));
  if (!isWholeNumber(problem.seed, 0)) errors.push(expectWhole('seed', problem.seed, 0));
  return errors;
}

