import type { BudgetResult, EpochRecord, Regions1d, Regions2d } from '../../../shared/core/dense/index';
import type { DenseIssue } from '../../../shared/core/dense/issues';
import type { DepthToolState } from '../../../shared/project/dense-labs';
import { isCancelled, LatestCall, toCoreError, type CoreClient } from '../core-client';
import { coreErrorText, denseIssueText } from '../i18n/engine-messages';
import { budgetComparison, DEFAULT_DEPTH, regions1dNet, regions2dNet } from './dense-labs';
import type { ProjectState } from './project.svelte';

/** A same-budget run: both loss curves and fits as they arrive, then the final result. */
export interface BudgetRun {
  deepLosses: number[];
  shallowLosses: number[];
  fits: { deep: number[]; shallow: number[] } | null;
  done: number;
  total: number;
  running: boolean;
  result: BudgetResult | null;
  error: string | null;
}

/** An answer of the core for one panel: the value, or the engine's words for what it refused. */
export interface Answer<T> {
  value: T | null;
  refusal: string | null;
  error: string | null;
}

const EMPTY = { value: null, refusal: null, error: null };

function issuesText(issues: readonly DenseIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${denseIssueText(issue)}`).join('; ');
}

/**
 * The depth lab (Q2d): the settings (saved, undoable), the exact 1-D pieces and the 2-D
 * regions (asked again on every change, newest call wins), and the same-budget training run
 * (progress appended, cancellable).
 */
export class DepthState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;

  tool: DepthToolState = $derived.by(() => this.#project.tools.depth ?? DEFAULT_DEPTH);

  oneD: Answer<Regions1d> = $state.raw(EMPTY);
  twoD: Answer<Regions2d> = $state.raw(EMPTY);
  budget: BudgetRun | null = $state.raw(null);

  readonly #one = new LatestCall();
  readonly #two = new LatestCall();
  #run: AbortController | null = null;

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  request1d(state: DepthToolState): void {
    const net = regions1dNet(state);
    this.#one.run(
      (signal) => this.#client.linearRegions({ net }, { signal }),
      (answer) => {
        if (answer.ok && answer.dimension === 1) this.oneD = { value: answer, refusal: null, error: null };
        else if (!answer.ok) this.oneD = { value: this.oneD.value, refusal: issuesText(answer.issues), error: null };
      },
      (error) => (this.oneD = { ...this.oneD, error: coreErrorText(error) }),
    );
  }

  request2d(state: DepthToolState): void {
    const net = regions2dNet(state);
    this.#two.run(
      (signal) => this.#client.linearRegions({ net, polygons: true }, { signal }),
      (answer) => {
        if (answer.ok && answer.dimension === 2) this.twoD = { value: answer, refusal: null, error: null };
        else if (!answer.ok) this.twoD = { value: this.twoD.value, refusal: issuesText(answer.issues), error: null };
      },
      (error) => (this.twoD = { ...this.twoD, error: coreErrorText(error) }),
    );
  }

  /** Trains both shapes; each report appends its epochs and replaces the fits. */
  trainBudget(): void {
    this.cancelBudget();
    const controller = new AbortController();
    this.#run = controller;
    const comparison = budgetComparison(this.tool);
    let run: BudgetRun = { deepLosses: [], shallowLosses: [], fits: null, done: 0, total: comparison.epochs, running: true, result: null, error: null };
    this.budget = run;
    const update = (next: Partial<BudgetRun>) => {
      run = { ...run, ...next };
      this.budget = run;
    };
    const losses = (records: readonly EpochRecord[]) => records.map((record) => record.train_loss);
    this.#client
      .sameBudget(
        { comparison },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (controller.signal.aborted) return;
            update({ deepLosses: [...run.deepLosses, ...losses(progress.deep)], shallowLosses: [...run.shallowLosses, ...losses(progress.shallow)], fits: progress.fits, done: progress.done });
          },
        },
      )
      .then(
        (answer) => {
          if (controller.signal.aborted) return;
          if (answer.ok) update({ running: false, result: answer, deepLosses: answer.deep.losses, shallowLosses: answer.shallow.losses, fits: { deep: answer.deep.fit, shallow: answer.shallow.fit }, done: comparison.epochs });
          else update({ running: false, error: issuesText(answer.issues) });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isCancelled(error)) return;
          update({ running: false, error: coreErrorText(toCoreError(error)) });
        },
      )
      .finally(() => {
        if (this.#run === controller) this.#run = null;
      });
  }

  /** Stops the run; what arrived stays on screen. */
  cancelBudget(): void {
    if (!this.#run) return;
    this.#run.abort();
    this.#run = null;
    if (this.budget?.running) this.budget = { ...this.budget, running: false };
  }

  edit(next: Partial<DepthToolState>, coalesceKey: string | null = null): void {
    this.#project.editTool('depth', { ...this.tool, ...next }, coalesceKey);
  }

  editOneD(next: Partial<DepthToolState['oneD']>, coalesceKey: string | null = null): void {
    this.edit({ oneD: { ...this.tool.oneD, ...next } }, coalesceKey);
  }

  editTwoD(next: Partial<DepthToolState['twoD']>, coalesceKey: string | null = null): void {
    this.edit({ twoD: { ...this.tool.twoD, ...next } }, coalesceKey);
  }

  editBudget(next: Partial<DepthToolState['budget']>, coalesceKey: string | null = null): void {
    this.edit({ budget: { ...this.tool.budget, ...next } }, coalesceKey);
  }

  dispose(): void {
    this.#one.cancel();
    this.#two.cancel();
    this.cancelBudget();
  }
}
