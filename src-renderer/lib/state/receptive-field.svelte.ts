import type { LayerAnswerMarks } from '../../../shared/core/network/answers';
import type { NetworkSpec } from '../../../shared/core/network/spec';
import type { Answers } from '../../../shared/project/tools';
import type { EffectiveFieldResult } from '../../../shared/core/receptive/effective-field';
import type { UnitRegion } from '../../../shared/core/receptive/region';
import type { ReceptiveFieldFailure } from '../../../shared/core/receptive/messages';
import type { CoreError } from '../../../shared/protocol/messages';
import { LatestCall, type CoreClient } from '../core-client';

/** A unit of a layer (layer 0 is the input). */
export interface UnitRef {
  layer: number;
  y: number;
  x: number;
}

export type WeightsMode = 'uniform' | 'random';

/** An image source and where it came from. */
export interface InputImage {
  source: CanvasImageSource;
  width: number;
  height: number;
  /** File name, or null for the built-in sample. */
  name: string | null;
}

/**
 * The receptive-field explorer: the chosen unit, its exact region (from the core) and its
 * effective receptive field (computed in the worker; a new request cancels the one running),
 * the ERF options, the image shown as input, and the core's marks of the student's typed
 * receptive fields (the growth chart shows them; the core is the only marker).
 */
export class ReceptiveFieldState {
  selected: UnitRef | null = $state.raw(null);
  hover: UnitRef | null = $state.raw(null);
  region: UnitRegion | null = $state.raw(null);
  /** Why the last region could not be computed: the core's refusal (a code with values) or a failed call; views phrase it (receptiveFieldErrorText). */
  regionError: ReceptiveFieldFailure | CoreError | null = $state.raw(null);
  field: EffectiveFieldResult | null = $state.raw(null);
  fieldError: ReceptiveFieldFailure | CoreError | null = $state.raw(null);
  computingField: boolean = $state(false);
  weights: WeightsMode = $state('uniform');
  activations: boolean = $state(true);
  seed: number = $state(1);
  image: InputImage | null = $state.raw(null);
  imageError: string | null = $state(null);
  /**
   * The image as the network's input (C x H x W values in [0, 1]), or null when there is no
   * image or it cannot be one (a channel count other than 1 or 3): the effective field's
   * forward pass runs on it when there is one.
   */
  inputValues: number[] | null = $state.raw(null);
  /** The image the shown effective field ran on (its name, or null for the sample), or undefined when it ran on the seeded input. */
  fieldImage: { name: string | null } | undefined = $state.raw(undefined);
  /** The core's marks of the typed receptive fields (`rf` only), for the spec they were asked for. */
  marks: LayerAnswerMarks[] = $state.raw([]);
  marksError: CoreError | null = $state.raw(null);

  readonly #client: CoreClient;
  readonly #region = new LatestCall();
  readonly #field = new LatestCall();
  readonly #marks = new LatestCall();

  constructor(client: CoreClient) {
    this.#client = client;
  }

  /** Chooses a unit and asks the core for its region and (for layers >= 1) its effective field. */
  select(spec: NetworkSpec, unit: UnitRef): void {
    this.selected = unit;
    this.#requestRegion(spec, unit);
    this.requestField(spec);
  }

  /** Forgets the unit (e.g. after the network changed so that it no longer exists). */
  clear(): void {
    this.#region.cancel();
    this.cancelField();
    this.selected = null;
    this.region = null;
    this.regionError = null;
    this.field = null;
    this.fieldError = null;
  }

  #requestRegion(spec: NetworkSpec, unit: UnitRef): void {
    this.#region.run(
      (signal) => this.#client.unitRegion({ spec, layer: unit.layer, y: unit.y, x: unit.x }, { signal }),
      (result) => {
        this.region = result.ok ? result : null;
        this.regionError = result.ok ? null : result;
      },
      (error) => {
        this.region = null;
        this.regionError = error;
      },
    );
  }

  /** (Re)computes the effective field of the selected unit with the current options. */
  requestField(spec: NetworkSpec): void {
    this.cancelField();
    const unit = this.selected;
    this.field = null;
    this.fieldError = null;
    if (!unit || unit.layer < 1) return;
    this.computingField = true;
    const input = this.inputValues;
    const image = input && this.image ? { name: this.image.name } : undefined;
    this.#field.run(
      (signal) =>
        this.#client.effectiveReceptiveField(
          { spec, layer: unit.layer, y: unit.y, x: unit.x, weights: this.weights, activations: this.activations, seed: this.seed, ...(input ? { input } : {}) },
          { signal, timeoutMs: 60_000 },
        ),
      (result) => {
        this.field = result.ok ? result : null;
        this.fieldImage = result.ok && result.input === 'given' ? image : undefined;
        this.fieldError = result.ok ? null : result;
        this.computingField = false;
      },
      (error) => {
        this.fieldError = error;
        this.computingField = false;
      },
    );
  }

  /** Stops the effective field being computed (the worker drops it at its next checkpoint). */
  cancelField(): void {
    this.#field.cancel();
    this.computingField = false;
  }

  /** Asks the core to mark the typed receptive fields against `spec`; a newer request cancels the older one. */
  requestMarks(spec: NetworkSpec, answers: Answers): void {
    // Only the receptive fields: the chart has no use for the other marks (and their derivations).
    const layers = answers.layers.map((entry) => (entry?.rf?.trim() ? { rf: entry.rf } : null));
    if (!layers.some((entry) => entry !== null)) {
      this.#marks.cancel();
      this.marks = [];
      this.marksError = null;
      return;
    }
    this.#marks.run(
      (signal) => this.#client.checkAnswers({ spec, answers: { layers } }, { signal }),
      (marks) => {
        this.marks = marks;
        this.marksError = null;
      },
      (error) => {
        this.marks = [];
        this.marksError = error;
      },
    );
  }

  setImage(image: InputImage | null, error: string | null = null): void {
    this.image = image;
    this.imageError = error;
  }

  /** The image's values as the network's input (see `inputValues`); recomputes the effective field on them. */
  setInputValues(values: number[] | null, spec: NetworkSpec | null): void {
    if (values === this.inputValues) return;
    this.inputValues = values;
    if (spec && this.selected) this.requestField(spec);
  }

  dispose(): void {
    this.#region.cancel();
    this.#marks.cancel();
    this.cancelField();
  }
}
