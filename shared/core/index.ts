import { explainLayer } from './network/explain';
import type { Derivation, NetworkOverview } from './network/info';
import type { NetworkSpec } from './network/spec';
import { summarizeNetwork, summarizeOverview } from './network/summarize';
import { explainStep, lossSurface, runOptimization, type FieldError, type LossSurface, type LossSurfaceRequest, type OptimizeProblem, type OptimizeResult, type StepExplanation } from './optim/index';
import { createBuilderCore, type BuilderCore } from './network/builder-api';
import { unitRegion, type RegionFailure, type UnitRegion } from './receptive/region';
import { effectiveReceptiveField, type Cooperation, type EffectiveFieldFailure, type EffectiveFieldRequest, type EffectiveFieldResult } from './receptive/effective-field';
import { gradientCheck, runBackprop, type BackpropCaseInput, type BackpropResult, type CaseIssue, type GradientCheck } from './backprop/index';

export * from './network/index';

/** The numeric core as plain calls on plain data; it satisfies `CoreApi` in shared/protocol. */
export interface Core {
  summarize(payload: { spec: NetworkSpec }): NetworkOverview;
  explain(payload: { spec: NetworkSpec; index: number }): Derivation[];
  optimize(payload: { problem: OptimizeProblem }): OptimizeResult;
  optimizeSurface(payload: { problem: OptimizeProblem } & LossSurfaceRequest): { ok: true; surface: LossSurface } | { ok: false; errors: FieldError[] };
  optimizeExplain(payload: { problem: OptimizeProblem; step: number }): { ok: true; explanation: StepExplanation } | { ok: false; errors: FieldError[] };
  checkAnswers: BuilderCore['checkAnswers'];
  solveSettings: BuilderCore['solveSettings'];
  importCode: BuilderCore['importCode'];
  exportNetwork: BuilderCore['exportNetwork'];
  backprop(payload: { case: BackpropCaseInput }): BackpropResult;
  backpropGradientCheck(payload: { case: BackpropCaseInput }): { ok: true; check: GradientCheck } | { ok: false; issues: CaseIssue[] };
  unitRegion(payload: { spec: NetworkSpec; layer: number; y: number; x: number }): UnitRegion | RegionFailure;
  effectiveReceptiveField(payload: EffectiveFieldRequest, cooperation?: Cooperation): Promise<EffectiveFieldResult | EffectiveFieldFailure>;
}

/** Same object in the worker and in tests. Payload fields are read defensively: the core never throws. */
export function createCore(): Core {
  return {
    optimize: (payload) => runOptimization(payload.problem),
    optimizeSurface: (payload) => lossSurface(payload.problem, payload),
    optimizeExplain: (payload) => explainStep(payload.problem, payload.step),
    summarize: (payload) => summarizeOverview((payload as { spec?: NetworkSpec } | undefined)?.spec as NetworkSpec),
    ...createBuilderCore(),
    explain: (payload) => explainLayer((payload as { spec?: NetworkSpec } | undefined)?.spec as NetworkSpec, (payload as { index?: number } | undefined)?.index as number),
    backprop: (payload) => runBackprop((payload as { case?: unknown } | undefined)?.case),
    backpropGradientCheck: (payload) => gradientCheck((payload as { case?: unknown } | undefined)?.case),
    unitRegion: (payload) => unitRegion(summarizeNetwork(payload.spec), payload.layer, payload.y, payload.x),
    effectiveReceptiveField: (payload, cooperation) => effectiveReceptiveField(payload, cooperation),
  };
}
