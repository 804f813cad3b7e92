import type { FlowLayer, GradientFlowPreset } from '../../../shared/core/dense/index';
import { GRADIENT_FLOW_PRESETS } from '../../../shared/core/dense/presets';
import { gradientFlowToolSchema, type DepthToolState, type GradientFlowToolState } from '../../../shared/project/dense-labs';

/**
 * The documents the two dense labs send the core (the same JSON the CLI reads), built from
 * their saved settings, and the small readings the views make of the answers. Plain
 * functions, so the tests call them without Svelte.
 */

/** The lab's fixed frame (the presets'): 64 inputs, 10 classes, cross-entropy on a batch drawn N(0, 1). */
export const FLOW_FRAME = { input_dim: 64, output_dim: 10, loss: 'cross_entropy' } as const;

/** The choices of the selects, in the engine's order (read from the project schema, which takes them from the engine). */
export const ACTIVATION_IDS = gradientFlowToolSchema.shape.activation.options;
export const INIT_IDS = gradientFlowToolSchema.shape.init.options;

export type GradientFlowPresetId = GradientFlowPreset['id'];
export const GRADIENT_FLOW_PRESET_IDS: readonly GradientFlowPresetId[] = GRADIENT_FLOW_PRESETS.map((preset) => preset.id);

/** The lab's settings of a preset of the engine (shared/core/dense/presets.ts), with the training defaults. */
export function presetSettings(id: GradientFlowPresetId, training: Pick<GradientFlowToolState, 'steps' | 'lr'> = { steps: 50, lr: 0.01 }): GradientFlowToolState {
  const preset = GRADIENT_FLOW_PRESETS.find((each) => each.id === id)!;
  const flow = preset.case;
  const init = typeof flow.init === 'string' ? { scheme: flow.init } : flow.init;
  const settings: GradientFlowToolState = {
    depth: flow.depth,
    width: flow.width,
    activation: flow.activation,
    init: init.scheme as GradientFlowToolState['init'],
    seed: flow.seed,
    batch: flow.data.samples,
    steps: training.steps,
    lr: training.lr,
    preset: id,
  };
  if (init.std !== undefined) settings.std = init.std;
  return settings;
}

/** The first view of the lab: ReLU with He initialisation (the stable preset). */
export const DEFAULT_GRADIENT_FLOW: GradientFlowToolState = presetSettings('relu_he');

/** The behaviour the engine's preset shows (vanishing, stable, exploding), or null. */
export function presetBehaviour(id: GradientFlowPresetId | null | undefined): GradientFlowPreset['behaviour'] | null {
  return GRADIENT_FLOW_PRESETS.find((each) => each.id === id)?.behaviour ?? null;
}

/** The `init` of the case: the scheme's name, or an object when std, a or gain are set for it. */
export function flowInit(settings: GradientFlowToolState): string | { scheme: string; std?: number; a?: number; gain?: number } {
  const init: { scheme: string; std?: number; a?: number; gain?: number } = { scheme: settings.init };
  if (settings.init === 'normal' && settings.std !== undefined) init.std = settings.std;
  if (settings.init === 'uniform' && settings.a !== undefined) init.a = settings.a;
  if (takesGain(settings.init) && settings.gain !== undefined) init.gain = settings.gain;
  return Object.keys(init).length === 1 ? settings.init : init;
}

export function takesGain(scheme: GradientFlowToolState['init']): boolean {
  return scheme === 'xavier_uniform' || scheme === 'xavier_normal' || scheme === 'kaiming_uniform' || scheme === 'kaiming_normal';
}

/** The `gradient-flow` document of the settings (one seed draws the weights and the batch). */
export function flowCase(settings: GradientFlowToolState) {
  return {
    ...FLOW_FRAME,
    depth: settings.depth,
    width: settings.width,
    activation: settings.activation,
    init: flowInit(settings),
    seed: settings.seed,
    data: { samples: settings.batch, seed: settings.seed },
  };
}

/** "Train N steps": full-batch SGD on the same batch, one step per epoch, every step recorded. */
export function trainRun(settings: GradientFlowToolState) {
  const { data, ...network } = flowCase(settings);
  return { ...network, data, optimizer: { type: 'sgd' as const, lr: settings.lr }, epochs: settings.steps, per_step: true };
}

/** What the layer's share measures: saturated (tanh, sigmoid), inactive (relu, leaky relu), or nothing. */
export function shareOf(layer: FlowLayer): { kind: 'saturated' | 'inactive'; value: number } | null {
  if (layer.saturated_fraction !== undefined) return { kind: 'saturated', value: layer.saturated_fraction };
  if (layer.inactive_fraction !== undefined) return { kind: 'inactive', value: layer.inactive_fraction };
  return null;
}

