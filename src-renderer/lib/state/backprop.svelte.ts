import type { Activation, BackpropCaseInput, BackpropResult, GradientCheck, PoolType, Step, StepOperands, TensorName, Ties } from '../../../shared/core/backprop/types';
import { createRandom } from '../../../shared/core/random';
import { SEED_BACKPROP_CASE } from '../../../shared/core/backprop/examples';
import { parseBackpropCase, type BackpropCaseError } from '../../../shared/protocol/backprop-schema';
import { stepOfCell, stepOperands, traceStep } from '../../../shared/core/backprop/trace';
import type { CoreError } from '../../../shared/protocol/messages';
import { isCancelled, LatestCall, toCoreError, type CoreClient } from '../core-client';
import { coreErrorText } from '../i18n/engine-messages';
import type { ProjectState } from './project.svelte';

type Pair = [number, number];

/**
 * The case as the editor holds it: every grid at full depth ([C][H][W], [F][C][kh][kw]),
 * every pair spelled out. It is also a valid CLI case, and that is what the project saves.
 */
export interface EditableCase {
  input: number[][][];
  filters: number[][][][];
  bias: number[];
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  activation: Activation;
  pool: { type: PoolType; kernel: Pair; stride: Pair; padding: Pair };
  upstream: { mode: 'constant'; value: number } | { mode: 'grid'; grid: number[][][] } | { mode: 'mse'; target: number[][][] };
  ties: Ties;
}

export type BackpropSuccess = Extract<BackpropResult, { ok: true }>;
/** A refused case's error at its field or cell, with the core's code and values (the view phrases it: backpropIssueText). */
export type FieldError = BackpropCaseError;

const pair = (value: unknown, fallback: number): Pair => (Array.isArray(value) ? [Number(value[0]), Number(value[1])] : typeof value === 'number' ? [value, value] : [fallback, fallback]);
const depth = (value: unknown): number => (Array.isArray(value) ? 1 + depth(value[0]) : 0);

/** A saved (valid) case at full depth. */
export function toEditable(raw: BackpropCaseInput): EditableCase {
  const input = (depth(raw.input) === 2 ? [raw.input] : raw.input) as number[][][];
  const filters = (depth(raw.filters) === 2 ? [[raw.filters]] : raw.filters) as number[][][][];
  const pool = raw.pool ?? { type: 'none' };
  const kernel = pair(pool.kernel, 2);
  const upstream: EditableCase['upstream'] =
    raw.upstream === undefined || typeof raw.upstream === 'number'
      ? { mode: 'constant', value: raw.upstream ?? 1 }
      : Array.isArray(raw.upstream)
        ? { mode: 'grid', grid: (depth(raw.upstream) === 2 ? [raw.upstream] : raw.upstream) as number[][][] }
        : { mode: 'mse', target: (depth((raw.upstream as { target: unknown }).target) === 2 ? [(raw.upstream as { target: unknown }).target] : (raw.upstream as { target: unknown }).target) as number[][][] };
  return {
    input,
    filters,
    bias: raw.bias ? [...raw.bias] : filters.map(() => 0),
    stride: pair(raw.stride, 1),
    padding: pair(raw.padding, 0),
    dilation: pair(raw.dilation, 1),
    activation: raw.activation ?? 'none',
    pool: { type: pool.type, kernel, stride: pool.stride === undefined ? kernel : pair(pool.stride, 1), padding: pair(pool.padding, 0) },
    upstream,
    ties: raw.ties ?? 'first',
  };
}

/** The CLI form of an editable case (what is validated, sent to the core and saved). */
export function toCaseInput(edit: EditableCase): BackpropCaseInput {
  const windowed = edit.pool.type === 'max' || edit.pool.type === 'avg';
  return {
    input: edit.input,
    filters: edit.filters,
    bias: edit.bias,
    stride: edit.stride,
    padding: edit.padding,
    dilation: edit.dilation,
    activation: edit.activation,
    pool: windowed ? { type: edit.pool.type, kernel: edit.pool.kernel, stride: edit.pool.stride, padding: edit.pool.padding } : { type: edit.pool.type },
    upstream: edit.upstream.mode === 'constant' ? edit.upstream.value : edit.upstream.mode === 'grid' ? edit.upstream.grid : { loss: 'mse', target: edit.upstream.target },
    ties: edit.ties,
  };
}

