import { STEP_OPS, STEP_TEXT_KEYS, type BackpropTensors, type Step, type StepOp, type StepOperands, type StepText, type StepTextKey, type IndexColumn, type TensorName, type Trace, type TraceInfo, type TraceLimits } from './types';

/** Op → its index in STEP_OPS (the value stored in a step's `op` column). */
export const OP = Object.fromEntries(STEP_OPS.map((op, k) => [op, k])) as { readonly [K in StepOp]: number };
/** Text key → its index in STEP_TEXT_KEYS (the value stored in a step's `key` column). */
export const KEY = Object.fromEntries(STEP_TEXT_KEYS.map((key, k) => [key, k])) as { readonly [K in StepTextKey]: number };

const INT16_MAX = 32767;

/** The tensor each op writes, by op index. */
const OUT: readonly TensorName[] = STEP_OPS.map((op): TensorName => {
  switch (op) {
    case 'conv':
      return 'conv';
    case 'activation':
      return 'activated';
    case 'pool_max':
    case 'pool_avg':
      return 'pooled';
    case 'loss':
      return 'loss';
    case 'grad_output':
      return 'grad_pooled';
    case 'grad_pool':
      return 'grad_activated';
    case 'grad_activation':
      return 'grad_conv';
    case 'grad_filter':
      return 'grad_filters';
    case 'grad_bias':
      return 'grad_bias';
    case 'grad_input':
      return 'grad_input';
  }
});

/**
 * Collects steps and where their operands are until the limits are reached, straight into
 * typed columns (struct of arrays): no object, array or string per step, and no copy of a
 * number the tensors already hold, so a 150,000-step trace costs little more than the
 * arithmetic. Ops ask `recording` before recording a step; past the limits every tensor is
 * still computed.
 *
 * Use: `begin()`, then `term(aAt, bAt)` per operand (`coefficient(value)` gives the index of
 * a number that is not a tensor cell), then `end(op, key, at)`.
 */
export class Recorder {
  recording: boolean;
  // Plain fields, not #private: this is the hot path, and bundlers may lower #private to WeakMaps.
  private _truncated: Trace['truncated'] = null;
  private readonly _limits: TraceLimits;
  private readonly _info: TraceInfo | null;
  private readonly _firstStep: Partial<Record<TensorName, number>> = {};
  private _lastOp = -1;
  private _op: Uint8Array;
  private _key: Uint8Array;
  private _at: Int32Array;
  private _stepStart: Int32Array;
  private _steps = 0;
  private _stepCapacity: number;
  private _aAt: IndexColumn;
  private _bAt: IndexColumn;
  private _length = 0;
  private _capacity: number;
  private _start = 0;
  private _coefficients: Float64Array;
  private _coefficientCount = 0;
  private _coefficientStart = 0;

  /**
   * `info`: the geometry the steps are read with (null for a recorder that never records).
   * `expected`: upper bounds on steps, operands and coefficients, so the columns are
   * allocated once (growing large typed arrays step by step costs more than the work), and
   * on any cell index an operand can hold (below 32,768: 16-bit index columns).
   */
  constructor(limits: TraceLimits, info: TraceInfo | null = null, expected: { steps: number; terms: number; coefficients: number; maxIndex: number } = { steps: 256, terms: 1024, coefficients: 256, maxIndex: INT16_MAX + 1 }) {
    this._limits = limits;
    this._info = info;
    this.recording = limits.maxSteps > 0 && info !== null;
    this._stepCapacity = this.recording ? Math.max(16, Math.min(expected.steps, limits.maxSteps)) : 0;
    this._capacity = this.recording ? Math.max(16, Math.min(expected.terms, limits.maxTerms + 1)) : 0;
    this._op = new Uint8Array(this._stepCapacity);
    this._key = new Uint8Array(this._stepCapacity);
    this._at = new Int32Array(this._stepCapacity);
    this._stepStart = new Int32Array(this._stepCapacity + 1);
    const narrow = expected.maxIndex <= INT16_MAX && expected.coefficients <= INT16_MAX;
    this._aAt = narrow ? new Int16Array(this._capacity) : new Int32Array(this._capacity);
    this._bAt = narrow ? new Int16Array(this._capacity) : new Int32Array(this._capacity);
    this._coefficients = new Float64Array(this.recording ? Math.max(16, Math.min(expected.coefficients, limits.maxTerms + 1)) : 0);
  }

