import { describeValue, formatPlain } from '../network/format';
import type { NetworkSummary, Pair, ReceptiveField } from '../network/info';
import { dependencyProgression, PIXEL_RECEPTIVE_FIELD } from '../network/receptive-field';
import { cellDependencies, spatialLayers, type AxisMap, type SpatialLayer } from './spatial-layers';
import { refuse, type ReceptiveFieldFailure } from './messages';

/** [top, left, bottom, right], inclusive, in the cells of one layer (input pixels for layer 0). */
export type Box = [number, number, number, number];

/** What one unit sees along one axis of one earlier layer. */
export interface AxisRegion {
  /**
   * Bounding range [first, last] of the unit's field on this axis, unclipped: padding read by
   * an earlier window counts as a full field, exactly as the engine's r = r_prev + (k_eff - 1) j_prev
   * does, so on the input it is centre ± (r - 1) / 2 when units agree, and the unit's exact span
   * (the engine's size is the widest of them) when they differ. first > last when the unit reads nothing.
   */
  first: number;
  last: number;
  /** Cells in [0, length - 1] the unit really depends on, ascending. */
  contributing: number[];
  /** Cells outside [0, length - 1] that a window of the layer above reads as zero padding, ascending. */
  padding: number[];
}

/** The unit's field in one earlier layer (or the unit itself, for its own layer). */
export interface LayerRegion {
  /** 0 for the input, else the 1-based layer whose output this is. */
  layer: number;
  /** [H, W] of this layer's output. */
  size: Pair;
  rows: AxisRegion;
  columns: AxisRegion;
  /** Bounding box, unclipped. */
  box: Box;
  /** The box clipped to the layer, or null when nothing of it lies inside. */
  clippedBox: Box | null;
  /** The box extends outside the layer (the part outside is padding or lies beyond the image). */
  outside: boolean;
  /** Contributing cells fill the clipped box (false with dilation, stride larger than the kernel, or transposed conv gaps). */
  dense: boolean;
  /** Number of contributing cells. */
  contributingCount: number;
}

export interface UnitRegion {
  ok: true;
  unit: { layer: number; y: number; x: number };
  /** The unit's field on the input, [top, left, bottom, right] in input pixels, unclipped. */
  inputBox: Box;
  inputClippedBox: Box | null;
  /** The engine's receptive field of the unit's layer (what `inputBox` must agree with). */
  receptiveField: ReceptiveField;
  /** From the unit's own layer down to the input (layer 0). */
  layers: LayerRegion[];
}

/** Why there is no region: the English message and the same as a code with values. */
export type RegionFailure = ReceptiveFieldFailure;

interface AxisState {
  first: number;
  last: number;
  length: number;
  /** Cells first..last the unit reaches on the lattice (real cells, padding, and the cells beyond the layer a padded read continues to): reached[i] is cell first + i. */
  reached: Uint8Array;
  contributing: Uint8Array;
  padding: Set<number>;
}

/**
 * One layer down. The box is the hull of every cell reached on the lattice, through padding
 * too: padding read by a window above counts as a full field (as the engine's
 * r = r_prev + (k_eff - 1) j_prev does), so its cells continue into the layer below. Only the
 * cells actually reached count: the gaps of a dilated window or of a transposed conv do not
 * widen the box. Contributing cells are those reached through real cells only.
 */
function stepDown(state: AxisState, map: AxisMap, inputLength: number): AxisState {
  let first = Infinity;
  let last = -Infinity;
  const reachedCells: number[] = [];
  for (let i = 0; i < state.reached.length; i++) {
    if (!state.reached[i]) continue;
    const cell = state.first + i;
    reachedCells.push(cell);
    const read = dependencyProgression(map, cell);
    if (read.count === 0) continue;
    first = Math.min(first, read.first);
    last = Math.max(last, read.first + (read.count - 1) * read.step);
  }
  const empty = first > last;
  const reached = new Uint8Array(empty ? 0 : last - first + 1);
  if (!empty && map.kind === 'whole') reached.fill(1);
  else if (!empty) for (const cell of reachedCells) for (const input of cellDependencies(map, cell)) reached[input - first] = 1;
  const contributing = new Uint8Array(inputLength);
  const padding = new Set<number>();
  for (let cell = 0; cell < state.length; cell++) {
    if (!state.contributing[cell]) continue;
    for (const input of cellDependencies(map, cell)) {
      if (input >= 0 && input < inputLength) contributing[input] = 1;
      else if (map.kind === 'window') padding.add(input);
    }
  }
  return { first: empty ? 1 : first, last: empty ? 0 : last, length: inputLength, reached, contributing, padding };
}

