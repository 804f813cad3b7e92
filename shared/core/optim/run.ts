import { analyzeModel, compileModel, nameToLatex, type CompiledModel, type ModelInfo, type ParseErrorCode } from '../expr/index';
import { cleanNumber, cleanRecord, formatNumber } from './format';
import { initialState, moveParts, optimizerStep, stateNames, updateRule, type OptimizerState } from './optimizers';
import { BLOW_UP, MAX_SAMPLE_EVALUATIONS, MAX_STEPS, sampleLoss, type OptimizeProblem } from './problem';
import { createRandom, shuffleInPlace } from '../random';
import { reportCaughtError } from '../internal-error';
import { checkProblemShape } from './check-problem';

/**
 * One optimizer step as data. Every number is rounded for display (`cleanNumber`, 12
 * significant digits) so the CLI and the UI print 2.6, not 2.6000000000000005; the run
 * itself continues in full precision.
 */
export interface OptimizeStep {
  /** 1-based. */
  step: number;
  /** 1-based. */
  epoch: number;
  /** Row indices (0-based) of the samples used, in the order used. */
  samples: number[];
  targets: number[];
  /** y of each sample at the parameters before the step. */
  y: number[];
  /** The step's loss L (reduced over its samples) before the update. */
  loss: number;
  /** dL/dy_j for each sample (the reduction's 1/n included). */
  dloss_dy: number[];
  /** dy_j/d(param) for each parameter and sample. */
  dy_dparams: Record<string, number[]>;
  /** dL/d(param) = sum_j dL/dy_j * dy_j/d(param). */
  grad: Record<string, number>;
  /** The optimizer's state after the step: buffer name → parameter → value (Adam's t is the step number). */
  state: Record<string, Record<string, number>>;
  /** Parameters after the step. */
  params: Record<string, number>;
  /**
   * The move params - params_before as carried velocity + gradient term (see `moveParts`),
   * per parameter; null for the adaptive optimizers. The contour plot draws the two head to tail.
   */
  move: { carried: Record<string, number>; gradient: Record<string, number> } | null;
  /** Loss over the whole data set at the new parameters (same loss and reduction). */
  data_loss: number;
}

export interface ModelView {
  text: string;
  latex: string;
  params: string[];
  inputs: string[];
  /** dy/d(param): `paramLatex` is the parameter's name in LaTeX (x1 → x_{1}). */
  partials: { param: string; paramLatex: string; text: string; latex: string }[];
}

export interface OptimizeStop {
  step: number;
  reason: 'nan' | 'infinity' | 'blow_up';
  message: string;
  /** What stopped the run as a code with values (shared/messages/optimize-errors phrases them; `message` is the English). */
  code: OptimizeStopCode;
  values: Readonly<Record<string, string | number>>;
}

/** Why a run stopped early: y undefined at the start or diverging, a parameter or the loss beyond ±1e12 or not finite. */
export type OptimizeStopCode = 'undefined_at_start' | 'y_diverged' | 'param_blew_up' | 'param_not_finite' | 'loss_blew_up' | 'loss_not_finite';

export interface FieldError {
  /** Path of the offending field as in the document: `model`, `params.e`, `data.rows[2]`, `optimizer.nesterov`. */
  field: string;
  message: string;
  /** For `model`: the 0-based character position. */
  position?: number;
  /** For `model` text that does not parse: the parser's code and values (shared/messages phrases them; `message` is the English). */
  syntax?: { code: ParseErrorCode; values: Readonly<Record<string, string | number>> };
  /** For what `prepareProblem` checks against the model and data: a code and values (shared/messages/optimize-errors phrases them; `message` is the English). */
  problem?: { code: OptimizeErrorCode; values: Readonly<Record<string, string | number>> };
}