  /** Where the next step's operands start. */
  begin(): number {
    this._start = this._length;
    this._coefficientStart = this._coefficientCount;
    return this._start;
  }

  /** One operand of the step being recorded: the cells it reads of the step's tensors a and b (-1: padding or none). */
  term(aAt: number, bAt: number): void {
    if (this._length === this._capacity) this._grow();
    const k = this._length++;
    this._aAt[k] = aAt;
    this._bAt[k] = bAt;
  }

  /**
   * The fast path for an op that knows (a bound on) a step's operand count: makes room for `n`
   * more operands and returns where the first goes. The op writes `aAt[k]` / `bAt[k]` itself
   * (read the columns after `reserve`: growing replaces them), then calls `commit(count)`.
   */
  reserve(n: number): number {
    while (this._length + n > this._capacity) this._grow();
    return this._length;
  }

  /** The operand columns being written (replaced when they grow). */
  get aAt(): IndexColumn {
    return this._aAt;
  }

  get bAt(): IndexColumn {
    return this._bAt;
  }

  /** `count` operands were written in place after `reserve`. */
  commit(count: number): void {
    this._length += count;
  }

  /** Stores a number that is not a tensor cell; an operand of tensor 'coefficient' refers to it by the index returned. */
  coefficient(value: number): number {
    if (this._coefficientCount === this._coefficients.length) this._coefficients = grown(this._coefficients, new Float64Array(Math.max(256, this._coefficients.length * 2)));
    // More coefficients than expected: an index past 16 bits needs 32-bit columns.
    if (this._coefficientCount > INT16_MAX && this._aAt instanceof Int16Array) this._widen();
    this._coefficients[this._coefficientCount] = value;
    return this._coefficientCount++;
  }

  /** Closes the step begun last: `op` (OP.x) writes flat index `at` of its tensor; `key` (KEY.x) words it. */
  end(op: number, key: number, at: number): void {
    if (!this.recording) return;
    if (this._steps >= this._limits.maxSteps || this._length > this._limits.maxTerms) {
      this._length = this._start;
      this._coefficientCount = this._coefficientStart;
      this.recording = false;
      const bySteps = this._steps >= this._limits.maxSteps;
      this._truncated = { afterSteps: this._steps, limit: bySteps ? 'steps' : 'operands', max: bySteps ? this._limits.maxSteps : this._limits.maxTerms };
      return;
    }
    if (this._steps === this._stepCapacity) this._growSteps();
    const i = this._steps++;
    this._op[i] = op;
    this._key[i] = key;
    this._at[i] = at;
    this._stepStart[i] = this._start;
    this._stepStart[i + 1] = this._length;
    if (op !== this._lastOp) {
      this._lastOp = op;
      const out = OUT[op]!;
      if (this._firstStep[out] === undefined) this._firstStep[out] = i;
    }
  }

  private _growSteps(): void {
    this._stepCapacity = Math.max(256, this._stepCapacity * 2);
    this._op = grown(this._op, new Uint8Array(this._stepCapacity));
    this._key = grown(this._key, new Uint8Array(this._stepCapacity));
    this._at = grown(this._at, new Int32Array(this._stepCapacity));
    this._stepStart = grown(this._stepStart, new Int32Array(this._stepCapacity + 1));
  }

  private _grow(): void {
    this._capacity = Math.max(1024, this._capacity * 2);
    const make = (n: number): IndexColumn => (this._aAt instanceof Int16Array ? new Int16Array(n) : new Int32Array(n));
    this._aAt = grown(this._aAt, make(this._capacity));
    this._bAt = grown(this._bAt, make(this._capacity));
  }

  private _widen(): void {
    this._aAt = grown(this._aAt, new Int32Array(this._capacity));
    this._bAt = grown(this._bAt, new Int32Array(this._capacity));
  }

