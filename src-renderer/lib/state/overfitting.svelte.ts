import type { EpochRecord } from '../../../shared/core/dense/train';
import type { DenseIssue } from '../../../shared/core/dense/issues';
import type { OverfittingExplainResult } from '../../../shared/core/overfitting/explain';
import type { LabRun, LabSetup, OverfittingProgress, RunProgress, Surface } from '../../../shared/core/overfitting/lab';
import { onsetAt, type Onset, type OnsetChange } from '../../../shared/core/overfitting/onset';
import type { CoreError } from '../../../shared/protocol/messages';
import { DEFAULT_OVERFITTING_TOOL, type OverfittingToolState } from '../../../shared/protocol/overfitting-schema';
import { LatestCall, type CoreClient } from '../core-client';
import type { ProjectState } from './project.svelte';

/** One run as the view shows it: what arrived so far, then the whole result. */
export interface RunTrace {
  epochs: EpochRecord[];
  /** surfaces in epoch order (progress reports and snapshots) */
  surfaces: Surface[];
  /** the weights the run ended with (the best epoch's with early stopping), once finished */
  finalSurface: Surface | null;
  bestEpoch: number | null;
  /** the onset changes of the whole run (once finished), else null */
  onsets: OnsetChange[] | null;
  /** the onset as of the last report (while training) */
  latestOnset: Onset | null;
  finished: boolean;
  run: LabRun | null;
}

export type RemedyName = keyof OverfittingToolState['remedies'];

/** Epochs per second while playing. */
export const PLAYBACK_SPEEDS = [25, 50, 100, 250, 1000] as const;

/** The core's `overfittingLab` document for the settings: the baseline, and the run with every switched-on remedy. The view draws two classes, so blobs come as two. */
export function labDocument(tool: OverfittingToolState): Record<string, unknown> {
  const { remedies } = tool;
  const chosen: Record<string, unknown> = {};
  if (remedies.dropout.on) chosen.dropout = remedies.dropout.rate;
  if (remedies.weightDecay.on) chosen.weight_decay = remedies.weightDecay.value;
  if (remedies.earlyStopping.on) chosen.early_stopping = { patience: remedies.earlyStopping.patience };
  if (remedies.smaller.on) chosen.smaller = { widths: remedies.smaller.widths };
  if (remedies.moreData.on) chosen.more_data = { samples: remedies.moreData.samples };
  const regression = tool.dataset === 'regression';
  return {
    data: { kind: tool.dataset, noise: tool.noise, samples: tool.samples, validation: tool.validation, seed: tool.seed, ...(regression ? { truth: tool.truth } : {}), ...(tool.dataset === 'blobs' ? { classes: 2 } : {}) },
    widths: tool.widths,
    activation: tool.activation,
    seed: tool.seed,
    optimizer: { type: 'adam', lr: tool.lr },
    epochs: tool.epochs,
    ...(Object.keys(chosen).length > 0 ? { remedies: chosen } : {}),
  };
}

function emptyTrace(): RunTrace {
  return { epochs: [], surfaces: [], finalSurface: null, bestEpoch: null, onsets: null, latestOnset: null, finished: false, run: null };
}

function withProgress(trace: RunTrace, progress: RunProgress): RunTrace {
  const surfaces = trace.surfaces.at(-1)?.epoch === progress.surface.epoch ? trace.surfaces : [...trace.surfaces, progress.surface];
  return { ...trace, epochs: [...trace.epochs, ...progress.epochs], surfaces, bestEpoch: progress.best_epoch, latestOnset: progress.onset };
}

function finished(run: LabRun): RunTrace {
  return { epochs: run.epochs, surfaces: run.surfaces, finalSurface: run.final_surface, bestEpoch: run.best_epoch, onsets: run.onsets, latestOnset: run.onset, finished: true, run };
}

/**
 * The overfitting lab: settings (saved in the project, undoable), the two runs as they arrive
 * from the worker (progress, then the result), and playback over their epochs. The view's
 * effects call `request` when the settings change and `advance` on animation frames.
 */
/** How many epochs' derivations the lab keeps (each is both runs' numbers at that epoch). */
const EXPLAINED_EPOCHS = 32;

export class OverfittingState {
  readonly #client: CoreClient;
  readonly #project: ProjectState;