/** The checks of `prepareProblem` that zod cannot make, as codes. */
export type OptimizeErrorCode =
  | 'duplicate_column'
  | 'target_not_column'
  | 'row_width'
  | 'no_rows'
  | 'too_many_params'
  | 'model_reads_target'
  | 'missing_param'
  | 'column_as_param'
  | 'unknown_param'
  | 'nesterov_needs_pytorch_form'
  | 'too_many_steps'
  | 'too_much_work'
  // The shape of the payload (check-problem.ts): `got` is the describeValue text of what came.
  | 'problem_not_object'
  | 'model_not_text'
  | 'params_not_object'
  | 'expected_number'
  | 'data_not_object'
  | 'columns_not_list'
  | 'column_not_text'
  | 'rows_not_list'
  | 'row_not_list'
  | 'target_not_text'
  | 'expected_one_of'
  | 'optimizer_not_object'
  | 'expected_boolean'
  | 'expected_whole_number'
  // The loss surface's request (contour.ts).
  | 'request_not_object'
  | 'axis_not_object'
  | 'param_not_text'
  | 'resolution_not_number'
  | 'at_not_object'
  | 'axis_not_param'
  | 'axis_range'
  | 'same_axes'
  // The step to explain (explain.ts).
  | 'step_not_whole'
  | 'no_such_step';

/** A field error with its code and values; `message` is the English (shared/messages/optimize-errors phrases the code). */
export function problemError(field: string, code: OptimizeErrorCode, values: Readonly<Record<string, string | number>>, message: string): FieldError {
  return { field, message, problem: { code, values } };
}

export type OptimizeResult =
  | {
      ok: true;
      model: ModelView;
      /** The optimizer's update rule, LaTeX lines. */
      rule: string[];
      /** Parameter order used for every record. */
      paramNames: string[];
      initial: Record<string, number>;
      /** Whole-data loss at the initial parameters. */
      initial_loss: number;
      steps: OptimizeStep[];
      final: Record<string, number>;
      /** Why the run ended early (divergence), or null. */
      stopped: OptimizeStop | null;
    }
  | { ok: false; errors: FieldError[] };

/** A problem checked and compiled: everything a run, a contour grid or an explanation needs. */
export interface PreparedProblem {
  problem: OptimizeProblem;
  model: ModelInfo;
  compiled: CompiledModel;
  /** Parameter names (model order) and initial values. */
  paramNames: string[];
  initial: Float64Array;
  /** Input columns as read by the model, per row. */
  inputRows: Float64Array[];
  targets: Float64Array;
}

/**
 * Checks what zod cannot (names against the model, row widths, run size) and compiles the model.
 * Never throws: a payload of any shape is first read by `checkProblemShape` (every entry point,
 * run, surface and explanation, comes through here).
 */
