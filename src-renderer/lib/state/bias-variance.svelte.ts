import type { BiasVarianceRequest, BiasVarianceResult } from '../../../shared/core/regression/index';
import type { CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';
import { DEFAULT_BIAS_VARIANCE_TOOL, biasVarianceRequest } from './regression-cases';
import { RegressionLabState } from './regression-lab.svelte';

/**
 * The bias-variance lab (issue 13, Q2a): the core's decomposition for its settings, and the
 * derivation of every number of one complexity (degree or k).
 */
export class BiasVarianceState extends RegressionLabState<'biasVariance', BiasVarianceRequest, Omit<Extract<BiasVarianceResult, { ok: true }>, 'ok'>, number> {
  constructor(client: CoreClient, project: ProjectState) {
    super(client, project, {
      key: 'biasVariance',
      defaults: DEFAULT_BIAS_VARIANCE_TOOL,
      toRequest: biasVarianceRequest,
      run: (core, request, signal) => core.biasVariance(request, { signal }),
      explain: (core, shown, complexity, point, signal) => core.biasVarianceExplain({ case: shown.case, complexity, ...(point === undefined ? {} : { point }) }, { signal }),
    });
  }
}
