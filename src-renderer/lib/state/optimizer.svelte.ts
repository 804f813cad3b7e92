import type { LossSurface, OptimizeProblem, OptimizeResult, OptimizerConfig, StepExplanation } from '../../../shared/core/optim/index';
import type { CoreError } from '../../../shared/protocol/messages';
import { SEED_OPTIMIZE_PROBLEM } from '../../../shared/core/optim/presets';
import { DEFAULT_OPTIMIZERS, type OptimizerToolState } from '../../../shared/protocol/optimize-schema';
import { LatestCall, type CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';

type Trace = Extract<OptimizeResult, { ok: true }>;

/** A first problem that is not the seed, so a student types the seed in themselves (or loads it as a preset). */
export const STARTER_PROBLEM: OptimizeProblem = {
  model: 'w*x + b',
  params: { w: 0, b: 0 },
  data: { columns: ['x', 't'], rows: [[1, 3], [2, 5], [3, 7], [4, 9]] },
  target: 't',
  loss: 'squared_error',
  reduction: 'mean',
  optimizer: { type: 'sgd', lr: 0.05 },
  mode: 'batch',
  batch_size: 2,
  epochs: 20,
  shuffle: false,
  seed: 0,
};

/** The seed's question 4 as the tool opens it: the problem, Adam beside it for contrast, the contour over a and b. */
export function seedOptimizerTool(): OptimizerToolState {
  return { problem: SEED_OPTIMIZE_PROBLEM, compare: { ...DEFAULT_OPTIMIZERS.adam, lr: 0.5 }, axes: ['a', 'b'] };
}

const FUNCTION_NAMES = new Set(['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'sigmoid', 'relu']);
const TOKEN = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * The names a model text would make parameters (not a column, not a function), in order. Only
 * used to keep the initial-values list in step with what is typed; the core parses for real.
 */
export function parameterNamesOf(model: string, columns: readonly string[]): string[] {
  const names: string[] = [];
  for (const match of model.matchAll(TOKEN)) {
    const token = match[0];
    if (!/^[A-Za-z_]/.test(token) || FUNCTION_NAMES.has(token) || columns.includes(token) || names.includes(token)) continue;
    names.push(token);
  }
  return names;
}

/** Axis range covering every value a parameter takes in the runs, with a margin. */
function rangeOf(values: readonly number[]): { min: number; max: number } {
  const finite = values.filter(Number.isFinite);
  let min = Math.min(...finite, 0);
  let max = Math.max(...finite, 0);
  if (finite.length > 0) {
    min = Math.min(...finite);
    max = Math.max(...finite);
  }
  const span = Math.max(max - min, 1);
  return { min: min - span * 0.25, max: max + span * 0.25 };
}

/**
 * The optimizer stepper: the problem (saved in the project, undoable), the traces the core
 * returns for it and for a second optimizer, the step being shown, playback, and the loss
 * surfaces at that step. Views read these and call the edit methods; the view's effects call
 * `request` and `requestSurfaces` (the worker is the outside world).
 */
export class OptimizerState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;

  tool: OptimizerToolState = $derived.by(() => this.#project.tools.optimizer ?? { problem: STARTER_PROBLEM, compare: null, axes: null });
  problem: OptimizeProblem = $derived(this.tool.problem);

  /** The core's answer for `problem` (null until the first arrives). */
  result: OptimizeResult | null = $state.raw(null);
  /** The same problem with the compared optimizer, or null. */
  compareResult: OptimizeResult | null = $state.raw(null);
  /** The call failed (worker trouble, not a bad problem: that comes back in `result.errors`). */
  error: CoreError | null = $state.raw(null);
  pending: boolean = $state(false);

  /** Steps applied on screen: 0 shows the initial parameters. */
  cursor: number = $state(0);
  playing: boolean = $state(false);
  /** Steps per second while playing; a single step's animation also fits in 1/speed s. */
  speed: number = $state(1);
  /** The step whose parameter values the contour slice holds, when pinned; null: the shown step. */
  pinnedSlice: number | null = $state(null);

  surface: LossSurface | null = $state.raw(null);
  compareSurface: LossSurface | null = $state.raw(null);

  trace: Trace | null = $derived(this.result?.ok ? this.result : null);
  compareTrace: Trace | null = $derived(this.compareResult?.ok ? this.compareResult : null);
  stepCount: number = $derived(this.trace?.steps.length ?? 0);
  shownCursor: number = $derived(Math.min(this.cursor, this.stepCount));
  /** The contour plot is a slice through the parameters off its axes at this step (re-sliced per step unless pinned). */
  sliceStep: number = $derived(this.pinnedSlice === null ? this.shownCursor : Math.min(this.pinnedSlice, this.stepCount));
  /** The two parameters on the contour axes (the saved choice if still valid, else the first two). */
  axes: [string, string] | null = $derived.by(() => {
    const names = this.trace?.paramNames ?? [];
    const saved = this.tool.axes;
    if (saved && names.includes(saved[0]) && names.includes(saved[1]) && saved[0] !== saved[1]) return saved;
    return names.length >= 2 ? [names[0]!, names[1]!] : null;
  });

  readonly #run = new LatestCall();
  readonly #surfaces = new LatestCall();

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  /** Parameters after `cursor` steps of a trace (clamped to the run's length). */
  paramsAt(trace: Trace, cursor: number): Record<string, number> {
    if (cursor <= 0 || trace.steps.length === 0) return trace.initial;
    return trace.steps[Math.min(cursor, trace.steps.length) - 1]!.params;
  }

  // ---- talking to the core ------------------------------------------------------------

  /** Runs `problem` (and the comparison); cancels the run still in flight. */
  request(problem: OptimizeProblem, compare: OptimizerConfig | null): void {
    this.pending = true;
    this.#run.run(
      (signal) =>
        Promise.all([this.#client.optimize({ problem }, { signal }), compare ? this.#client.optimize({ problem: { ...problem, optimizer: compare } }, { signal }) : Promise.resolve(null)]),
      ([result, compareResult]) => {
        this.result = result;
        this.compareResult = compareResult;
        this.error = null;
        this.pending = false;
      },
      (error) => {
        this.error = error;
        this.pending = false;
      },
    );
  }

  /** Loss surfaces over the two axes at step `cursor` (the other parameters held at their values there). */
  requestSurfaces(problem: OptimizeProblem, trace: Trace | null, compareTrace: Trace | null, axes: [string, string] | null, cursor: number, compare: OptimizerConfig | null): void {
    if (!trace || !axes) {
      this.#surfaces.cancel();
      this.surface = null;
      this.compareSurface = null;
      return;
    }
    const all = [trace, ...(compareTrace ? [compareTrace] : [])];
    const values = (param: string) => all.flatMap((each) => [each.initial[param]!, ...each.steps.map((step) => step.params[param]!)]);
    const x = { param: axes[0], ...rangeOf(values(axes[0])) };
    const y = { param: axes[1], ...rangeOf(values(axes[1])) };
    const ask = (which: Trace, optimizer: OptimizerConfig, signal: AbortSignal) =>
      this.#client.optimizeSurface({ problem: { ...problem, optimizer }, x, y, resolution: 80, at: this.paramsAt(which, cursor) }, { signal });
    this.#surfaces.run(
      (signal) => Promise.all([ask(trace, problem.optimizer, signal), compareTrace && compare ? ask(compareTrace, compare, signal) : Promise.resolve(null)]),
      ([first, second]) => {
        this.surface = first.ok ? first.surface : null;
        this.compareSurface = second?.ok ? second.surface : null;
      },
      (error) => {
        this.error = error;
      },
    );
  }

  /** Every number of one step as its formula with the numbers filled in. */
  async explain(problem: OptimizeProblem, step: number, signal?: AbortSignal): Promise<StepExplanation | null> {
    const answer = await this.#client.optimizeExplain({ problem, step }, signal ? { signal } : undefined);
    return answer.ok ? answer.explanation : null;
  }

  dispose(): void {
    this.#run.cancel();
    this.#surfaces.cancel();
    this.playing = false;
  }

  /** Pins the contour slice at the shown step, or lets it follow the steps again. */
  pinSlice(pinned: boolean): void {
    this.pinnedSlice = pinned ? this.shownCursor : null;
  }

  // ---- playback ----------------------------------------------------------------------

  step(): void {
    this.cursor = Math.min(this.shownCursor + 1, this.stepCount);
    if (this.cursor >= this.stepCount) this.playing = false;
  }

  stepBack(): void {
    this.playing = false;
    this.cursor = Math.max(this.shownCursor - 1, 0);
  }

  reset(): void {
    this.playing = false;
    this.cursor = 0;
  }

  togglePlay(): void {
    if (!this.playing && this.shownCursor >= this.stepCount) this.cursor = 0;
    this.playing = !this.playing && this.stepCount > 0;
  }

  // ---- edits (undoable, saved with the project) ------------------------------------------

  #edit(next: Partial<OptimizerToolState>, coalesceKey: string | null = null): void {
    this.#project.editTool('optimizer', { ...this.tool, ...next }, coalesceKey);
  }

  setProblem(problem: OptimizeProblem, coalesceKey: string | null = null): void {
    this.#edit({ problem }, coalesceKey);
  }

  /** A new model text; parameters it no longer names are dropped, new ones start at 0. */
  setModel(model: string): void {
    const { problem } = this;
    const names = parameterNamesOf(model, problem.data.columns);
    const params = Object.fromEntries(names.map((id) => [id, Object.hasOwn(problem.params, id) ? problem.params[id]! : 0]));
    this.setProblem({ ...problem, model, params }, 'model');
  }

  setParam(id: string, value: number): void {
    this.setProblem({ ...this.problem, params: { ...this.problem.params, [id]: value } }, `param:${id}`);
  }

  setData(columns: string[], rows: number[][], target: string = this.problem.target, coalesceKey: string | null = null): void {
    const { problem } = this;
    const names = parameterNamesOf(problem.model, columns);
    const params = Object.fromEntries(names.map((id) => [id, Object.hasOwn(problem.params, id) ? problem.params[id]! : 0]));
    this.setProblem({ ...problem, data: { columns, rows }, target: columns.includes(target) ? target : (columns.at(-1) ?? target), params }, coalesceKey);
  }

  setSetting<K extends 'loss' | 'reduction' | 'mode' | 'batch_size' | 'epochs' | 'shuffle' | 'seed' | 'target'>(key: K, value: OptimizeProblem[K]): void {
    this.setProblem({ ...this.problem, [key]: value }, `setting:${key}`);
  }

  setOptimizer(optimizer: OptimizerConfig, coalesceKey: string | null = null): void {
    this.setProblem({ ...this.problem, optimizer }, coalesceKey);
  }

  /** Another optimizer type, with PyTorch's defaults (the learning rate kept). */
  setOptimizerType(type: OptimizerConfig['type'], which: 'main' | 'compare' = 'main'): void {
    const current = which === 'main' ? this.problem.optimizer : this.tool.compare;
    const next = { ...DEFAULT_OPTIMIZERS[type], ...(current ? { lr: current.lr } : {}) } as OptimizerConfig;
    if (which === 'main') this.setOptimizer(next);
    else this.setCompare(next);
  }

  setCompare(compare: OptimizerConfig | null, coalesceKey: string | null = null): void {
    this.#edit({ compare }, coalesceKey);
  }

  setAxes(axes: [string, string]): void {
    this.#edit({ axes });
  }

  loadSeed(): void {
    this.playing = false;
    this.cursor = 0;
    this.#edit(seedOptimizerTool());
  }
}