export function prepareProblem(problem: OptimizeProblem): { ok: true; prepared: PreparedProblem } | { ok: false; errors: FieldError[] } {
  const shapeErrors = checkProblemShape(problem);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const errors: FieldError[] = [];
  const { columns, rows } = problem.data;
  const seen = new Set<string>();
  columns.forEach((column, i) => {
    if (seen.has(column)) errors.push(problemError(`data.columns[${i}]`, 'duplicate_column', { column }, `the column name "${column}" appears twice; each column needs its own name`));
    seen.add(column);
  });
  const targetIndex = columns.indexOf(problem.target);
  if (targetIndex < 0) errors.push(problemError('target', 'target_not_column', { target: problem.target, columns: columns.join(', ') }, `"${problem.target}" is not a column; the columns are ${columns.join(', ')}`));
  rows.forEach((row, i) => {
    if (row.length !== columns.length) {
      const values = { row: i + 1, count: row.length, needed: columns.length, columns: columns.join(', ') };
      errors.push(problemError(`data.rows[${i}]`, 'row_width', values, `row ${i + 1} has ${row.length} values; it needs ${columns.length} (${columns.join(', ')})`));
    }
  });
  if (rows.length === 0) errors.push(problemError('data.rows', 'no_rows', {}, 'the data has no rows; add at least one sample'));

  const inputColumns = columns.filter((column) => column !== problem.target);
  const analysis = analyzeModel(problem.model, columns);
  if (!analysis.ok) {
    errors.push({
      field: 'model',
      message: analysis.message,
      position: analysis.position,
      ...(analysis.syntax ? { syntax: analysis.syntax } : {}),
      ...(analysis.tooMany ? { problem: { code: 'too_many_params' as const, values: analysis.tooMany } } : {}),
    });
    return { ok: false, errors };
  }
  const model = analysis.model;
  if (model.inputs.includes(problem.target)) {
    const values = { target: problem.target, inputs: inputColumns.join(', ') || 'none' };
    errors.push(problemError('model', 'model_reads_target', values, `the model reads "${problem.target}", the target column; a model may read only the inputs (${values.inputs}) and parameters`));
  }
  for (const param of model.params) {
    const value = Object.hasOwn(problem.params, param) ? problem.params[param] : undefined;
    if (value === undefined) errors.push(problemError(`params.${param}`, 'missing_param', { param }, `the model has the parameter "${param}"; give its initial value`));
  }
  for (const given of Object.keys(problem.params)) {
    if (!model.params.includes(given)) {
      const params = model.params.join(', ') || 'none';
      errors.push(
        columns.includes(given)
          ? problemError(`params.${given}`, 'column_as_param', { name: given }, `"${given}" is a data column, not a parameter`)
          : problemError(`params.${given}`, 'unknown_param', { name: given, params }, `the model has no parameter "${given}"; its parameters are ${params}`),
      );
    }
  }
  const { optimizer } = problem;
  if (optimizer.type === 'momentum' && optimizer.form === 'delta' && optimizer.nesterov) {
    errors.push(problemError('optimizer.nesterov', 'nesterov_needs_pytorch_form', {}, 'Nesterov momentum is given in PyTorch\'s form: set "form": "pytorch", or "nesterov": false'));
  }
  const perEpoch = stepsPerEpoch(problem);
  if (perEpoch * problem.epochs > MAX_STEPS) {
    const values = { epochs: problem.epochs, steps: perEpoch * problem.epochs, max: MAX_STEPS, max_epochs: Math.max(1, Math.floor(MAX_STEPS / Math.max(1, perEpoch))) };
    errors.push(problemError('epochs', 'too_many_steps', values, `${values.epochs} epochs make ${values.steps} steps; at most ${values.max} (here at most ${values.max_epochs} epochs)`));
  } else if (rows.length * problem.epochs > MAX_SAMPLE_EVALUATIONS) {
    const values = { epochs: problem.epochs, rows: rows.length, max: MAX_SAMPLE_EVALUATIONS };
    errors.push(problemError('epochs', 'too_much_work', values, `${values.epochs} epochs over ${values.rows} rows is too much work; at most ${values.max} sample evaluations`));
  }
  if (errors.length > 0) return { ok: false, errors };

  const inputIndices = model.inputs.map((input) => columns.indexOf(input));
  return {
    ok: true,
    prepared: {
      problem,
      model,
      compiled: compileModel(model.expr, model.params, model.inputs),
      paramNames: model.params,
      initial: Float64Array.from(model.params, (param) => problem.params[param]!),
      inputRows: rows.map((row) => Float64Array.from(inputIndices, (k) => row[k]!)),
      targets: Float64Array.from(rows, (row) => row[targetIndex]!),
    },
  };
}

function stepsPerEpoch(problem: OptimizeProblem): number {
  const count = problem.data.rows.length;
  if (problem.mode === 'online') return count;
  if (problem.mode === 'batch') return count > 0 ? 1 : 0;
  return Math.ceil(count / Math.max(1, problem.batch_size));
}

/** The samples of every step, epoch by epoch (shuffled per epoch from the seed when asked). */
export function stepSchedule(problem: OptimizeProblem): { epoch: number; samples: number[] }[] {
  const count = problem.data.rows.length;
  const random = createRandom(problem.seed);
  const size = problem.mode === 'online' ? 1 : problem.mode === 'batch' ? count : Math.max(1, problem.batch_size);
  const schedule: { epoch: number; samples: number[] }[] = [];
  for (let epoch = 1; epoch <= problem.epochs; epoch++) {
    const order = Array.from({ length: count }, (_, i) => i);
    if (problem.shuffle && problem.mode !== 'batch') shuffleInPlace(order, random);
    for (let start = 0; start < count; start += size) schedule.push({ epoch, samples: order.slice(start, start + size) });
  }
  return schedule;
}