function axisRegion(state: AxisState): AxisRegion {
  const contributing: number[] = [];
  for (let i = 0; i < state.length; i++) if (state.contributing[i]) contributing.push(i);
  return { first: state.first, last: state.last, contributing, padding: [...state.padding].sort((a, b) => a - b) };
}

function layerRegion(layer: number, size: Pair, rowState: AxisState, columnState: AxisState): LayerRegion {
  const rows = axisRegion(rowState);
  const columns = axisRegion(columnState);
  const box: Box = [rows.first, columns.first, rows.last, columns.last];
  const clipped: Box = [Math.max(box[0], 0), Math.max(box[1], 0), Math.min(box[2], size[0] - 1), Math.min(box[3], size[1] - 1)];
  const clippedBox = clipped[0] <= clipped[2] && clipped[1] <= clipped[3] ? clipped : null;
  const contributingCount = rows.contributing.length * columns.contributing.length;
  const clippedArea = clippedBox ? (clippedBox[2] - clippedBox[0] + 1) * (clippedBox[3] - clippedBox[1] + 1) : 0;
  return {
    layer,
    size,
    rows,
    columns,
    box,
    clippedBox,
    outside: box[0] < 0 || box[1] < 0 || box[2] > size[0] - 1 || box[3] > size[1] - 1,
    dense: contributingCount === clippedArea,
    contributingCount,
  };
}

function unitAxis(cell: number, length: number): AxisState {
  const contributing = new Uint8Array(length);
  contributing[cell] = 1;
  return { first: cell, last: cell, length, reached: Uint8Array.of(1), contributing, padding: new Set() };
}

/** Most cell visits of one region (every layer, both axes): a 4096x4096 input through twenty 7x7 layers takes about 1.5 million. */
export const MAX_REGION_WORK = 5_000_000;

/** Upper bound of the cells `unitRegion` visits: each layer marks its input cells and reads the taps of each output cell, per axis. */
function regionWork(layers: readonly SpatialLayer[], inputSize: Pair): number {
  let work = inputSize[0] + inputSize[1];
  for (const layer of layers) {
    for (const axis of [0, 1] as const) {
      const map = layer.axes[axis];
      const inputLength = layer.inputSize[axis];
      const outputLength = layer.outputSize[axis];
      const taps =
        map.kind === 'window' || map.kind === 'transposed' ? map.kernel : map.kind === 'whole' ? inputLength : map.kind === 'adaptive' ? Math.ceil(inputLength / outputLength) + 1 : 1;
      work += inputLength + outputLength * (taps + 1);
    }
  }
  // The lattice a unit reaches grows downwards through padding and dilation too (reached cells
  // beyond a layer continue to the layers below), so bound each layer's reached span as well.
  for (const axis of [0, 1] as const) {
    let span = 1;
    for (let position = layers.length - 1; position >= 0; position--) {
      const map = layers[position]!.axes[axis];
      const inputLength = layers[position]!.inputSize[axis];
      let below = span;
      if (map.kind === 'window') below = (span - 1) * map.stride + (map.kernel - 1) * map.dilation + 1;
      else if (map.kind === 'transposed') below = Math.floor((span - 1) / map.stride) + Math.ceil(((map.kernel - 1) * map.dilation) / map.stride) + 1;
      else if (map.kind === 'adaptive') below = Math.ceil((span * map.inputLength) / map.outputLength) + 1;
      else if (map.kind === 'whole') below = Math.max(span, inputLength);
      work += below + span * (map.kind === 'window' || map.kind === 'transposed' ? map.kernel : 1);
      span = below;
      if (!(work <= MAX_REGION_WORK)) return work;
    }
  }
  return work;
}

