import { compileBatchModel } from '../expr/index';
import { describeValue } from '../network/format';
import { cleanNumber } from './format';
import type { OptimizeProblem } from './problem';
import { prepareProblem, problemError, type FieldError, type PreparedProblem } from './run';

/** Most grid points per side. */
export const MAX_GRID_RESOLUTION = 400;

export interface LossSurfaceRequest {
  /** Parameter on the horizontal axis, and its range. */
  x: { param: string; min: number; max: number };
  y: { param: string; min: number; max: number };
  /** Points per side (default 60). */
  resolution?: number;
  /** Values of every parameter (the two axes' values are ignored); defaults to the problem's initial values. */
  at?: Record<string, number>;
}

export interface LossSurface {
  xs: number[];
  ys: number[];
  /** Row-major, `values[j * xs.length + i]` is the loss at (xs[i], ys[j]); NaN where undefined. */
  values: number[];
  /** Smallest and largest finite values. */
  min: number;
  max: number;
}

/**
 * The whole-data loss over a grid of two parameters, the others held at `at`: the surface
 * the contour plot draws. Computed column-wise over the samples (compileBatchModel).
 */
export function lossSurfacePrepared(prepared: PreparedProblem, request: LossSurfaceRequest): LossSurface {
  const { problem, model, paramNames, inputRows, targets } = prepared;
  const resolution = Math.min(MAX_GRID_RESOLUTION, Math.max(2, Math.round(request.resolution ?? 60)));
  const count = inputRows.length;
  const batch = compileBatchModel(model.expr, paramNames, model.inputs, count, new Set([request.x.param, request.y.param]));
  const columns = model.inputs.map((_, k) => Float64Array.from(inputRows, (row) => row[k]!));
  const params = Float64Array.from(paramNames, (id, k) => (request.at && Object.hasOwn(request.at, id) ? request.at[id]! : prepared.initial[k]!));
  const xi = paramNames.indexOf(request.x.param);
  const yi = paramNames.indexOf(request.y.param);
  const axis = (min: number, max: number) => Array.from({ length: resolution }, (_, i) => min + ((max - min) * i) / (resolution - 1));
  const xs = axis(request.x.min, request.x.max);
  const ys = axis(request.y.min, request.y.max);
  const values = new Array<number>(resolution * resolution);
  const scale = problem.reduction === 'mean' ? 1 / count : 1;
  let min = Infinity;
  let max = -Infinity;
  for (let j = 0; j < resolution; j++) {
    params[yi] = ys[j]!;
    for (let i = 0; i < resolution; i++) {
      params[xi] = xs[i]!;
      const y = batch.evaluate(params, columns);
      let total = 0;
      // The loss is written out per kind so the inner loop makes no call.
      if (problem.loss === 'absolute_error') for (let k = 0; k < count; k++) total += Math.abs(targets[k]! - y[k]!);
      else {
        for (let k = 0; k < count; k++) {
          const r = targets[k]! - y[k]!;
          total += r * r;
        }
        if (problem.loss === 'half_squared_error') total *= 0.5;
      }
      const value = total * scale;
      values[j * resolution + i] = value;
      if (Number.isFinite(value)) {
        if (value < min) min = value;
        if (value > max) max = value;
      }
    }
  }
  return { xs: xs.map(cleanNumber), ys: ys.map(cleanNumber), values, min, max };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request's fields have the types the surface reads (any payload answers with field errors, never an exception). */
function checkRequestShape(request: unknown): FieldError[] {
  if (!isRecord(request)) return [problemError('', 'request_not_object', { got: describeValue(request) }, `the request must be an object with x, y and the problem, got ${describeValue(request)}`)];
  const errors: FieldError[] = [];
  for (const axis of ['x', 'y'] as const) {
    const range = request[axis];
    if (!isRecord(range)) {
      errors.push(problemError(axis, 'axis_not_object', { got: describeValue(range) }, `expected {"param": name, "min": number, "max": number}, got ${describeValue(range)}`));
      continue;
    }
    if (typeof range.param !== 'string') errors.push(problemError(`${axis}.param`, 'param_not_text', { got: describeValue(range.param) }, `expected a parameter name, got ${describeValue(range.param)}`));
    for (const end of ['min', 'max'] as const) {
      if (typeof range[end] !== 'number') errors.push(problemError(`${axis}.${end}`, 'expected_number', { got: describeValue(range[end]) }, `expected a number, got ${describeValue(range[end])}`));
    }
  }
  if (request.resolution !== undefined && !(typeof request.resolution === 'number' && Number.isFinite(request.resolution))) {
    const values = { max: MAX_GRID_RESOLUTION, got: describeValue(request.resolution) };
    errors.push(problemError('resolution', 'resolution_not_number', values, `expected points per side, a number (at most ${values.max} are used), got ${values.got}`));
  }
  if (request.at !== undefined) {
    if (!isRecord(request.at)) errors.push(problemError('at', 'at_not_object', { got: describeValue(request.at) }, `expected each parameter's value, e.g. {"a": 1}, got ${describeValue(request.at)}`));
    else {
      for (const [name, value] of Object.entries(request.at)) {
        if (typeof value !== 'number') errors.push(problemError(`at.${name}`, 'expected_number', { got: describeValue(value) }, `expected a number, got ${describeValue(value)}`));
      }
    }
  }
  return errors;
}

/** Checks the problem and the two parameter names, then computes the surface. Never throws. */
export function lossSurface(problem: OptimizeProblem, request: LossSurfaceRequest): { ok: true; surface: LossSurface } | { ok: false; errors: FieldError[] } {
  const prepared = prepareProblem(problem);
  if (!prepared.ok) return prepared;
  const shapeErrors = checkRequestShape(request);
  if (shapeErrors.length > 0) return { ok: false, errors: shapeErrors };
  const names = prepared.prepared.paramNames;
  const errors: FieldError[] = [];
  for (const axis of ['x', 'y'] as const) {
    const { param, min, max } = request[axis];
    if (!names.includes(param)) errors.push(problemError(`${axis}.param`, 'axis_not_param', { param, params: names.join(', ') }, `"${param}" is not a parameter of the model; choose one of ${names.join(', ')}`));
    if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) errors.push(problemError(`${axis}.min`, 'axis_range', { axis, min, max }, `the ${axis} range needs finite min < max (got ${min} to ${max})`));
  }
  if (request.x.param === request.y.param) errors.push(problemError('y.param', 'same_axes', {}, 'choose two different parameters for the axes'));
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, surface: lossSurfacePrepared(prepared.prepared, request) };
}
