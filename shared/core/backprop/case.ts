import { convInfo } from '../conv/conv';
import { poolOutputSize } from '../pool/pool';
import { CASE_LIMITS, type Activation, type BackpropCase, type CaseIssue, type CaseIssueCode, type CaseLimits, type Pair, type PoolType, type Tensor, type Ties } from './types';

/**
 * Checks a case as typed (the CLI format) and fills in every default. Never throws: each
 * problem is reported at its field or cell, e.g. `input[0][2]: row has 3 cells, expected 4`.
 */

export const ACTIVATIONS: readonly Activation[] = ['none', 'relu', 'sigmoid', 'tanh'];
export const POOL_TYPES: readonly PoolType[] = ['none', 'max', 'avg', 'globalmax', 'globalavg'];
export const TIES: readonly Ties[] = ['first', 'split'];
const CASE_FIELDS = ['input', 'filters', 'bias', 'stride', 'padding', 'dilation', 'activation', 'pool', 'upstream', 'ties'];
const POOL_FIELDS = ['type', 'kernel', 'stride', 'padding'];
/** Strides, paddings and dilations above this are surely typos at these sizes. */
const MAX_GEOMETRY = 64;

export type CaseCheck = { ok: true; value: BackpropCase } | { ok: false; issues: CaseIssue[] };

/** `['input', 0, 2]` → `input[0][2]`; `['pool', 'kernel']` → `pool.kernel`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** A short readable form of any JSON value for messages. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}

/** An issue at `path`: its code and values (for phrasing in any language) and its English. */
function issueAt(path: (string | number)[], code: CaseIssueCode, values: CaseIssue['values'], message: string): CaseIssue {
  return { path, code, values, message };
}

/** The English word for `count` items of a level ("1 cell", "3 cells"): the plural level name, singular for one. */
function countWord(plural: string, count: number): string {
  return count === 1 ? plural.replace(/s$/, '') : plural;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Levels of arrays down the first items; stops past any depth a grid may have, so a cyclic array ([a] with a[0] === a) ends. */
function nestingDepth(value: unknown): number {
  let depth = 0;
  let node = value;
  while (Array.isArray(node) && depth <= 8) {
    depth++;
    node = node[0];
  }
  return depth;
}

/**
 * Walks a nested grid of the given depth: every level an array, every sibling of equal
 * length, every leaf a finite number. `levelNames[k]` names what level k holds ("rows").
 */
function readGrid(value: unknown, path: (string | number)[], depth: number, levelNames: readonly string[], issues: CaseIssue[]): { dims: number[]; data: number[] } | null {
  const dims: number[] = [];
  const data: number[] = [];
  const before = issues.length;
  const walk = (node: unknown, at: (string | number)[], level: number): void => {
    if (issues.length - before >= 20) return;
    if (level === depth) {
      if (typeof node !== 'number' || !Number.isFinite(node)) issues.push(issueAt(at, 'not_a_number', { got: describe(node) }, `expected a number, got ${describe(node)}`));
      else data.push(node);
      return;
    }
    const holds = levelNames[level]!;
    if (!Array.isArray(node)) {
      issues.push(issueAt(at, 'not_an_array', { holds, got: describe(node) }, `expected an array of ${holds}, got ${describe(node)}`));
      return;
    }
    if (node.length === 0) {
      issues.push(issueAt(at, 'empty_level', { holds }, `has no ${holds}`));
      return;
    }
    const expected = dims[level];
    if (expected === undefined) dims[level] = node.length;
    else if (node.length !== expected) {
      const what = levelNames[level - 1]?.replace(/s$/, '') ?? 'grid';
      const items = countWord(holds, node.length);
      issues.push(issueAt(at, 'level_length', { what, count: node.length, items, expected }, `${what} has ${node.length} ${items}, expected ${expected}`));
      return;
    }
    node.forEach((child, i) => walk(child, [...at, i], level + 1));
  };
  walk(value, path, 0);
  return issues.length === before ? { dims, data } : null;
}

function readIntOrPair(value: unknown, path: (string | number)[], min: number, fallback: number, issues: CaseIssue[]): Pair {
  if (value === undefined) return [fallback, fallback];
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= MAX_GEOMETRY;
  const want = `${min === 0 ? 'a whole number ≥ 0' : `a whole number ≥ ${min}`} (at most ${MAX_GEOMETRY}) or [h, w]`;
  if (valid(value)) return [value, value];
  if (Array.isArray(value) && value.length === 2 && valid(value[0]) && valid(value[1])) return [value[0], value[1]];
  // A short list of numbers as typed ([1,-1]); anything else (a cyclic or nested array too) in words.
  const shown = Array.isArray(value) && value.length <= 4 && value.every((n) => typeof n === 'number') ? `[${value.join(',')}]` : describe(value);
  issues.push(issueAt(path, 'not_int_or_pair', { min, max: MAX_GEOMETRY, got: shown }, `expected ${want}, got ${shown}`));
  return [fallback, fallback];
}

function readEnum<T extends string>(value: unknown, path: (string | number)[], options: readonly T[], fallback: T, issues: CaseIssue[]): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (options as readonly string[]).includes(value)) return value as T;
  issues.push(issueAt(path, 'not_one_of', { options: options.join(', '), got: describe(value) }, `expected one of ${options.join(', ')}, got ${describe(value)}`));
  return fallback;
}

