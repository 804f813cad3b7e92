import type { ComputedLayerInfo, NetworkSummary, Pair } from '../network/info';
import { cellDependencies, type AxisMap } from '../network/receptive-field';
import { refuse, type ReceptiveFieldFailure } from './messages';

/** One layer whose input and output are [C, H, W]. */
export interface SpatialLayer {
  /** 1-based index in the network */
  index: number;
  record: ComputedLayerInfo;
  inputSize: Pair;
  outputSize: Pair;
  /**
   * How one output cell reads the cells of the input, per axis: the engine's own maps (the ones
   * its exact receptive field is composed from), shared by the exact region (region.ts) and the
   * effective receptive field (effective-field.ts).
   */
  axes: [AxisMap, AxisMap];
}

/** The axis maps of a computed layer, or undefined when its output has no spatial units (flatten, linear). */
export function axisMapsOf(record: ComputedLayerInfo): [AxisMap, AxisMap] | undefined {
  if (record.inputShape.length !== 3 || record.outputShape.length !== 3) return undefined;
  if (record.type === 'flatten' || record.type === 'linear') return undefined;
  return record.axes;
}

export { cellDependencies, type AxisMap };

/**
 * The layers from the input up to layer `upTo` (1-based), when all of them are computed and
 * map images to images; otherwise the reason, in words that name the layer.
 */
export function spatialLayers(summary: NetworkSummary, upTo: number): { ok: true; layers: SpatialLayer[] } | ReceptiveFieldFailure {
  if (summary.input.length !== 3) return refuse('input_not_image', { shape: '[C, H, W]' }, 'the network input is not an image [C, H, W]');
  if (!Number.isInteger(upTo) || upTo < 0 || upTo > summary.layers.length) {
    return refuse('no_layer', { layer: String(upTo), first: 1, count: summary.layers.length, input: 0 }, `layer ${upTo} does not exist; the network has layers 1 to ${summary.layers.length} (0 is the input)`);
  }
  const layers: SpatialLayer[] = [];
  for (const record of summary.layers.slice(0, upTo)) {
    if (record.status !== 'ok') return refuse('layer_not_computed', { layer: record.index, type: record.type }, `layer ${record.index} (${record.type}) is not computed; fix the network first`);
    const axes = axisMapsOf(record);
    if (!axes) return refuse('layer_not_image', { layer: record.index, type: record.type }, `layer ${record.index} (${record.type}) does not output an image, so its units have no spatial position`);
    layers.push({
      index: record.index,
      record,
      inputSize: [record.inputShape[1]!, record.inputShape[2]!],
      outputSize: [record.outputShape[1]!, record.outputShape[2]!],
      axes,
    });
  }
  return { ok: true, layers };
}