/** [F, PH, PW] of the output by PyTorch's size formulas, or null when a size is not positive. */
export function outputShape(edit: EditableCase): [number, number, number] | null {
  const [H, W] = [edit.input[0]?.length ?? 0, edit.input[0]?.[0]?.length ?? 0];
  const [kh, kw] = [edit.filters[0]?.[0]?.length ?? 0, edit.filters[0]?.[0]?.[0]?.length ?? 0];
  const OH = Math.floor((H + 2 * edit.padding[0] - (kh - 1) * edit.dilation[0] - 1) / edit.stride[0]) + 1;
  const OW = Math.floor((W + 2 * edit.padding[1] - (kw - 1) * edit.dilation[1] - 1) / edit.stride[1]) + 1;
  const F = edit.filters.length;
  if (!(OH >= 1 && OW >= 1)) return null;
  const { type, kernel, stride, padding } = edit.pool;
  if (type === 'globalmax' || type === 'globalavg') return [F, 1, 1];
  if (type === 'none') return [F, OH, OW];
  const PH = Math.floor((OH + 2 * padding[0] - kernel[0]) / stride[0]) + 1;
  const PW = Math.floor((OW + 2 * padding[1] - kernel[1]) / stride[1]) + 1;
  return PH >= 1 && PW >= 1 ? [F, PH, PW] : null;
}

/** A grid of the given shape keeping the old values where they overlap, `fill` elsewhere. */
export function resize(grid: unknown, shape: readonly number[], fill: number): never {
  const [first = 0, ...rest] = shape;
  const old = Array.isArray(grid) ? grid : [];
  if (rest.length === 0) return Array.from({ length: first }, (_, i) => (typeof old[i] === 'number' ? old[i] : fill)) as never;
  return Array.from({ length: first }, (_, i) => resize(old[i], rest, fill)) as never;
}

/** Integers in [min, max] from the project's seeded generator: the same seed gives the same grid in every session. */
export function seededIntegers(seed: number, count: number, min = -5, max = 5): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => min + Math.floor(random() * (max - min + 1)));
}

/**
 * The backprop tool: the case being edited, the core's last valid result, the stepper and
 * the gradient check. An invalid edit keeps the last valid result on screen and reports
 * each error at its field or cell; a valid one is saved in the project (undoable) and sent
 * to the core.
 */
export class BackpropState {
  edit: EditableCase = $state.raw(toEditable(SEED_BACKPROP_CASE));
  errors: FieldError[] = $state.raw([]);
  result: BackpropSuccess | null = $state.raw(null);
  pending: boolean = $state(false);
  callError: CoreError | null = $state.raw(null);
  /** -1: before the first step. */
  stepIndex: number = $state(-1);
  playing: boolean = $state(false);
  /** Steps per second while playing. */
  speed: number = $state(4);
  /** "Show all": every cell filled at once instead of built up step by step. */
  showAll: boolean = $state(false);
  selected: { tensor: TensorName; at: number } | null = $state.raw(null);
  check: GradientCheck | null = $state.raw(null);
  checkPending: boolean = $state(false);
  checkError: string | null = $state(null);
  /** The case issues the gradient check was refused with (phrased by the view). */
  checkIssues: FieldError[] = $state.raw([]);

  /** Steps in the trace (the trace is typed columns; only the step shown is read as an object). */
  stepCount: number = $derived(this.result?.trace.length ?? 0);
  step: Step | null = $derived(this.result && this.stepIndex >= 0 && this.stepIndex < this.stepCount ? traceStep(this.result, this.stepIndex) : null);
  outputShape = $derived(outputShape(this.edit));