function unknownFields(record: Record<string, unknown>, known: readonly string[], prefix: (string | number)[], issues: CaseIssue[]): void {
  for (const key of Object.keys(record)) {
    if (!known.includes(key)) issues.push(issueAt([...prefix, key], 'unknown_field', { known: known.join(', ') }, `unknown field; known fields: ${known.join(', ')}`));
  }
}

/** A grid shaped like the output: [F][PH][PW], or [PH][PW] when there is one filter. */
function readOutputGrid(value: unknown, path: (string | number)[], shape: readonly number[], issues: CaseIssue[]): Tensor | null {
  const [F = 0, PH = 0, PW = 0] = shape;
  const depth = nestingDepth(value);
  const shapeText = `[${F}][${PH}][${PW}]${F === 1 ? ` (or [${PH}][${PW}])` : ''}`;
  // `form`: whether the 2-D spelling is offered too (one filter), for the phrasebooks.
  const shapeValues = { shape: `[${F}][${PH}][${PW}]`, shape2d: `[${PH}][${PW}]`, form: F === 1 ? 'either' : 'full' };
  if (depth !== 3 && !(depth === 2 && F === 1)) {
    issues.push(issueAt(path, 'not_output_grid', shapeValues, `expected a grid shaped like the output ${shapeText}`));
    return null;
  }
  const grid = readGrid(value, path, depth, depth === 3 ? ['maps', 'rows', 'cells'] : ['rows', 'cells'], issues);
  if (!grid) return null;
  const dims = depth === 3 ? grid.dims : [1, ...grid.dims];
  if (dims[0] !== F || dims[1] !== PH || dims[2] !== PW) {
    const got = dims.map((d) => `[${d}]`).join('');
    issues.push(issueAt(path, 'output_grid_shape', { ...shapeValues, got }, `is ${got}; expected the output's shape ${shapeText}`));
    return null;
  }
  return { shape: [F, PH, PW], data: grid.data };
}

/** A grid of the wrong depth: a value that is no array ("got 3"), or the levels of arrays it has ("got 1 level of arrays"). */
function depthIssue(field: 'input' | 'filters', forms: string, value: unknown, depth: number): CaseIssue {
  if (depth === 0) return issueAt([field], 'grid_not_grid', { field, got: describe(value) }, `expected a grid ${forms} of numbers, got ${describe(value)}`);
  const unit = depth > 1 ? 'levels' : 'level';
  return issueAt([field], 'grid_depth', { field, depth, unit }, `expected a grid ${forms} of numbers, got ${depth} ${unit} of arrays`);
}

