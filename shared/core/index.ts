import { explainLayer } from './network/explain';
import type { Derivation, NetworkOverview } from './network/info';
import type { NetworkSpec } from './network/spec';
import { summarizeNetwork, summarizeOverview } from './network/summarize';
import { explainStep, lossSurface, runOptimization, type FieldError, type LossSurface, type LossSurfaceRequest, type OptimizeProblem, type OptimizeResult, type StepExplanation } from './optim/index';
import { createBuilderCore, type BuilderCore } from './network/builder-api';
import { unitRegion, type RegionFailure, type UnitRegion } from './receptive/region';
import { effectiveReceptiveField, type Cooperation, type EffectiveFieldFailure, type EffectiveFieldRequest, type EffectiveFieldResult } from './receptive/effective-field';
import { explainBiasVariance, explainDoubleDescent, runBiasVariance, runDoubleDescent, type BiasVarianceExplainRequest, type BiasVarianceRequest, type BiasVarianceResult, type DoubleDescentExplainRequest, type DoubleDescentRequest, type DoubleDescentResult, type RegressionExplanation, type RegressionFailure } from './regression/index';
import { gradientCheck, runBackprop, type BackpropCaseInput, type BackpropResult, type CaseIssue, type GradientCheck } from './backprop/index';
import { explainOverfitting, overfittingLab, type OverfittingExplainRequest, type OverfittingExplainResult, type OverfittingProgress, type OverfittingResult } from './overfitting/index';
import { gradientFlow, linearRegions, sameBudget, trainNetwork, type BudgetProgress, type BudgetResult, type DenseFailure, type GradientFlowRequest, type GradientFlowResult, type Regions1d, type Regions2d, type RegionsProgress, type RegionsRequest, type TrainProgress, type TrainRequest, type TrainResult } from './dense/index';

export * from './network/index';

/** The numeric core as plain calls on plain data: the calls the worker answers (shared/protocol names this `CoreApi`). */
export interface Core {
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
  /**
   * Gradient flow of a deep MLP on one batch (`case`: the `gradient-flow` command's document):
   * per layer weight std, activation mean / std / histogram, saturated or inactive share,
   * ||dL/dW||, ||dL/db||, ||delta||, std(dL/dW)/std(W), and the backward bound as derivations.
   * Cooperative (yields between large layers); issues at their fields for a bad case.
   */
  gradientFlow(payload: GradientFlowRequest, cooperation?: Cooperation): Promise<GradientFlowResult | DenseFailure>;
  /**
   * A training run as a trace (`run`: the `train` command's document): losses per epoch
   * (entry 0 before training), per step on request (loss, update-to-weight ratios), best epoch
   * with early stopping. Cooperative; reports `TrainProgress` (the records since the last
   * report) through the call's onProgress at least 10 times a second.
   */
  trainNetwork(payload: TrainRequest, cooperation?: Cooperation): Promise<TrainResult | DenseFailure>;
  /**
   * Exact linear regions of a 1-D or 2-D ReLU network (`net`: the `regions` command's document):
   * 1-D pieces, linear pieces and breakpoints; 2-D region count, bounds and (with `polygons`)
   * every region's polygon and pattern. Cooperative; reports `RegionsProgress`.
   */
  linearRegions(payload: RegionsRequest, cooperation?: Cooperation): Promise<Regions1d | Regions2d | DenseFailure>;
  /**
   * Same budget, two shapes: a deep-narrow and a shallow-wide network with (nearly) equal
   * parameter counts trained side by side on a 1-D target (sawtooth or a formula in x); both
   * fits on a grid and both loss curves. Cooperative; reports `BudgetProgress` (with both fits).
   */
  sameBudget(payload: { comparison: unknown }, cooperation?: Cooperation): Promise<BudgetResult | DenseFailure>;
  /**
   * The overfitting lab (`lab`: data set, network, optimizer, epochs, remedies): the seeded
   * training and validation sets, the run without remedies and (with any remedy) the run with
   * them side by side, each with its losses per epoch, best epoch, onset of overfitting and the
   * fit or class probabilities on a grid at snapshots. Cooperative; reports `OverfittingProgress`
   * (both runs' new epochs and surfaces now) at most every 50 ms.
   */
  overfittingLab(payload: { lab: unknown }, cooperation?: Cooperation): Promise<OverfittingResult | DenseFailure>;
  /**
   * The overfitting lab's numbers at one epoch as derivations (both runs trained again to it, the
   * same seeded runs): each loss as the mean of its samples' terms, the onset rule, early
   * stopping's best epoch, dropout's scale, weight decay's penalty, and the two validation
   * losses compared. Cooperative.
   */
  overfittingExplain(payload: OverfittingExplainRequest, cooperation?: Cooperation): Promise<OverfittingExplainResult | DenseFailure>;
  /**
   * Bias-variance lab: bias^2, variance, noise, their sum, test and train error and the mean fit
   * at every degree (or k); the fan of fits at `chosen` (default: the least expected error).
   * Issues (codes with values) for a bad case.
   */
  biasVariance(payload: BiasVarianceRequest): BiasVarianceResult | RegressionFailure;
  /** Every number of one complexity (and of one grid point) as its derivation. */
  biasVarianceExplain(payload: BiasVarianceExplainRequest): { ok: true; explanation: RegressionExplanation } | RegressionFailure;
  /** Double descent: train and test error for p = 1..P random ReLU features (min-norm or ridge), the drawn features, the fit at `chosen`. */
  doubleDescent(payload: DoubleDescentRequest): DoubleDescentResult | RegressionFailure;
  /** Train error, test error, ||c|| (and the fit at a grid point) of one p as derivations. */
  doubleDescentExplain(payload: DoubleDescentExplainRequest): { ok: true; explanation: RegressionExplanation } | RegressionFailure;
}