/**
 * The exact field of unit (y, x) of layer `layer` (1-based; 0 is the input) in every earlier
 * layer down to the input: bounding box, contributing cells, padding read. The box on the input
 * equals the engine's centre + (y, x) jump ± (size - 1) / 2 for every stack of windowed layers;
 * where units differ (transposed conv, adaptive pooling) each unit gets its own exact box, and
 * the engine's size is the widest of them (both tested by property against brute force). The
 * walk goes down from the unit, the engine's composition up from the input; they share the
 * per-layer maps (`dependencyProgression`). Never throws: an invalid unit, or a network too large to trace
 * (MAX_REGION_WORK), is reported in words.
 */
export function unitRegion(summary: NetworkSummary, layer: number, y: number, x: number): UnitRegion | RegionFailure {
  for (const [name, value] of [['layer', layer], ['y', y], ['x', x]] as const) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) return refuse('not_whole', { name, value: describeValue(value) }, `${name} must be a whole number ≥ 0, got ${describeValue(value)}`);
  }
  const stack = spatialLayers(summary, layer);
  if (!stack.ok) return stack;
  const layers: SpatialLayer[] = stack.layers;
  const inputSize: Pair = [summary.input[1]!, summary.input[2]!];
  const work = regionWork(layers, inputSize);
  if (work > MAX_REGION_WORK) {
    const [about, limit] = [formatPlain(Number(work.toPrecision(2))), formatPlain(MAX_REGION_WORK)];
    return refuse('region_too_large', { layer, work: about, limit, constant: 'MAX_REGION_WORK' }, `the field of a unit of layer ${layer} is too large to trace cell by cell: about ${about} cell visits, more than the ${limit} allowed (MAX_REGION_WORK); use a smaller input`);
  }
  const size = layer === 0 ? inputSize : layers[layer - 1]!.outputSize;
  if (!Number.isInteger(y) || !Number.isInteger(x) || y < 0 || x < 0 || y >= size[0] || x >= size[1]) {
    return refuse(
      'unit_outside',
      { unit: `(${y}, ${x})`, layer, shape: `${size[0]}x${size[1]}`, first: 0, last_row: size[0] - 1, last_column: size[1] - 1 },
      `unit (${y}, ${x}) is outside layer ${layer}, whose output is ${size[0]}x${size[1]} (rows 0 to ${size[0] - 1}, columns 0 to ${size[1] - 1})`,
    );
  }
  let rows = unitAxis(y, size[0]);
  let columns = unitAxis(x, size[1]);
  const regions: LayerRegion[] = [layerRegion(layer, size, rows, columns)];
  for (let position = layer - 1; position >= 0; position--) {
    const current = layers[position]!;
    rows = stepDown(rows, current.axes[0], current.inputSize[0]);
    columns = stepDown(columns, current.axes[1], current.inputSize[1]);
    regions.push(layerRegion(position, current.inputSize, rows, columns));
  }
  const input = regions[regions.length - 1]!;
  const receptiveField = layer === 0 ? PIXEL_RECEPTIVE_FIELD : (layers[layer - 1]!.record.receptiveField as ReceptiveField);
  return { ok: true, unit: { layer, y, x }, inputBox: input.box, inputClippedBox: input.clippedBox, receptiveField, layers: regions };
}

/** What a cell of a layer is to the chosen unit, for drawing. */
export type CellKind = 'contributing' | 'gap' | 'padding' | 'outside' | 'none';

/**
 * Cell (row, column) of a layer region, which may lie outside the layer: `contributing` (the
 * unit depends on it), `gap` (inside the clipped box but skipped: dilation or a stride larger
 * than the kernel), `padding` (zeros read by a window), `outside` (in the box, beyond the layer),
 * `none` (outside the box).
 */
export function cellKind(region: LayerRegion, row: number, column: number): CellKind {
  const [top, left, bottom, right] = region.box;
  const inside = row >= 0 && column >= 0 && row < region.size[0] && column < region.size[1];
  const rowPadding = region.rows.padding.includes(row) || region.rows.contributing.includes(row);
  const columnPadding = region.columns.padding.includes(column) || region.columns.contributing.includes(column);
  if (inside && region.rows.contributing.includes(row) && region.columns.contributing.includes(column)) return 'contributing';
  if (!inside && rowPadding && columnPadding && (region.rows.padding.includes(row) || region.columns.padding.includes(column))) return 'padding';
  if (row < top || row > bottom || column < left || column > right) return 'none';
  return inside ? 'gap' : 'outside';
}