  readonly #client: CoreClient;
  readonly #project: ProjectState;
  readonly #run = new LatestCall();
  #timer: ReturnType<typeof setInterval> | null = null;
  #saved: BackpropCaseInput | undefined = undefined;

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  /** Follows the project (open, undo, redo): a saved case other than the one we wrote replaces the editor's. */
  syncFromProject(saved: BackpropCaseInput | undefined): void {
    if (saved !== undefined && saved === this.#saved) return;
    this.#saved = saved;
    this.edit = toEditable(saved ?? SEED_BACKPROP_CASE);
    this.#validateAndRun();
  }

  /** An edit from the editor: validated at once; saved and computed when valid. */
  update(next: EditableCase, coalesceKey: string | null = null): void {
    this.edit = next;
    if (this.#validateAndRun()) {
      const saved = toCaseInput(next);
      this.#saved = saved;
      this.#project.editTool('backprop', saved, coalesceKey);
    }
  }

  /** Loads a preset as one undoable edit. */
  loadPreset(raw: BackpropCaseInput): void {
    this.update(toEditable(raw));
    this.stepIndex = -1;
  }

  #validateAndRun(): boolean {
    const parsed = parseBackpropCase(toCaseInput(this.edit));
    if (!parsed.ok) {
      this.errors = parsed.errors;
      return false;
    }
    this.errors = [];
    this.check = null;
    this.#request(parsed.value);
    return true;
  }

  #request(input: BackpropCaseInput): void {
    this.pending = true;
    this.#run.run(
      (signal) => this.#client.backprop({ case: input }, { signal }),
      (result) => {
        this.pending = false;
        if (!result.ok) {
          this.errors = result.issues;
          return;
        }
        this.result = result;
        this.callError = null;
        if (this.stepIndex >= result.trace.length) this.stepIndex = result.trace.length - 1;
      },
      (error) => {
        this.callError = error;
        this.pending = false;
      },
    );
  }

  /** Errors at a path or below it (['input', 0] covers input[0][2]). */
  errorsAt(prefix: readonly (string | number)[]): FieldError[] {
    return this.errors.filter((error) => prefix.every((part, k) => error.path[k] === part));
  }

  /** The step that wrote a cell of the shown result, or null (a given value, an identity stage, past a truncated trace). */
  stepOf(tensor: TensorName, at: number): number | null {
    if (!this.result) return null;
    const index = stepOfCell(this.result.trace, tensor, at);
    return index < 0 ? null : index;
  }

  /** Step `index` of the shown result with its operands' values and running sums. */
  stepAt(index: number): { step: Step; operands: StepOperands } | null {
    if (!this.result || index < 0 || index >= this.result.trace.length) return null;
    return { step: traceStep(this.result, index), operands: stepOperands(this.result, index) };
  }

  goTo(index: number): void {
    this.stepIndex = Math.max(-1, Math.min(index, this.stepCount - 1));
    if (this.stepIndex >= this.stepCount - 1) this.pause();
  }

  next(): void {
    this.goTo(this.stepIndex + 1);
  }

  previous(): void {
    this.goTo(this.stepIndex - 1);
  }

  play(): void {
    if (this.stepCount === 0) return;
    if (this.stepIndex >= this.stepCount - 1) this.stepIndex = -1;
    this.playing = true;
    this.#restartTimer();
  }

  pause(): void {
    this.playing = false;
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
  }

  setSpeed(stepsPerSecond: number): void {
    this.speed = stepsPerSecond;
    if (this.playing) this.#restartTimer();
  }

  #restartTimer(): void {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = setInterval(() => this.next(), 1000 / this.speed);
  }

  setShowAll(value: boolean): void {
    this.showAll = value;
    if (value) this.pause();
  }

  select(tensor: TensorName, at: number): void {
    this.selected = { tensor, at };
  }

  async runGradientCheck(): Promise<void> {
    const parsed = parseBackpropCase(toCaseInput(this.edit));
    if (!parsed.ok) return;
    this.checkPending = true;
    this.checkError = null;
    this.checkIssues = [];
    try {
      const outcome = await this.#client.backpropGradientCheck({ case: parsed.value }); // its time limit is in shared/protocol/time-limits.ts
      if (outcome.ok) this.check = outcome.check;
      else this.checkIssues = outcome.issues;
    } catch (error) {
      if (!isCancelled(error)) this.checkError = coreErrorText(toCoreError(error));
    } finally {
      this.checkPending = false;
    }
  }

  dispose(): void {
    this.pause();
    this.#run.cancel();
  }
}