/** The issue for a case that threw while it was read (a getter that throws, ...). */
export function unreadableCase(error: unknown): CaseIssue {
  const detail = error instanceof Error ? error.message : String(error);
  return issueAt([], 'unreadable', { detail }, `the case could not be read: ${detail}`);
}

export function checkCase(raw: unknown, limits: CaseLimits = CASE_LIMITS): CaseCheck {
  const issues: CaseIssue[] = [];
  if (!isRecord(raw)) return { ok: false, issues: [issueAt([], 'not_an_object', { got: describe(raw) }, `a case is a JSON object with input and filters, got ${describe(raw)}`)] };
  unknownFields(raw, CASE_FIELDS, [], issues);

  // input: [C][H][W] or [H][W]
  let input: Tensor | null = null;
  const inputDepth = nestingDepth(raw.input);
  if (raw.input === undefined) issues.push(issueAt(['input'], 'grid_required', { field: 'input' }, 'is required: a grid [C][H][W] or [H][W] of numbers'));
  else if (inputDepth !== 2 && inputDepth !== 3) issues.push(depthIssue('input', '[C][H][W] or [H][W]', raw.input, inputDepth));
  else {
    const grid = readGrid(raw.input, ['input'], inputDepth, inputDepth === 3 ? ['channels', 'rows', 'cells'] : ['rows', 'cells'], issues);
    if (grid) {
      const [C, H, W] = (inputDepth === 3 ? grid.dims : [1, ...grid.dims]) as [number, number, number];
      if (C > limits.maxChannels) issues.push(issueAt(['input'], 'too_many_channels', { count: C, max: limits.maxChannels }, `has ${C} channels; at most ${limits.maxChannels}`));
      if (H > limits.maxSize || W > limits.maxSize) issues.push(issueAt(['input'], 'input_too_large', { height: H, width: W, max: limits.maxSize }, `is ${H}x${W}; at most ${limits.maxSize}x${limits.maxSize}`));
      input = { shape: [C, H, W], data: grid.data };
    }
  }

  // filters: [F][C][kh][kw] or [kh][kw]
  let filters: Tensor | null = null;
  const filterDepth = nestingDepth(raw.filters);
  if (raw.filters === undefined) issues.push(issueAt(['filters'], 'grid_required', { field: 'filters' }, 'is required: a grid [F][C][kh][kw] or [kh][kw] of numbers'));
  else if (filterDepth !== 2 && filterDepth !== 4) issues.push(depthIssue('filters', '[F][C][kh][kw] or [kh][kw]', raw.filters, filterDepth));
  else {
    const grid = readGrid(raw.filters, ['filters'], filterDepth, filterDepth === 4 ? ['filters', 'channels', 'rows', 'cells'] : ['rows', 'cells'], issues);
    if (grid) {
      const [F, C, kh, kw] = (filterDepth === 4 ? grid.dims : [1, 1, ...grid.dims]) as [number, number, number, number];
      if (F > limits.maxFilters) issues.push(issueAt(['filters'], 'too_many_filters', { count: F, max: limits.maxFilters }, `has ${F} filters; at most ${limits.maxFilters}`));
      if (kh > limits.maxSize || kw > limits.maxSize) issues.push(issueAt(['filters'], 'kernel_too_large', { height: kh, width: kw, max: limits.maxSize }, `kernel is ${kh}x${kw}; at most ${limits.maxSize}x${limits.maxSize}`));
      if (input && C !== input.shape[0]) {
        const values = { count: C, items: C > 1 ? 'channels' : 'channel', expected: input.shape[0]! };
        const message = `has ${C} ${values.items}, expected ${values.expected} (one kernel per input channel)`;
        issues.push(
          filterDepth === 4
            ? issueAt(['filters', 0], 'filter_channels', values, message)
            : issueAt(['filters'], 'filter_channels_2d', values, `${message}; write filters as [F][C][kh][kw]`),
        );
      }
      filters = { shape: [F, C, kh, kw], data: grid.data };
    }
  }
  const F = filters?.shape[0] ?? 0;

  // bias: one per filter, zeros by default
  let bias: number[] = new Array<number>(F).fill(0);
  if (raw.bias !== undefined) {
    if (!Array.isArray(raw.bias)) issues.push(issueAt(['bias'], 'bias_not_array', { got: describe(raw.bias) }, `expected an array of numbers, one per filter, got ${describe(raw.bias)}`));
    else {
      const values: number[] = [];
      raw.bias.forEach((value, i) => {
        if (typeof value !== 'number' || !Number.isFinite(value)) issues.push(issueAt(['bias', i], 'not_a_number', { got: describe(value) }, `expected a number, got ${describe(value)}`));
        else values.push(value);
      });
      if (filters && raw.bias.length !== F) {
        const items = countWord('values', raw.bias.length);
        issues.push(issueAt(['bias'], 'bias_length', { count: raw.bias.length, items, expected: F }, `has ${raw.bias.length} ${items}, expected ${F} (one per filter)`));
      }
      else bias = values;
    }
  }

  const stride = readIntOrPair(raw.stride, ['stride'], 1, 1, issues);
  const padding = readIntOrPair(raw.padding, ['padding'], 0, 0, issues);
  const dilation = readIntOrPair(raw.dilation, ['dilation'], 1, 1, issues);
  const activation = readEnum(raw.activation, ['activation'], ACTIVATIONS, 'none', issues);
  const ties = readEnum(raw.ties, ['ties'], TIES, 'first', issues);

  // conv output size
  let convShape: [number, number, number] | null = null;
  if (input && filters) {
    const info = convInfo(input.shape, filters.shape, stride, padding, dilation);
    if (info.outHeight < 1 || info.outWidth < 1) {
      const values = { kernelHeight: info.effectiveKernel[0], kernelWidth: info.effectiveKernel[1], paddedHeight: input.shape[1]! + 2 * padding[0], paddedWidth: input.shape[2]! + 2 * padding[1] };
      issues.push(
        issueAt(
          ['filters'],
          'conv_output_empty',
          values,
          `the conv output would be empty: the effective kernel ${values.kernelHeight}x${values.kernelWidth} ((k - 1)·dilation + 1) is larger than the padded input ${values.paddedHeight}x${values.paddedWidth}`,
        ),
      );
    } else convShape = [info.filters, info.outHeight, info.outWidth];
  }

  // pool
  let pool: BackpropCase['pool'] = { type: 'none', kernel: [1, 1], stride: [1, 1], padding: [0, 0] };
  let outputShape: number[] | null = convShape;
  if (raw.pool !== undefined) {
    if (!isRecord(raw.pool)) issues.push(issueAt(['pool'], 'pool_not_object', { got: describe(raw.pool) }, `expected an object like {"type": "max", "kernel": 2}, got ${describe(raw.pool)}`));
    else {
      unknownFields(raw.pool, POOL_FIELDS, ['pool'], issues);
      const type = raw.pool.type === undefined ? undefined : readEnum(raw.pool.type, ['pool', 'type'], POOL_TYPES, 'none', issues);
      if (type === undefined) issues.push(issueAt(['pool', 'type'], 'pool_type_required', { options: POOL_TYPES.join(', ') }, `is required: one of ${POOL_TYPES.join(', ')}`));
      else if (type === 'max' || type === 'avg') {
        if (raw.pool.kernel === undefined) issues.push(issueAt(['pool', 'kernel'], 'pool_kernel_required', { type }, `is required for ${type} pooling: a whole number ≥ 1 or [h, w]`));
        const kernel = readIntOrPair(raw.pool.kernel, ['pool', 'kernel'], 1, 1, issues);
        const poolStride = raw.pool.stride === undefined ? kernel : readIntOrPair(raw.pool.stride, ['pool', 'stride'], 1, 1, issues);
        const poolPadding = readIntOrPair(raw.pool.padding, ['pool', 'padding'], 0, 0, issues);
        if (poolPadding[0] * 2 > kernel[0] || poolPadding[1] * 2 > kernel[1]) {
          const values = { paddingHeight: poolPadding[0], paddingWidth: poolPadding[1], kernelHeight: kernel[0], kernelWidth: kernel[1] };
          issues.push(issueAt(['pool', 'padding'], 'pool_padding_too_large', values, `${poolPadding[0]}x${poolPadding[1]} is more than half the kernel ${kernel[0]}x${kernel[1]} (PyTorch's limit)`));
        }
        pool = { type, kernel, stride: poolStride, padding: poolPadding };
        if (convShape) {
          const PH = poolOutputSize(convShape[1], kernel[0], poolStride[0], poolPadding[0]);
          const PW = poolOutputSize(convShape[2], kernel[1], poolStride[1], poolPadding[1]);
          if (PH < 1 || PW < 1) {
            const values = { kernelHeight: kernel[0], kernelWidth: kernel[1], paddedHeight: convShape[1] + 2 * poolPadding[0], paddedWidth: convShape[2] + 2 * poolPadding[1] };
            issues.push(
              issueAt(
                ['pool', 'kernel'],
                'pool_output_empty',
                values,
                `the pooled output would be empty: kernel ${kernel[0]}x${kernel[1]} is larger than the padded conv output ${values.paddedHeight}x${values.paddedWidth}`,
              ),
            );
            outputShape = null;
          } else outputShape = [convShape[0], PH, PW];
        }
      } else {
        for (const key of ['kernel', 'stride', 'padding'] as const) {
          if (raw.pool[key] !== undefined) issues.push(issueAt(['pool', key], 'pool_takes_no', { key, type }, `only max and avg pooling take a ${key}; ${type} has none`));
        }
        pool = { type, kernel: [1, 1], stride: [1, 1], padding: [0, 0] };
        if (convShape && (type === 'globalmax' || type === 'globalavg')) outputShape = [convShape[0], 1, 1];
      }
    }
  }

  // upstream: dL/d(output) as a number, a grid, or mean squared error to a target
  let upstream: BackpropCase['upstream'] = { kind: 'constant', value: 1 };
  const rawUpstream = raw.upstream;
  if (rawUpstream !== undefined) {
    if (typeof rawUpstream === 'number') {
      if (!Number.isFinite(rawUpstream)) issues.push(issueAt(['upstream'], 'upstream_not_finite', { got: String(rawUpstream) }, `expected a finite number, got ${rawUpstream}`));
      else upstream = { kind: 'constant', value: rawUpstream };
    } else if (Array.isArray(rawUpstream)) {
      if (outputShape) {
        const grad = readOutputGrid(rawUpstream, ['upstream'], outputShape, issues);
        if (grad) upstream = { kind: 'grid', grad };
      }
    } else if (isRecord(rawUpstream)) {
      unknownFields(rawUpstream, ['loss', 'target'], ['upstream'], issues);
      if (rawUpstream.loss !== 'mse') issues.push(issueAt(['upstream', 'loss'], 'loss_not_mse', { got: describe(rawUpstream.loss) }, `expected "mse", got ${describe(rawUpstream.loss)}`));
      if (rawUpstream.target === undefined) issues.push(issueAt(['upstream', 'target'], 'target_required', {}, 'is required: a grid shaped like the output'));
      else if (outputShape) {
        const target = readOutputGrid(rawUpstream.target, ['upstream', 'target'], outputShape, issues);
        if (target) upstream = { kind: 'mse', target };
      }
    } else {
      issues.push(issueAt(['upstream'], 'upstream_invalid', { got: describe(rawUpstream) }, `expected a number, a grid shaped like the output, or {"loss": "mse", "target": [...]}, got ${describe(rawUpstream)}`));
    }
  }

  if (issues.length > 0 || !input || !filters) return { ok: false, issues };
  return {
    ok: true,
    value: { input, filters, bias, stride, padding, dilation, activation, pool, upstream, ties, inputWas2d: inputDepth === 2, filtersWere2d: filterDepth === 2 },
  };
}