  tool: OverfittingToolState = $derived.by(() => this.#project.tools.overfitting ?? DEFAULT_OVERFITTING_TOOL);
  document: Record<string, unknown> = $derived(labDocument(this.tool));

  setup: LabSetup | null = $state.raw(null);
  baseline: RunTrace | null = $state.raw(null);
  remedied: RunTrace | null = $state.raw(null);
  /** the settings cannot run (issues at their fields) */
  issues: DenseIssue[] = $state.raw([]);
  error: CoreError | null = $state.raw(null);
  pending: boolean = $state(false);

  /** The playback position in epochs (fractional while playing; the view shows its floor). */
  position: number = $state(0);
  playing: boolean = $state(false);
  speed: number = $state(100);
  /** End was pressed while the runs still train: playback stays at the newest epoch as they arrive. */
  following: boolean = $state(false);

  /** Epochs trained so far by the longer run (playback cannot pass it). */
  available: number = $derived(Math.max(0, (this.baseline?.epochs.length ?? 0) - 1, (this.remedied?.epochs.length ?? 0) - 1));
  total: number = $derived(this.setup?.total ?? this.tool.epochs);
  cursor: number = $derived(Math.min(Math.floor(this.position), this.available));
  done: boolean = $derived((this.baseline?.finished ?? false) && (this.remedied?.finished ?? true));

  readonly #call = new LatestCall();
  /** The document of the runs on screen (their numbers' derivations are asked for it). */
  #shown: Record<string, unknown> | null = null;
  /** The derivations asked for, by epoch, of the runs now shown (the oldest dropped first). */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a cache read only inside explain(); nothing renders from it
  #explained = new Map<number, OverfittingExplainResult>();
  #explainedFor: Record<string, unknown> | null = null;

  constructor(client: CoreClient, project: ProjectState) {
    this.#client = client;
    this.#project = project;
  }

  // ---- talking to the core ------------------------------------------------------------

  /** Trains the document's runs (cancelling the one in flight) and plays them from epoch 0. */
  request(document: Record<string, unknown>): void {
    this.#shown = document;
    this.pending = true;
    this.position = 0;
    this.playing = true;
    this.following = false;
    this.setup = null;
    this.baseline = null;
    this.remedied = null;
    const onProgress = (progress: OverfittingProgress) => {
      if (progress.setup) this.setup = progress.setup;
      this.baseline = withProgress(this.baseline ?? emptyTrace(), progress.baseline);
      this.remedied = progress.remedied ? withProgress(this.remedied ?? emptyTrace(), progress.remedied) : null;
      this.#follow();
    };
    this.#call.run(
      (signal) => this.#client.overfittingLab({ lab: document }, { signal, onProgress }),
      (result) => {
        this.pending = false;
        this.error = null;
        if (!result.ok) {
          this.issues = result.issues;
          this.playing = false;
          return;
        }
        this.issues = [];
        const { baseline, remedied, ok: _ok, ...setup } = result;
        this.setup = setup;
        this.baseline = finished(baseline);
        this.remedied = remedied ? finished(remedied) : null;
        this.#follow();
        this.following = false;
      },
      (error) => {
        this.pending = false;
        this.playing = false;
        this.error = error;
      },
    );
  }

  /**
   * Both runs' numbers at `epoch` as the core derives them (it trains the shown runs again to
   * that epoch): the losses with their terms, the onset rule, early stopping, the remedies.
   */
  async explain(epoch: number, signal: AbortSignal): Promise<OverfittingExplainResult | null> {
    const shown = this.#shown;
    if (!shown) return null;
    // One answer holds every number of both runs at that epoch: the next click at the same epoch is instant.
    if (this.#explainedFor !== shown) {
      this.#explained.clear();
      this.#explainedFor = shown;
    }
    const known = this.#explained.get(epoch);
    if (known) return known;
    const answer = await this.#client.overfittingExplain({ lab: shown, epoch }, { signal });
    if (!answer.ok) return null;
    if (this.#explainedFor === shown) {
      if (this.#explained.size >= EXPLAINED_EPOCHS) this.#explained.delete(this.#explained.keys().next().value!);
      this.#explained.set(epoch, answer);
    }
    return answer;
  }

  #follow(): void {
    if (this.following) this.position = this.available;
  }

  dispose(): void {
    this.#call.cancel();
    this.playing = false;
  }

  // ---- playback ----------------------------------------------------------------------

  /** Moves playback on by `milliseconds` at the speed; stops at the end of the runs. */
  advance(milliseconds: number): void {
    if (!this.playing) return;
    this.position = Math.min(this.position + (this.speed * milliseconds) / 1000, this.available);
    if (this.done && this.position >= this.available) this.playing = false;
  }

  togglePlay(): void {
    this.following = false;
    if (!this.playing && this.done && this.cursor >= this.available) this.position = 0;
    this.playing = !this.playing;
  }

  step(): void {
    this.following = false;
    this.playing = false;
    this.position = Math.min(this.cursor + 1, this.available);
  }

  stepBack(): void {
    this.following = false;
    this.playing = false;
    this.position = Math.max(this.cursor - 1, 0);
  }

  reset(): void {
    this.following = false;
    this.playing = false;
    this.position = 0;
  }

  /** To the newest epoch; while the runs still train, playback follows the newest one as it arrives. */
  toEnd(): void {
    this.playing = false;
    this.position = this.available;
    this.following = !this.done;
  }

  // ---- reading a run at the cursor ------------------------------------------------------

  /** The run's surface at the epoch: the last one at or before it; past an early stop, the restored weights'. */
  surfaceAt(trace: RunTrace, epoch: number): Surface | null {
    const last = trace.epochs.length - 1;
    if (trace.finalSurface && trace.bestEpoch !== null && epoch >= last) return trace.finalSurface;
    let found: Surface | null = null;
    for (const surface of trace.surfaces) {
      if (surface.epoch > epoch) break;
      found = surface;
    }
    return found;
  }

  onsetAt(trace: RunTrace, epoch: number): Onset | null {
    if (trace.onsets) return onsetAt(trace.onsets, epoch);
    return epoch >= trace.epochs.length - 1 ? trace.latestOnset : null;
  }

  // ---- edits (undoable, saved with the project) ------------------------------------------

  #edit(next: OverfittingToolState, coalesceKey: string | null): void {
    this.#project.editTool('overfitting', next, coalesceKey);
  }

  set<K extends Exclude<keyof OverfittingToolState, 'remedies'>>(key: K, value: OverfittingToolState[K]): void {
    this.#edit({ ...this.tool, [key]: value }, `overfitting:${key}`);
  }

  setRemedy<R extends RemedyName>(name: R, value: Partial<OverfittingToolState['remedies'][R]>): void {
    const remedies = { ...this.tool.remedies, [name]: { ...this.tool.remedies[name], ...value } };
    this.#edit({ ...this.tool, remedies }, `overfitting:remedy:${name}`);
  }
}