/** Loss of the whole data set at `params` (the problem's loss and reduction). */
export function dataLoss(prepared: PreparedProblem, params: Float64Array): number {
  let total = 0;
  const { compiled, inputRows, targets, problem } = prepared;
  for (let i = 0; i < inputRows.length; i++) total += sampleLoss(problem.loss, targets[i]!, compiled.evaluate(params, inputRows[i]!)).value;
  return problem.reduction === 'mean' ? total / inputRows.length : total;
}

const toRecord = (names: readonly string[], values: ArrayLike<number>): Record<string, number> => {
  const record: Record<string, number> = {};
  names.forEach((id, k) => (record[id] = values[k]!));
  return record;
};

function describeBad(value: number): string {
  return Number.isNaN(value) ? 'NaN' : String(value);
}

/** Full-precision state of a run after each step, for explanations (not sent over the wire). */
export interface RawStep {
  paramsBefore: Float64Array;
  stateBefore: OptimizerState;
  paramsAfter: Float64Array;
  stateAfter: OptimizerState;
  grad: Float64Array;
}

/**
 * Runs the optimizer over the schedule and returns the trace. Stops at the first step whose
 * loss, gradient or new parameters are NaN or infinite or beyond ±1e12, with a message.
 */
export function runPrepared(prepared: PreparedProblem, options: { maxSteps?: number; raw?: RawStep[] } = {}): Extract<OptimizeResult, { ok: true }> {
  const { problem, compiled, paramNames, inputRows, targets, model } = prepared;
  const size = paramNames.length;
  const schedule = stepSchedule(problem);
  const limit = Math.min(schedule.length, options.maxSteps ?? schedule.length);
  let params: Float64Array = Float64Array.from(prepared.initial);
  let state = initialState(problem.optimizer, size);
  const buffers = stateNames(problem.optimizer);
  const sampleGradient = new Float64Array(size);
  const steps: OptimizeStep[] = [];
  let stopped: OptimizeStop | null = null;
  const lr = problem.optimizer.lr;

  for (let s = 0; s < limit; s++) {
    const { epoch, samples } = schedule[s]!;
    const n = samples.length;
    const scale = problem.reduction === 'mean' ? 1 / n : 1;
    const grad = new Float64Array(size);
    const ys: number[] = [];
    const dLdy: number[] = [];
    const dydp: number[][] = paramNames.map(() => []);
    let loss = 0;
    for (const row of samples) {
      const y = compiled.evaluateWithGradient(params, inputRows[row]!, sampleGradient);
      const { value, dy } = sampleLoss(problem.loss, targets[row]!, y);
      loss += value;
      const dLdyJ = dy * scale;
      ys.push(y);
      dLdy.push(dLdyJ);
      for (let k = 0; k < size; k++) {
        dydp[k]!.push(sampleGradient[k]!);
        grad[k] = grad[k]! + dLdyJ * sampleGradient[k]!;
      }
    }
    loss *= scale;
    const next = optimizerStep(problem.optimizer, params, grad, state);
    const parts = moveParts(problem.optimizer, params, grad, state);
    options.raw?.push({ paramsBefore: params, stateBefore: state, paramsAfter: next.params, stateAfter: next.state, grad });

    const record: OptimizeStep = {
      step: s + 1,
      epoch,
      samples: [...samples],
      targets: samples.map((row) => targets[row]!),
      y: ys.map(cleanNumber),
      loss: cleanNumber(loss),
      dloss_dy: dLdy.map(cleanNumber),
      dy_dparams: Object.fromEntries(paramNames.map((id, k) => [id, dydp[k]!.map(cleanNumber)])),
      grad: cleanRecord(toRecord(paramNames, grad)),
      state: stateRecord(buffers, paramNames, next.state),
      params: cleanRecord(toRecord(paramNames, next.params)),
      move: parts && { carried: cleanRecord(toRecord(paramNames, parts.carried)), gradient: cleanRecord(toRecord(paramNames, parts.gradient)) },
      data_loss: cleanNumber(dataLoss(prepared, next.params)),
    };
    steps.push(record);
    params = next.params;
    state = next.state;

    // Divergence: the step that produced a non-finite or huge number is the last one shown.
    const badY = ys.findIndex((y) => !Number.isFinite(y));
    if (badY >= 0) {
      const sample = samples[badY]!;
      const cause = s === 0 ? 'at the initial parameters' : 'at the parameters reached so far';
      const values = { step: s + 1, value: describeBad(ys[badY]!), sample: sample + 1, lr: formatNumber(lr), smaller: formatNumber(lr / 10) };
      stopped = {
        step: s + 1,
        reason: Number.isNaN(ys[badY]!) ? 'nan' : 'infinity',
        code: s === 0 ? 'undefined_at_start' : 'y_diverged',
        values: s === 0 ? { step: values.step, value: values.value, sample: values.sample } : values,
        message:
          `Stopped at step ${s + 1}: y is ${describeBad(ys[badY]!)} for sample ${sample + 1} ${cause}` +
          (s === 0 ? ' (the model is undefined there: a log or sqrt of a negative number, or a division by 0?)' : `; the run diverged. Try a smaller learning rate than ${formatNumber(lr)} (e.g. ${formatNumber(lr / 10)}).`),
      };
      break;
    }
    const badParam = paramNames.findIndex((_, k) => !Number.isFinite(next.params[k]!) || Math.abs(next.params[k]!) > BLOW_UP);
    const lossBad = !Number.isFinite(loss) || loss > BLOW_UP;
    if (badParam >= 0 || lossBad) {
      const value = badParam >= 0 ? next.params[badParam]! : loss;
      const what = badParam >= 0 ? `parameter ${paramNames[badParam]} became ${describeBad(value)}` : `the loss became ${describeBad(value)}`;
      const blewUp = Number.isFinite(value);
      const code: OptimizeStopCode = badParam >= 0 ? (blewUp ? 'param_blew_up' : 'param_not_finite') : blewUp ? 'loss_blew_up' : 'loss_not_finite';
      const values = { step: s + 1, value: describeBad(value), lr: formatNumber(lr), smaller: formatNumber(lr / 10), ...(badParam >= 0 ? { param: paramNames[badParam]! } : {}), ...(blewUp ? { limit: BLOW_UP } : {}) };
      stopped = {
        step: s + 1,
        reason: Number.isNaN(value) ? 'nan' : Number.isFinite(value) ? 'blow_up' : 'infinity',
        code,
        values,
        message: `Stopped at step ${s + 1}: ${what}${Number.isFinite(value) ? ` (beyond ±${BLOW_UP})` : ''}; the run diverged. Try a smaller learning rate than ${formatNumber(lr)} (e.g. ${formatNumber(lr / 10)}).`,
      };
      break;
    }
  }

  return {
    ok: true,
    model: { text: model.text, latex: model.latex, params: model.params, inputs: model.inputs, partials: model.partials.map(({ param, text, latex }) => ({ param, paramLatex: nameToLatex(param), text, latex })) },
    rule: updateRule(problem.optimizer),
    paramNames,
    initial: cleanRecord(toRecord(paramNames, prepared.initial)),
    initial_loss: cleanNumber(dataLoss(prepared, prepared.initial)),
    steps,
    final: cleanRecord(toRecord(paramNames, params)),
    stopped,
  };
}

function stateRecord(buffers: readonly string[], paramNames: readonly string[], state: OptimizerState): Record<string, Record<string, number>> {
  const record: Record<string, Record<string, number>> = {};
  for (const buffer of buffers) record[buffer] = cleanRecord(toRecord(paramNames, state.buffers[buffer]!));
  return record;
}

/** Checks, compiles and runs a problem. Never throws: bad input comes back as field errors. */
export function runOptimization(problem: OptimizeProblem): OptimizeResult {
  try {
    const prepared = prepareProblem(problem);
    if (!prepared.ok) return prepared;
    return runPrepared(prepared.prepared);
  } catch (error) {
    reportCaughtError('optimize', error);
    return { ok: false, errors: [{ field: '', message: `the run failed: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}