/** What the cooperative methods report while they run (the call's onProgress receives these). */
export interface CoreProgressMap {
  trainNetwork: TrainProgress;
  linearRegions: RegionsProgress;
  sameBudget: BudgetProgress;
  overfittingLab: OverfittingProgress;
}

/**
 * A payload's fields, whatever was sent: anything but an object reads as an object without
 * fields, so each method names the field that is missing instead of throwing on `null.spec`.
 * The fields are typed as the method declares them; each method checks their values itself.
 */
function fieldsOf<Payload extends object>(payload: Payload): Partial<Payload> {
  return typeof payload === 'object' && payload !== null ? payload : {};
}

/** Same object in the worker and in tests. Payload fields are read defensively: the core never throws, for any payload at all (fuzzed by `npm run fuzz`). */
export function createCore(): Core {
  return {
    optimize: (payload) => runOptimization(fieldsOf(payload).problem as OptimizeProblem),
    optimizeSurface: (payload) => lossSurface(fieldsOf(payload).problem as OptimizeProblem, fieldsOf(payload) as LossSurfaceRequest),
    optimizeExplain: (payload) => explainStep(fieldsOf(payload).problem as OptimizeProblem, fieldsOf(payload).step as number),
    summarize: (payload) => summarizeOverview(fieldsOf(payload).spec as NetworkSpec),
    ...createBuilderCore(),
    explain: (payload) => explainLayer(fieldsOf(payload).spec as NetworkSpec, fieldsOf(payload).index as number),
    backprop: (payload) => runBackprop(fieldsOf(payload).case),
    backpropGradientCheck: (payload) => gradientCheck(fieldsOf(payload).case),
    unitRegion: (payload) => {
      const { spec, layer, y, x } = fieldsOf(payload);
      return unitRegion(summarizeNetwork(spec as NetworkSpec), layer as number, y as number, x as number);
    },
    effectiveReceptiveField: (payload, cooperation) => effectiveReceptiveField(payload, cooperation),
    gradientFlow: (payload, cooperation) => gradientFlow(payload, cooperation),
    trainNetwork: (payload, cooperation) => trainNetwork(payload, cooperation),
    linearRegions: (payload, cooperation) => linearRegions(payload, cooperation),
    sameBudget: (payload, cooperation) => sameBudget(payload, cooperation),
    overfittingLab: (payload, cooperation) => overfittingLab(payload, cooperation),
    overfittingExplain: (payload, cooperation) => explainOverfitting(payload, cooperation),
    biasVariance: (payload) => runBiasVariance(payload),
    biasVarianceExplain: (payload) => explainBiasVariance(payload),
    doubleDescent: (payload) => runDoubleDescent(payload),
    doubleDescentExplain: (payload) => explainDoubleDescent(payload),
  };
}
