import type { GradientFlowResult, StepRecord, TrainStop } from '../../../shared/core/dense/index';
import type { GradientFlowToolState } from '../../../shared/project/dense-labs';
import type { CoreError } from '../../../shared/protocol/messages';
import { isCancelled, LatestCall, toCoreError, type CoreClient } from '../core-client';
import { coreErrorText, denseIssueText } from '../i18n/engine-messages';
import { DEFAULT_GRADIENT_FLOW, flowCase, presetSettings, trainRun, type GradientFlowPresetId } from './dense-labs';
import type { ProjectState } from './project.svelte';

/** A "train N steps" run: its step records so far (appended as progress arrives). */
export interface FlowTraining {
  steps: StepRecord[];
  done: number;
  total: number;
  running: boolean;
  stopped: TrainStop | null;
  error: string | null;
}

/**
 * The gradient-flow lab (Q2c): the settings (saved in the project, undoable), the core's
 * numbers for them (asked again on every change; the newest call wins) and a training run's
 * update-to-weight ratios, which arrive step by step and can be cancelled.
 */
export class GradientFlowState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;

  tool: GradientFlowToolState = $derived.by(() => this.#project.tools.gradientFlow ?? DEFAULT_GRADIENT_FLOW);

  result: GradientFlowResult | null = $state.raw(null);
  /** The engine's words for a case it refused (a field and what would be valid). */
  refusal: string | null = $state(null);
  error: CoreError | null = $state.raw(null);
  pending: boolean = $state(false);
  training: FlowTraining | null = $state.raw(null);

  readonly #flow = new LatestCall();
  #train: AbortController | null = null;
  /** The network the training records belong to (a new network forgets them). */
  #trainedKey: string | null = null;

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  /** Asks the core for the numbers of `settings`; the call before is dropped. */
  request(settings: GradientFlowToolState): void {
    const flow = flowCase(settings);
    const key = JSON.stringify(flow);
    if (this.#trainedKey !== null && this.#trainedKey !== key) this.clearTraining();
    this.pending = true;
    this.#flow.run(
      (signal) => this.#client.gradientFlow({ case: flow }, { signal }),
      (answer) => {
        this.pending = false;
        this.error = null;
        if (answer.ok) {
          this.result = answer;
          this.refusal = null;
        } else {
          this.refusal = answer.issues.map((issue) => `${issue.field}: ${denseIssueText(issue)}`).join('; ');
        }
      },
      (error) => {
        this.pending = false;
        this.error = error;
      },
    );
  }

  /** Trains the shown network for `steps` full-batch SGD steps, appending each step's record as it comes. */
  train(): void {
    this.cancelTraining();
    const settings = this.tool;
    const controller = new AbortController();
    this.#train = controller;
    this.#trainedKey = JSON.stringify(flowCase(settings));
    let training: FlowTraining = { steps: [], done: 0, total: settings.steps, running: true, stopped: null, error: null };
    this.training = training;
    const update = (next: Partial<FlowTraining>) => {
      training = { ...training, ...next };
      if (!controller.signal.aborted || next.running === false) this.training = training;
    };
    this.#client
      .trainNetwork(
        { run: trainRun(settings) },
        {
          signal: controller.signal,
          onProgress: (progress) => {
            if (!controller.signal.aborted) update({ steps: [...training.steps, ...progress.steps], done: progress.done });
          },
        },
      )
      .then(
        (answer) => {
          if (controller.signal.aborted) return;
          if (answer.ok) update({ steps: answer.steps ?? training.steps, done: answer.epochs.length - 1, running: false, stopped: answer.stopped });
          else update({ running: false, error: answer.issues.map((issue) => `${issue.field}: ${denseIssueText(issue)}`).join('; ') });
        },
        (error: unknown) => {
          if (controller.signal.aborted || isCancelled(error)) return;
          update({ running: false, error: coreErrorText(toCoreError(error)) });
        },
      )
      .finally(() => {
        if (this.#train === controller) this.#train = null;
      });
  }

  /** Stops the run; the steps recorded so far stay on screen. */
  cancelTraining(): void {
    if (!this.#train) return;
    this.#train.abort();
    this.#train = null;
    if (this.training?.running) this.training = { ...this.training, running: false };
  }

  clearTraining(): void {
    this.cancelTraining();
    this.training = null;
    this.#trainedKey = null;
  }

  // ---- edits (undoable, saved with the project) ------------------------------------------

  /** Changes settings; the preset label goes unless only the training settings changed. */
  edit(next: Partial<GradientFlowToolState>, coalesceKey: string | null = null): void {
    const trainingOnly = Object.keys(next).every((key) => key === 'steps' || key === 'lr');
    this.#project.editTool('gradientFlow', { ...this.tool, ...next, ...(trainingOnly ? {} : { preset: null }) }, coalesceKey);
  }

  loadPreset(id: GradientFlowPresetId): void {
    this.#project.editTool('gradientFlow', presetSettings(id, { steps: this.tool.steps, lr: this.tool.lr }));
  }

  dispose(): void {
    this.#flow.cancel();
    this.cancelTraining();
  }
}
