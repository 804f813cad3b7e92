import type { DoubleDescentRequest, DoubleDescentResult, RegressionExplanation, RegressionIssue } from '../../../shared/core/regression/index';
import type { CoreError } from '../../../shared/protocol/messages';
import type { DoubleDescentToolState } from '../../../shared/project/regression-labs';
import { LatestCall, type CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';
import { DEFAULT_DOUBLE_DESCENT_TOOL, doubleDescentRequest } from './regression-cases';

/**
 * The double-descent lab (issue 13): its settings (saved in the project, undoable), the core's
 * train and test error for p = 1..P random ReLU features (asked again on every change; the
 * newest call wins) and the derivation of any number on screen, for the request it came from.
 */
export class DoubleDescentState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;
  readonly #run = new LatestCall();

  tool: DoubleDescentToolState = $derived.by(() => this.#project.tools.doubleDescent ?? DEFAULT_DOUBLE_DESCENT_TOOL);

  /** The last good answer and the request it answers (kept while a newer request fails its check). */
  result: DoubleDescentResult | null = $state.raw(null);
  shown: DoubleDescentRequest | null = $state.raw(null);
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
  request(tool: DoubleDescentToolState): void {
    const request = doubleDescentRequest(tool);
    this.pending = true;
    this.#run.run(
      (signal) => this.#client.doubleDescent(request, { signal }),
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

  /** train_error, test_error and coefficient_norm of p features (with `point`, the fit there) as derivations, for the numbers on screen. */
  async explain(features: number, point: number | undefined, signal: AbortSignal): Promise<RegressionExplanation | null> {
    const shown = this.shown;
    if (!shown) return null;
    const answer = await this.#client.doubleDescentExplain({ case: shown.case, features, ...(point === undefined ? {} : { point }) }, { signal });
    return answer.ok ? answer.explanation : null;
  }

  /** An undoable edit of the settings; slider drags coalesce into one undo step per setting. */
  edit(next: Partial<DoubleDescentToolState>, coalesceKey: string | null = null): void {
    this.#project.editTool('doubleDescent', { ...this.tool, ...next }, coalesceKey);
  }

  reset(): void {
    this.#project.editTool('doubleDescent', DEFAULT_DOUBLE_DESCENT_TOOL);
  }

  dispose(): void {
    this.#run.cancel();
  }
}
