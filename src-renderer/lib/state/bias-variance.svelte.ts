import type { BiasVarianceRequest, BiasVarianceResult, RegressionExplanation, RegressionIssue } from '../../../shared/core/regression/index';
import type { CoreError } from '../../../shared/protocol/messages';
import type { BiasVarianceToolState } from '../../../shared/project/regression-labs';
import { LatestCall, type CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';
import { DEFAULT_BIAS_VARIANCE_TOOL, biasVarianceRequest } from './regression-cases';

/**
 * The bias-variance lab (issue 13, Q2a): its settings (saved in the project, undoable), the
 * core's decomposition for them (asked again on every change; the newest call wins) and the
 * derivation of any number on screen, asked for the request those numbers came from.
 */
export class BiasVarianceState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;
  readonly #run = new LatestCall();

  tool: BiasVarianceToolState = $derived.by(() => this.#project.tools.biasVariance ?? DEFAULT_BIAS_VARIANCE_TOOL);

  /** The last good answer and the request it answers (kept while a newer request fails its check). */
  result: BiasVarianceResult | null = $state.raw(null);
  shown: BiasVarianceRequest | null = $state.raw(null);
  /** The core's issues with the settings now (a formula that does not parse, a truth not finite). */
  issues: RegressionIssue[] = $state.raw([]);
  /** The call failed (worker trouble, not bad settings). */
  error: CoreError | null = $state.raw(null);
  pending: boolean = $state(false);

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  /** Asks the core for the decomposition of these settings (cancelling the call before). */
  request(tool: BiasVarianceToolState): void {
    const request = biasVarianceRequest(tool);
    this.pending = true;
    this.#run.run(
      (signal) => this.#client.biasVariance(request, { signal }),
      (answer) => {
        this.pending = false;
        this.error = null;
        if (answer.ok) {
          this.result = answer;
          this.shown = request;
          this.issues = [];
        } else this.issues = answer.issues;
      },
      (error) => {
        this.pending = false;
        this.error = error;
      },
    );
  }

  /** Every number of one complexity (and with `point`, of one grid point) as its derivation, for the numbers on screen. */
  async explain(complexity: number, point: number | undefined, signal: AbortSignal): Promise<RegressionExplanation | null> {
    const shown = this.shown;
    if (!shown) return null;
    const answer = await this.#client.biasVarianceExplain({ case: shown.case, complexity, ...(point === undefined ? {} : { point }) }, { signal });
    return answer.ok ? answer.explanation : null;
  }

  /** An undoable edit of the settings; slider drags coalesce into one undo step per setting. */
  edit(next: Partial<BiasVarianceToolState>, coalesceKey: string | null = null): void {
    this.#project.editTool('biasVariance', { ...this.tool, ...next }, coalesceKey);
  }

  reset(): void {
    this.#project.editTool('biasVariance', DEFAULT_BIAS_VARIANCE_TOOL);
  }

  dispose(): void {
    this.#run.cancel();
  }
}