  /** The trace; only meaningful for a recorder built with `info`. */
  toTrace(): Trace {
    const n = this._length;
    const steps = this._steps;
    // Mostly full: hand out views; else copy, so the worker does not send the unused tail.
    const cut = <T extends Uint8Array | Int16Array | Int32Array | Float64Array>(column: T, used: number): T => (used >= column.length * 0.75 ? column.subarray(0, used) : column.slice(0, used)) as T;
    return {
      length: steps,
      steps: { op: cut(this._op, steps), key: cut(this._key, steps), at: cut(this._at, steps), start: cut(this._stepStart, steps + 1) },
      operands: { aAt: cut(this._aAt, n), bAt: cut(this._bAt, n) },
      coefficients: cut(this._coefficients, this._coefficientCount),
      info: this._info ?? EMPTY_INFO,
      firstStep: { ...this._firstStep },
      truncated: this._truncated,
    };
  }
}

const EMPTY_INFO: TraceInfo = {
  inputShape: [0, 0, 0],
  filterShape: [0, 0, 0, 0],
  convShape: [0, 0, 0],
  pooledShape: [0, 0, 0],
  stride: [1, 1],
  padding: [0, 0],
  dilation: [1, 1],
  bias: [],
  activation: 'none',
  pool: { type: 'none', kernel: [1, 1], stride: [1, 1], padding: [0, 0] },
  ties: 'first',
};

function grown<T extends Uint8Array | Int16Array | Int32Array | Float64Array>(old: Uint8Array | Int16Array | Int32Array | Float64Array, next: T): T {
  next.set(old);
  return next;
}

/** Flat index → [i0, i1, …] for a shape (row-major). */
function unravel(at: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  let rest = at;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    index[d] = rest % size;
    rest = Math.floor(rest / size);
  }
  return index;
}

/** A trace with the tensors its operands refer to: a backprop result. */
export interface TraceSource {
  trace: Trace;
  tensors: BackpropTensors;
}

/** The numbers of a tensor an operand can refer to (null: none, e.g. no target without a loss). */
function cells(source: TraceSource, tensor: TensorName | undefined): ArrayLike<number> | null {
  if (tensor === undefined || tensor === 'loss') return null;
  if (tensor === 'coefficient') return source.trace.coefficients;
  if (tensor === 'target') return source.tensors.target?.data ?? null;
  return source.tensors[tensor].data;
}

/** The value a step writes: its cell of the output tensor (the loss for the loss step). */
function written(source: TraceSource, out: TensorName, at: number): number {
  if (out === 'loss') return source.tensors.loss ?? 0;
  return cells(source, out)?.[at] ?? 0;
}

function checkIndex(trace: Trace, i: number): void {
  if (!(Number.isInteger(i) && i >= 0 && i < trace.length)) throw new RangeError(`step ${i} is not in the trace (0 to ${trace.length - 1})`);
}

/**
 * The operands of step `i` with their values (read from the tensors: padding cells are 0)
 * and the running sum after each term, replayed by the op's own rule in the op's own order
 * (so every partial sum is bit for bit what the op computed): Σ a·b for a conv window,
 * dL/dW, dL/dX and the pool routing; Σ a for an average window and dL/db; the running
 * maximum for a max window; Σ (y - t)² for the loss; the written value for one-term steps.
 */
export function stepOperands(source: TraceSource, step: number | Pick<Step, 'out' | 'at'>): StepOperands {
  const { trace } = source;
  const i = typeof step === 'number' ? step : stepOfCell(trace, step.out, step.at);
  checkIndex(trace, i);
  const start = trace.steps.start[i]!;
  const count = trace.steps.start[i + 1]! - start;
  const op = STEP_OPS[trace.steps.op[i]!]!;
  const [a, b] = TENSORS_READ[trace.steps.op[i]!]!(trace.steps.key[i]!);
  const value = written(source, OUT[trace.steps.op[i]!]!, trace.steps.at[i]!);
  const aAt = Int32Array.from(trace.operands.aAt.subarray(start, start + count));
  const bAt = Int32Array.from(trace.operands.bAt.subarray(start, start + count));
  const aCells = cells(source, a);
  const bCells = cells(source, b);
  const aValues = new Float64Array(count);
  const bValues = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    aValues[k] = aCells && aAt[k]! >= 0 ? aCells[aAt[k]!]! : 0;
    bValues[k] = bCells && bAt[k]! >= 0 ? bCells[bAt[k]!]! : 0;
  }
  const partialSums = new Float64Array(count);
  let sum = 0;
  let first = true;
  for (let k = 0; k < count; k++) {
    switch (op) {
      case 'conv':
      case 'grad_filter':
      case 'grad_input':
      case 'grad_pool':
        sum += aValues[k]! * bValues[k]!;
        break;
      case 'pool_avg':
      case 'grad_bias':
        sum += aValues[k]!;
        break;
      case 'pool_max':
        if (aValues[k]! > sum || first) sum = aValues[k]!;
        first = false;
        break;
      case 'loss':
        sum += (aValues[k]! - bValues[k]!) ** 2;
        break;
      default:
        // activation (z), dL/dy and dL/dz: one term whose running sum is what the step writes.
        sum = op === 'activation' ? aValues[k]! : value;
    }
    partialSums[k] = sum;
  }
  return { aAt, aValues, bAt, bValues, partialSums };
}

