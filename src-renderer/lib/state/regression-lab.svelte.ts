import type { RegressionExplanation, RegressionIssue } from '../../../shared/core/regression/index';
import type { CoreError } from '../../../shared/protocol/messages';
import type { ToolStates } from '../../../shared/project/tools';
import { LatestCall, type CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';

/** What one regression lab plugs into the shared state: its saved member, its request and its core calls. */
export interface RegressionLabSpec<Key extends 'biasVariance' | 'doubleDescent', Request extends { case: unknown }, Result, At> {
  key: Key;
  defaults: NonNullable<ToolStates[Key]>;
  toRequest(tool: NonNullable<ToolStates[Key]>): Request;
  run(client: CoreClient, request: Request, signal: AbortSignal): Promise<({ ok: true } & Result) | { ok: false; issues: RegressionIssue[] }>;
  explain(client: CoreClient, shown: Request, at: At, point: number | undefined, signal: AbortSignal): Promise<{ ok: true; explanation: RegressionExplanation } | { ok: false }>;
}

/**
 * A regression lab (bias-variance, double descent; issue 13): its settings (saved in the project,
 * undoable), the core's answer for them (asked again on every change; the newest call wins) and
 * the derivation of any number on screen, asked for the request those numbers came from.
 */
export class RegressionLabState<Key extends 'biasVariance' | 'doubleDescent', Request extends { case: unknown }, Result, At> {
  readonly #client: CoreClient;
  readonly #project: ProjectState;
  readonly #spec: RegressionLabSpec<Key, Request, Result, At>;
  readonly #run = new LatestCall();

  tool: NonNullable<ToolStates[Key]> = $derived.by(() => (this.#project.tools[this.#spec.key] ?? this.#spec.defaults) as NonNullable<ToolStates[Key]>);

  /** The last good answer and the request it answers (kept while a newer request fails its check). */
  result: ({ ok: true } & Result) | null = $state.raw(null);
  shown: Request | null = $state.raw(null);
  /** The core's issues with the settings now (a formula that does not parse, a truth not finite). */
  issues: RegressionIssue[] = $state.raw([]);
  /** The call failed (worker trouble, not bad settings). */
  error: CoreError | null = $state.raw(null);
  pending: boolean = $state(false);

  constructor(client: CoreClient, project: ProjectState, spec: RegressionLabSpec<Key, Request, Result, At>) {
    this.#client = client;
    this.#project = project;
    this.#spec = spec;
  }

  /** Asks the core for the answer to these settings (cancelling the call before). */
  request(tool: NonNullable<ToolStates[Key]>): void {
    const request = this.#spec.toRequest(tool);
    this.pending = true;
    this.#run.run(
      (signal) => this.#spec.run(this.#client, request, signal),
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

  /** The numbers of one model (`at`; with `point`, of one grid point) as derivations, for the numbers on screen. */
  async explain(at: At, point: number | undefined, signal: AbortSignal): Promise<RegressionExplanation | null> {
    const shown = this.shown;
    if (!shown) return null;
    const answer = await this.#spec.explain(this.#client, shown, at, point, signal);
    return answer.ok ? answer.explanation : null;
  }

  /** An undoable edit of the settings; slider drags coalesce into one undo step per setting. */
  edit(next: Partial<NonNullable<ToolStates[Key]>>, coalesceKey: string | null = null): void {
    this.#project.editTool(this.#spec.key, { ...this.tool, ...next } as ToolStates[Key], coalesceKey);
  }

  reset(): void {
    this.#project.editTool(this.#spec.key, this.#spec.defaults as ToolStates[Key]);
  }

  dispose(): void {
    this.#run.cancel();
  }
}
