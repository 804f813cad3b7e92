import type { LayerChecker } from '../issues';
import type { ComputedLayerInfo, Derivation, Pair, ParamCount, ReceptiveField, WindowGeometry } from '../info';
import { describeShape } from '../format';
import type { AxisMap, AxisSpans } from '../receptive-field';

/** What flows from one layer to the next. */
export interface FeatureMap {
  /** [C, H, W] or [N], without the batch axis. */
  shape: number[];
  /**
   * [H, W] of the image the units are laid out on: the current H and W for an image, the
   * last image's for a flattened vector, [1, N] for a vector input. A layer mixing a whole
   * axis (linear, global pooling) spans this many units of the previous receptive field.
   */
  spatialExtent: Pair;
  receptiveField: ReceptiveField;
  /** The exact input interval of every unit, per axis [height, width] (what `receptiveField` summarizes). */
  spans: [AxisSpans, AxisSpans];
}

export interface LayerOutcome {
  outputShape: number[];
  params: ParamCount;
  macs: number;
  /** How a unit reads the cells of the input, per axis: the engine derives the receptive field from it. */
  axes: [AxisMap, AxisMap];
  spatialExtent: Pair;
  geometry?: WindowGeometry;
}

/** One layer type: shape, parameter, MAC and receptive-field rules, and their derivations. */
export interface LayerRule {
  /** Returns undefined after reporting the problems to `check`. */
  compute(layer: Record<string, unknown>, input: FeatureMap, check: LayerChecker): LayerOutcome | undefined;
  /** Output, params and MACs derivations (memory and receptive field are added by the caller unless given here). */
  explain(layer: Record<string, unknown>, record: ComputedLayerInfo, input: FeatureMap): Derivation[];
}

export const NO_PARAMS: ParamCount = Object.freeze({ trainable: 0, buffers: 0 }) as ParamCount;

/** Each unit reads the unit at its own place (activations, batch norm, dropout). */
export const IDENTITY_AXES: [AxisMap, AxisMap] = Object.freeze([{ kind: 'identity' }, { kind: 'identity' }]) as unknown as [AxisMap, AxisMap];

/** The axis maps of a conv or pooling window. */
export function windowAxes(geometry: WindowGeometry): [AxisMap, AxisMap] {
  const { kernel, stride, dilation, padding } = geometry;
  return [
    { kind: 'window', kernel: kernel[0], stride: stride[0], dilation: dilation[0], padBefore: padding.top },
    { kind: 'window', kernel: kernel[1], stride: stride[1], dilation: dilation[1], padBefore: padding.left },
  ];
}

/** Image layers need [C, H, W]; after flatten or on a vector input they cannot run. */
export function requireImage(input: FeatureMap, check: LayerChecker): boolean {
  if (input.shape.length === 3) return true;
  check.report(
    'wrong_rank',
    undefined,
    { inputShape: describeShape(input.shape) },
    `needs a [C, H, W] input but got ${describeShape(input.shape)}; place it before flatten/linear, or give the network an image input`,
  );
  return false;
}

export function imageExtent(shape: readonly number[]): Pair {
  return shape.length === 3 ? [shape[1]!, shape[2]!] : [1, shape[0] ?? 1];
}