/** The tensors a and b an op reads (by op index; the key tells a given dL/dy from a mean squared error). */
const TENSORS_READ: readonly ((key: number) => [TensorName, TensorName | undefined])[] = STEP_OPS.map((op) => {
  switch (op) {
    case 'conv':
      return () => ['input', 'filters'];
    case 'activation':
      return () => ['conv', undefined];
    case 'pool_max':
    case 'pool_avg':
      return () => ['activated', undefined];
    case 'loss':
      return () => ['pooled', 'target'];
    case 'grad_output':
      return (key: number) => (key === KEY.gradOutputMse ? ['pooled', 'target'] : ['coefficient', undefined]);
    case 'grad_pool':
      return () => ['grad_pooled', 'coefficient'];
    case 'grad_activation':
      return () => ['grad_activated', 'coefficient'];
    case 'grad_filter':
      return () => ['grad_conv', 'input'];
    case 'grad_bias':
      return () => ['grad_conv', undefined];
    case 'grad_input':
      return () => ['grad_conv', 'filters'];
  }
});

/**
 * Step `i` of a trace as one plain object: the cell it writes and its value, its operands'
 * position, what it adds or divides by, the max-pool winners and its words. Built on demand
 * from the columns, the tensors and the trace's info record, so a view materializes only the
 * step it shows. Every number in the words is an operand, a partial sum or the geometry (a
 * conv's `sum` is its last partial sum; a max pool's winners are found again over its
 * operands by the forward rule).
 */