/**
 * How the backward signal changes from the output back to the first layer: the ratio
 * ||delta_1|| / ||delta_L|| (delta = dL/dz, what the chain rule multiplies layer by layer),
 * read as vanishing below 1e-2, exploding above 1e2. Not ||dL/dW_1|| / ||dL/dW_L||: dL/dW_l =
 * delta_l a_{l-1}^T also carries the size of each layer's input, which hides a vanishing delta
 * behind an N(0, 1) input (sigmoid, depth 20, Xavier reads "stable" by the weights' norms).
 */
export function flowTrend(layers: readonly FlowLayer[]): { ratio: number; trend: 'vanishing' | 'stable' | 'exploding' } | null {
  if (layers.length < 2) return null;
  const first = layers[0]!.delta_norm;
  const last = layers.at(-1)!.delta_norm;
  const ratio = first / last;
  if (!Number.isFinite(ratio)) return { ratio, trend: first > last || Number.isNaN(ratio) ? 'exploding' : 'vanishing' };
  return { ratio, trend: ratio < 1e-2 ? 'vanishing' : ratio > 1e2 ? 'exploding' : 'stable' };
}

// ---- the depth lab ----------------------------------------------------------------------

export const DEFAULT_DEPTH: DepthToolState = {
  oneD: { source: 'sawtooth', k: 3, widths: [8, 8, 8], lo: -1, hi: 1 },
  twoD: { widths: [8, 8] },
  init: 'kaiming_normal',
  seed: 0,
  budget: { target: 'sawtooth', k: 4, formula: 'sin(6*x)', depth: 4, width: 4, epochs: 1000, lr: 0.01 },
};

/** The 1-D `regions` document: the sawtooth preset, or a drawn ReLU network on [lo, hi]. */
export function regions1dNet(state: DepthToolState) {
  const one = state.oneD;
  if (one.source === 'sawtooth') return { preset: { sawtooth: one.k } };
  return { input_dim: 1, widths: one.widths, init: state.init, seed: state.seed, domain: [one.lo, one.hi] };
}

/** The 2-D `regions` document on [-1, 1]^2. */
export function regions2dNet(state: DepthToolState) {
  return {
    input_dim: 2,
    widths: state.twoD.widths,
    init: state.init,
    seed: state.seed,
    domain: [
      [-1, 1],
      [-1, 1],
    ],
  };
}

/** The same-budget comparison: a deep net of `depth` x `width` and one hidden layer with as many parameters, full-batch Adam. */
export function budgetComparison(state: DepthToolState) {
  const budget = state.budget;
  return {
    target: budget.target === 'sawtooth' ? { sawtooth: budget.k } : { formula: budget.formula },
    domain: [0, 1],
    depth: budget.depth,
    width: budget.width,
    activation: 'relu',
    init: state.init,
    seed: state.seed,
    optimizer: { type: 'adam', lr: budget.lr },
    epochs: budget.epochs,
  };
}

/** Sawtooth arithmetic beside the plot: 2^k pieces from 6k + 1 parameters; one hidden layer needs 2^k - 1 units. */
export function sawtoothFacts(k: number): { pieces: number; parameters: number; shallowUnits: number; shallowParameters: number } {
  const pieces = 2 ** k;
  // one input, n hidden units, one output: 3n + 1 parameters
  return { pieces, parameters: 6 * k + 1, shallowUnits: pieces - 1, shallowParameters: 3 * (pieces - 1) + 1 };
}

/** Widths typed as a list ("8, 8, 8" or Persian "۸، ۸"), each checked by `read`; null with the index of the first bad entry. */
export function parseWidths(text: string, read: (entry: string) => number | null, limits: { maxLayers: number; maxWidth: number }): { ok: true; widths: number[] } | { ok: false; index: number } {
  const entries = text
    .split(/[,،;؛\s]+/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0 || entries.length > limits.maxLayers) return { ok: false, index: Math.min(entries.length, limits.maxLayers) };
  const widths: number[] = [];
  for (const [index, entry] of entries.entries()) {
    const value = read(entry);
    if (value === null || !Number.isInteger(value) || value < 1 || value > limits.maxWidth) return { ok: false, index };
    widths.push(value);
  }
  return { ok: true, widths };
}

/** A stable colour index of an activation pattern (["1010", "01"]): neighbouring regions differ in one bit, so hash the whole string. */
export function patternHash(pattern: readonly string[]): number {
  let hash = 2166136261;
  for (const char of pattern.join('|')) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 16777619) >>> 0;
  }
  return hash;
}
