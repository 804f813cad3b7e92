import type { DoubleDescentRequest, DoubleDescentResult } from '../../../shared/core/regression/index';
import type { CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';
import { DEFAULT_DOUBLE_DESCENT_TOOL, doubleDescentRequest } from './regression-cases';
import { RegressionLabState } from './regression-lab.svelte';

/**
 * The double-descent lab (issue 13): the core's train and test error for p = 1..P random ReLU
 * features, and train_error, test_error and coefficient_norm of p features as derivations.
 */
export class DoubleDescentState extends RegressionLabState<'doubleDescent', DoubleDescentRequest, Omit<Extract<DoubleDescentResult, { ok: true }>, 'ok'>, number> {
  constructor(client: CoreClient, project: ProjectState) {
    super(client, project, {
      key: 'doubleDescent',
      defaults: DEFAULT_DOUBLE_DESCENT_TOOL,
      toRequest: doubleDescentRequest,
      run: (core, request, signal) => core.doubleDescent(request, { signal }),
      explain: (core, shown, features, point, signal) => core.doubleDescentExplain({ case: shown.case, features, ...(point === undefined ? {} : { point }) }, { signal }),
    });
  }
}