export function traceStep(source: TraceSource, i: number): Step {
  const { trace } = source;
  checkIndex(trace, i);
  const { steps, info } = trace;
  const op = STEP_OPS[steps.op[i]!]!;
  const key = STEP_TEXT_KEYS[steps.key[i]!]!;
  const out = OUT[steps.op[i]!]!;
  const at = steps.at[i]!;
  const value = written(source, out, at);
  const start = steps.start[i]!;
  const count = steps.start[i + 1]! - start;
  const [a, b] = TENSORS_READ[steps.op[i]!]!(steps.key[i]!);
  const operands = stepOperands(source, i);
  const last = count > 0 ? operands.partialSums[count - 1]! : 0;
  const text = (params: StepText['params']): StepText => ({ key, params });
  const base = { op, out, at, value, start, count, a, ...(b ? { b } : {}) };
  switch (op) {
    case 'conv': {
      const index = unravel(at, info.convShape);
      const [f = 0, row = 0, col = 0] = index;
      const [, C = 0, kh = 0, kw = 0] = info.filterShape;
      const top = row * info.stride[0] - info.padding[0];
      const left = col * info.stride[1] - info.padding[1];
      const bias = info.bias[f] ?? 0;
      return {
        phase: 'forward',
        ...base,
        index,
        add: { tensor: 'bias', at: f, value: bias },
        text: text({ f, top, bottom: top + (kh - 1) * info.dilation[0], left, right: left + (kw - 1) * info.dilation[1], channels: C, terms: C * kh * kw, sum: last, bias, value }),
      };
    }
    case 'activation': {
      const z = operands.aValues[0] ?? 0;
      return { phase: 'forward', ...base, index: unravel(at, info.convShape), text: text({ kind: info.activation, z, value, positive: z > 0 ? 1 : 0 }) };
    }
    case 'pool_max':
    case 'pool_avg': {
      const index = unravel(at, info.pooledShape);
      const [f = 0, row = 0, col = 0] = index;
      const { type, kernel, stride, padding } = info.pool;
      const [kh, kw] = kernel;
      const top = row * stride[0] - padding[0];
      const left = col * stride[1] - padding[1];
      const global = type === 'globalmax' || type === 'globalavg' ? 1 : 0;
      const where = { f, top, bottom: top + kh - 1, left, right: left + kw - 1, kh, kw, global };
      if (op === 'pool_avg') {
        const divisor = kh * kw;
        return { phase: 'forward', ...base, index, divisor, text: text({ ...where, sum: last, divisor, value, padded: divisor - count }) };
      }
      // The forward rule again over the window's operands: `>` keeps the first maximum in row-major order.
      let best = -Infinity;
      let first = -1;
      let tied: number[] = [];
      for (let k = 0; k < count; k++) {
        const cell = operands.aAt[k]!;
        const v = operands.aValues[k]!;
        if (v > best || first < 0) {
          best = v;
          first = cell;
          tied = [cell];
        } else if (v === best) {
          tied.push(cell);
        }
      }
      const [, H = 0, W = 0] = info.convShape;
      const winners = info.ties === 'split' ? tied : [first];
      return { phase: 'forward', ...base, index, winners, text: text({ ...where, value: best, row: Math.floor((first % (H * W)) / W), col: first % W, tied: tied.length }) };
    }
    case 'loss':
      return { phase: 'forward', ...base, index: [], divisor: count, text: text({ terms: count, sum: last, value }) };
    case 'grad_output': {
      const index = unravel(at, info.pooledShape);
      if (key === 'gradOutputMse') {
        const n = info.pooledShape[0] * info.pooledShape[1] * info.pooledShape[2];
        return { phase: 'backward', ...base, index, divisor: n, text: text({ y: operands.aValues[0] ?? 0, t: operands.bValues[0] ?? 0, n, value }) };
      }
      return { phase: 'backward', ...base, index, text: text({ value }) };
    }
    case 'grad_pool': {
      const [, H = 0, W = 0] = info.convShape;
      const f = Math.floor(at / (H * W));
      const row = Math.floor((at % (H * W)) / W);
      const col = at % W;
      let shared = 0;
      for (let k = 0; k < count; k++) if (operands.bValues[k] !== 1) shared++;
      const divisor = count > 0 ? Math.round(1 / operands.bValues[0]!) : 0;
      return { phase: 'backward', ...base, index: [f, row, col], text: text({ f, row, col, windows: count, shared, value, divisor }) };
    }
    case 'grad_activation':
      return {
        phase: 'backward',
        ...base,
        index: unravel(at, info.convShape),
        text: text({ kind: info.activation, grad: operands.aValues[0] ?? 0, derivative: operands.bValues[0] ?? 0, value }),
      };
    case 'grad_filter': {
      const index = unravel(at, info.filterShape);
      const [f = 0, c = 0, u = 0, v = 0] = index;
      return { phase: 'backward', ...base, index, text: text({ f, c, u, v, terms: info.convShape[1] * info.convShape[2], value }) };
    }
    case 'grad_bias':
      return { phase: 'backward', ...base, index: [at], text: text({ f: at, terms: info.convShape[1] * info.convShape[2], value }) };
    case 'grad_input': {
      const index = unravel(at, info.inputShape);
      const [c = 0, y = 0, x = 0] = index;
      return { phase: 'backward', ...base, index, text: text(key === 'gradInputNone' ? { c, y, x } : { c, y, x, terms: count, value }) };
    }
  }
}

/** Every step of a trace as objects (tests and small traces; a view reads one step at a time with `traceStep`). */
export function traceSteps(source: TraceSource): Step[] {
  return Array.from({ length: source.trace.length }, (_, i) => traceStep(source, i));
}

/** The step that wrote cell `at` of `tensor`, or -1 (an identity stage, a given value, or past a truncated trace's end). */
export function stepOfCell(trace: Trace, tensor: TensorName, at: number): number {
  const first = trace.firstStep[tensor];
  if (first === undefined || !Number.isInteger(at) || at < 0) return -1;
  const s = first + at;
  return s < trace.length && trace.steps.at[s] === at && OUT[trace.steps.op[s]!] === tensor ? s : -1;
}
