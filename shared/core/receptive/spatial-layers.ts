import type { ComputedLayerInfo, NetworkSummary, Pair } from '../network/info';

/**
 * How one layer maps its output cells to the cells of its input, per axis. Shared by the
 * exact region (region.ts) and the effective receptive field (effective-field.ts), so both
 * read the engine's one info record per layer (geometry, shapes) and nothing else.
 */
export type AxisMap =
  /** Conv / pooling window: cell o reads o s - p + t d for t = 0..k-1 (out-of-range reads are padding). */
  | { kind: 'window'; kernel: number; stride: number; dilation: number; padBefore: number }
  /** Transposed conv: cell o is written by input i and tap t where o = i s - p + t d. */
  | { kind: 'transposed'; kernel: number; stride: number; dilation: number; padding: number }
  /** Adaptive average pooling: cell o averages floor(o n / m) .. ceil((o + 1) n / m) - 1. */
  | { kind: 'adaptive'; inputLength: number; outputLength: number }
  /** Global pooling: every cell reads the whole axis. */
  | { kind: 'whole'; inputLength: number }
  /** Elementwise layers (activations, batch norm, dropout, softmax over channels). */
  | { kind: 'identity' };

/** One layer whose input and output are [C, H, W]. */
export interface SpatialLayer {
  /** 1-based index in the network */
  index: number;
  record: ComputedLayerInfo;
  inputSize: Pair;
  outputSize: Pair;
  axes: [AxisMap, AxisMap];
}

function floorDivide(a: number, b: number): number {
  return Math.floor(a / b);
}

/** The axis maps of a computed layer, or undefined when its output is not an image. */
export function axisMapsOf(record: ComputedLayerInfo): [AxisMap, AxisMap] | undefined {
  if (record.inputShape.length !== 3 || record.outputShape.length !== 3) return undefined;
  const inputSize: Pair = [record.inputShape[1]!, record.inputShape[2]!];
  const outputSize: Pair = [record.outputShape[1]!, record.outputShape[2]!];
  const geometry = record.geometry;
  switch (record.type) {
    case 'conv2d':
    case 'maxpool2d':
    case 'avgpool2d':
      if (!geometry) return undefined;
      return [0, 1].map((axis) => ({
        kind: 'window',
        kernel: geometry.kernel[axis]!,
        stride: geometry.stride[axis]!,
        dilation: geometry.dilation[axis]!,
        padBefore: axis === 0 ? geometry.padding.top : geometry.padding.left,
      })) as [AxisMap, AxisMap];
    case 'convtranspose2d':
      if (!geometry) return undefined;
      return [0, 1].map((axis) => ({
        kind: 'transposed',
        kernel: geometry.kernel[axis]!,
        stride: geometry.stride[axis]!,
        dilation: geometry.dilation[axis]!,
        padding: axis === 0 ? geometry.padding.top : geometry.padding.left,
      })) as [AxisMap, AxisMap];
    case 'adaptiveavgpool2d':
      return [0, 1].map((axis) => ({ kind: 'adaptive', inputLength: inputSize[axis]!, outputLength: outputSize[axis]! })) as [AxisMap, AxisMap];
    case 'globalmaxpool2d':
    case 'globalavgpool2d':
      return [
        { kind: 'whole', inputLength: inputSize[0] },
        { kind: 'whole', inputLength: inputSize[1] },
      ];
    case 'flatten':
    case 'linear':
      return undefined;
    default:
      return [{ kind: 'identity' }, { kind: 'identity' }];
  }
}

/**
 * The cells of the layer below that cell `cell` reads, unclipped (indices outside
 * [0, inputLength - 1] are padding or lie outside the image), in ascending order.
 */
export function cellDependencies(map: AxisMap, cell: number): number[] {
  switch (map.kind) {
    case 'identity':
      return [cell];
    case 'window': {
      const start = cell * map.stride - map.padBefore;
      return Array.from({ length: map.kernel }, (_, tap) => start + tap * map.dilation);
    }
    case 'transposed': {
      const inputs: number[] = [];
      for (let tap = map.kernel - 1; tap >= 0; tap--) {
        const shifted = cell + map.padding - tap * map.dilation;
        if (((shifted % map.stride) + map.stride) % map.stride === 0) inputs.push(shifted / map.stride);
      }
      return inputs;
    }
    case 'adaptive': {
      const first = floorDivide(cell * map.inputLength, map.outputLength);
      const last = -floorDivide(-(cell + 1) * map.inputLength, map.outputLength) - 1;
      return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
    }
    case 'whole':
      return Array.from({ length: map.inputLength }, (_, i) => i);
  }
}

/**
 * The layers from the input up to layer `upTo` (1-based), when all of them are computed and
 * map images to images; otherwise the reason, in words that name the layer.
 */
export function spatialLayers(summary: NetworkSummary, upTo: number): { ok: true; layers: SpatialLayer[] } | { ok: false; message: string } {
  if (summary.input.length !== 3) return { ok: false, message: 'the network input is not an image [C, H, W]' };
  if (!Number.isInteger(upTo) || upTo < 0 || upTo > summary.layers.length) {
    return { ok: false, message: `layer ${upTo} does not exist; the network has layers 1 to ${summary.layers.length} (0 is the input)` };
  }
  const layers: SpatialLayer[] = [];
  for (const record of summary.layers.slice(0, upTo)) {
    if (record.status !== 'ok') return { ok: false, message: `layer ${record.index} (${record.type}) is not computed; fix the network first` };
    const axes = axisMapsOf(record);
    if (!axes) return { ok: false, message: `layer ${record.index} (${record.type}) does not output an image, so its units have no spatial position` };
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
