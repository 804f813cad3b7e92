import type { NetworkSpec } from '../core/network/spec';
import type { Derivation, NetworkOverview } from '../core/network/info';
import type { FieldError, LossSurface, LossSurfaceRequest, OptimizeProblem, OptimizeResult, StepExplanation } from '../core/optim/index';
import type { BuilderCore } from '../core/network/builder-api';
import type { BackpropCaseInput, BackpropResult, CaseIssue, GradientCheck } from '../core/backprop/types';
import type { RegionFailure, UnitRegion } from '../core/receptive/region';
import type { Cooperation, EffectiveFieldFailure, EffectiveFieldRequest, EffectiveFieldResult } from '../core/receptive/effective-field';

/**
 * Every call the renderer (or CLI) can make on the numeric core. The worker hosts an
 * implementation; unit tests call `createCoreApi()` directly (same call shape in and out of
 * the worker). Each method takes one plain-data payload and returns plain data.
 */
export interface CoreApi {
  /** Per-layer info records for a network. Never throws for a bad layer: it is reported in the record. */
  summarize(payload: { spec: NetworkSpec }): NetworkOverview;
  /** Derivations (formula, numbers filled in, result) of every number of one layer. */
  explain(payload: { spec: NetworkSpec; index: number }): Derivation[];
  /** Optimizer stepper: the model's display forms and every step of the run (numbers rounded for display), or field errors. */
  optimize(payload: { problem: OptimizeProblem }): OptimizeResult;
  /** Whole-data loss over a grid of two parameters, the others held at `at`. */
  optimizeSurface(payload: { problem: OptimizeProblem } & LossSurfaceRequest): { ok: true; surface: LossSurface } | { ok: false; errors: FieldError[] };
  /** Every number of one step (1-based) as its formula with the numbers filled in. */
  optimizeExplain(payload: { problem: OptimizeProblem; step: number }): { ok: true; explanation: StepExplanation } | { ok: false; errors: FieldError[] };
  /** Answer check: each typed output / params / receptive field marked right or wrong, with the reason. */
  checkAnswers: BuilderCore['checkAnswers'];
  /** Kernel / stride / padding / dilation settings that turn input size i into output size o. */
  solveSettings: BuilderCore['solveSettings'];
  /** PyTorch nn.Sequential or Keras Sequential code to a spec; all or nothing, errors with line numbers. */
  importCode: BuilderCore['importCode'];
  /** The network as PyTorch, Keras, JSON, or the table as CSV / Markdown. */
  exportNetwork: BuilderCore['exportNetwork'];
  /** Conv + pooling backprop: every tensor, forward and backward, and the step trace. Issues at their fields or cells for a bad case. */
  backprop(payload: { case: BackpropCaseInput }): BackpropResult;
  /** Central finite differences against every gradient of the case (the largest error). */
  backpropGradientCheck(payload: { case: BackpropCaseInput }): { ok: true; check: GradientCheck } | { ok: false; issues: CaseIssue[] };
  /** The exact field of unit (y, x) of a layer in every earlier layer: box, contributing cells, padding. */
  unitRegion(payload: { spec: NetworkSpec; layer: number; y: number; x: number }): UnitRegion | RegionFailure;
  /**
   * Effective receptive field of one unit (|dy/dx| over the input). Asynchronous and cooperative:
   * the host passes `cooperation`, whose checkpoint yields to the host's event loop and throws a
   * `cancelled` CoreError once the caller cancelled (see createDispatcher).
   */
  effectiveReceptiveField(payload: EffectiveFieldRequest, cooperation?: Cooperation): Promise<EffectiveFieldResult | EffectiveFieldFailure>;
}

export type CoreMethod = keyof CoreApi;
export type CorePayload<M extends CoreMethod> = Parameters<CoreApi[M]>[0];
/** What a call resolves to (asynchronous methods are awaited). */
export type CoreResult<M extends CoreMethod> = Awaited<ReturnType<CoreApi[M]>>;

/** Same interface, asynchronous: what a client of the worker sees. */
export type AsyncCoreApi = {
  [M in CoreMethod]: (payload: CorePayload<M>, options?: CallOptions) => Promise<CoreResult<M>>;
};

export interface CallOptions {
  /** Aborting rejects the call with a `cancelled` error and tells the worker to drop it. */
  signal?: AbortSignal;
  /** Milliseconds before the call fails with a `timeout` error. */
  timeoutMs?: number;
}
