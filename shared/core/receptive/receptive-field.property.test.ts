import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ComputedLayerInfo, NetworkSummary } from '../network/info';
import type { LayerSpec } from '../network/spec';
import { summarizeNetwork } from '../network/summarize';
import { unitRegion } from './region';

/**
 * Receptive fields of networks whose units differ (transposed convolutions, adaptive pooling),
 * against a brute-force oracle written from PyTorch's definitions alone: along one axis, every
 * unit (real, or virtual where a window of the layer above reads padding) gets the hull of the
 * spans of the cells it reads, down to the input pixels; padding read by a window counts as a
 * full field, as in the engine's recurrence. The oracle shares no code with the engine or the
 * region code.
 */

type AxisOp =
  | { kind: 'window'; kernel: number; stride: number; dilation: number; padding: number }
  | { kind: 'transposed'; kernel: number; stride: number; dilation: number; padding: number }
  | { kind: 'adaptive'; inputLength: number; outputLength: number }
  | { kind: 'whole'; inputLength: number }
  | { kind: 'identity' };

const at = (value: number | readonly [number, number] | undefined, axis: 0 | 1, fallback: number): number =>
  value === undefined ? fallback : typeof value === 'number' ? value : value[axis];

/** The op of one layer along one axis, read from the spec (PyTorch's arguments) and the layer's input length. */
function axisOp(spec: LayerSpec, record: ComputedLayerInfo, axis: 0 | 1): AxisOp {
  const inputLength = record.inputShape[axis + 1]!;
  const outputLength = record.outputShape[axis + 1]!;
  switch (spec.type) {
    case 'conv2d':
      return { kind: 'window', kernel: at(spec.kernel, axis, 1), stride: at(spec.stride, axis, 1), dilation: at(spec.dilation, axis, 1), padding: at(spec.padding as number | readonly [number, number] | undefined, axis, 0) };
    case 'maxpool2d':
      return { kind: 'window', kernel: at(spec.kernel, axis, 1), stride: at(spec.stride ?? spec.kernel, axis, 1), dilation: at(spec.dilation, axis, 1), padding: at(spec.padding, axis, 0) };
    case 'avgpool2d':
      return { kind: 'window', kernel: at(spec.kernel, axis, 1), stride: at(spec.stride ?? spec.kernel, axis, 1), dilation: 1, padding: at(spec.padding, axis, 0) };
    case 'convtranspose2d':
      return { kind: 'transposed', kernel: at(spec.kernel, axis, 1), stride: at(spec.stride, axis, 1), dilation: at(spec.dilation, axis, 1), padding: at(spec.padding, axis, 0) };
    case 'adaptiveavgpool2d':
      // a 1x1 adaptive pool is global pooling: its unit (and any padding read around it) sees the whole axis
      return outputLength === 1 ? { kind: 'whole', inputLength } : { kind: 'adaptive', inputLength, outputLength };
    case 'globalmaxpool2d':
    case 'globalavgpool2d':
      return { kind: 'whole', inputLength };
    default:
      return { kind: 'identity' };
  }
}

/** The cells of the layer below that cell `o` reads (unclipped), by the definitions. */
function reads(op: AxisOp, o: number): number[] {
  switch (op.kind) {
    case 'identity':
      return [o];
    case 'window':
      return Array.from({ length: op.kernel }, (_, t) => o * op.stride - op.padding + t * op.dilation);
    case 'transposed': {
      // output o = i s - p + t d: every integer input i and tap t that write o
      const found: number[] = [];
      const low = Math.floor((o + op.padding - (op.kernel - 1) * op.dilation) / op.stride) - 1;
      const high = Math.ceil((o + op.padding) / op.stride) + 1;
      for (let i = low; i <= high; i++) for (let t = 0; t < op.kernel; t++) if (i * op.stride - op.padding + t * op.dilation === o) found.push(i);
      return found;
    }
    case 'adaptive': {
      const first = Math.floor((o * op.inputLength) / op.outputLength);
      const end = Math.ceil(((o + 1) * op.inputLength) / op.outputLength);
      return Array.from({ length: end - first }, (_, i) => first + i);
    }
    case 'whole':
      return Array.from({ length: op.inputLength }, (_, i) => i);
  }
}

type Span = [number, number] | null;

interface AxisTruth {
  /** Span of every real unit 0..length-1 of the layer, in input pixels (null: reads nothing). */
  spans: Span[];
  /** The nominal jump by its recurrence: j s (window), j / s (transposed), j n / m (adaptive), 0 (whole). */
  jump: number;
}

/** Brute force along one axis: the spans of the real units of every layer in `records`. */
function oracle(inputLength: number, ops: AxisOp[], lengths: number[]): AxisTruth[] {
  // which cells of each layer are needed: its real units and whatever the layer above reads
  const needed: [number, number][] = lengths.map((length) => [0, length - 1]);
  const inputNeeded: [number, number] = [0, inputLength - 1];
  for (let layer = ops.length - 1; layer >= 0; layer--) {
    const below = layer === 0 ? inputNeeded : needed[layer - 1]!;
    for (let o = needed[layer]![0]; o <= needed[layer]![1]; o++) {
      for (const cell of reads(ops[layer]!, o)) {
        below[0] = Math.min(below[0], cell);
        below[1] = Math.max(below[1], cell);
      }
    }
  }
  let spans = new Map<number, Span>();
  for (let v = inputNeeded[0]; v <= inputNeeded[1]; v++) spans.set(v, [v, v]);
  let jump = 1;
  const truths: AxisTruth[] = [];
  ops.forEach((op, layer) => {
    const next = new Map<number, Span>();
    for (let o = needed[layer]![0]; o <= needed[layer]![1]; o++) {
      let span: Span = null;
      for (const cell of reads(op, o)) {
        const below = spans.get(cell);
        if (below === undefined) throw new Error(`oracle: cell ${cell} of layer ${layer} was not computed`);
        if (below) span = span ? [Math.min(span[0], below[0]), Math.max(span[1], below[1])] : [below[0], below[1]];
      }
      next.set(o, span);
    }
    spans = next;
    if (op.kind === 'window') jump *= op.stride;
    else if (op.kind === 'transposed') jump /= op.stride;
    else if (op.kind === 'adaptive') jump = (jump * op.inputLength) / op.outputLength;
    else if (op.kind === 'whole') jump = 0;
    truths.push({ spans: Array.from({ length: lengths[layer]! }, (_, o) => spans.get(o)!), jump });
  });
  return truths;
}

const width = (span: Span): number => (span ? span[1] - span[0] + 1 : 0);

const pair = (min: number, max: number) => fc.tuple(fc.integer({ min, max }), fc.integer({ min, max }));

/** Random layers mixing windows with transposed convolutions and adaptive pooling. */
const layer: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({ kernel: pair(1, 4), stride: pair(1, 3), dilation: pair(1, 2), padding: pair(0, 2) }).map(({ kernel, stride, dilation, padding }): LayerSpec => ({ type: 'conv2d', out_channels: 1, kernel, stride, dilation, padding })),
  fc
    .record({ max: fc.boolean(), kernel: fc.integer({ min: 1, max: 3 }), stride: fc.integer({ min: 1, max: 3 }), pad: fc.integer({ min: 0, max: 1 }), ceil: fc.boolean() })
    .map(({ max, kernel, stride, pad, ceil }): LayerSpec => ({ type: max ? 'maxpool2d' : 'avgpool2d', kernel, stride, padding: Math.min(pad, Math.floor(kernel / 2)), ceil_mode: ceil })),
  fc
    .record({ kernel: pair(1, 4), stride: pair(1, 3), dilation: pair(1, 2), padding: pair(0, 2), extra: pair(0, 2) })
    .map(({ kernel, stride, dilation, padding, extra }): LayerSpec => ({
      type: 'convtranspose2d',
      out_channels: 1,
      kernel,
      stride,
      dilation,
      padding,
      output_padding: [extra[0] % Math.max(stride[0], dilation[0]), extra[1] % Math.max(stride[1], dilation[1])],
    })),
  pair(1, 9).map((output_size): LayerSpec => ({ type: 'adaptiveavgpool2d', output_size })),
  fc.constantFrom<LayerSpec>({ type: 'relu' }, { type: 'globalmaxpool2d' }, { type: 'adaptiveavgpool2d', output_size: 1 }),
);

const network = fc.record({ height: fc.integer({ min: 1, max: 20 }), width: fc.integer({ min: 1, max: 20 }), layers: fc.array(layer, { minLength: 1, maxLength: 5 }) });

/** The computed prefix of a random network (layers up to the first invalid one), with each axis's brute-force truth. */
function analyse({ height, width: inputWidth, layers }: { height: number; width: number; layers: LayerSpec[] }) {
  const summary: NetworkSummary = summarizeNetwork({ input: [1, height, inputWidth], layers });
  const records: ComputedLayerInfo[] = [];
  for (const record of summary.layers) {
    if (record.status !== 'ok') break;
    records.push(record);
  }
  const truth = ([0, 1] as const).map((axis) =>
    oracle(
      axis === 0 ? height : inputWidth,
      records.map((record, i) => axisOp(layers[i]!, record, axis)),
      records.map((record) => record.outputShape[axis + 1]!),
    ),
  );
  return { summary, records, truth };
}

describe('receptive fields where units differ: exact, against brute force (property)', () => {
  it('sizes are whole numbers, the largest exact span over units, never more than the padded input the layer reads', () => {
    let varying = 0;
    fc.assert(
      fc.property(network, (spec) => {
        const { records, truth } = analyse(spec);
        records.forEach((record, i) => {
          const field = record.receptiveField;
          if (field.varies) varying++;
          for (const axis of [0, 1] as const) {
            const { spans, jump } = truth[axis]![i]!;
            const context = `layer ${i + 1} (${record.type}) axis ${axis} of ${JSON.stringify(spec)}`;
            const real = spans.filter((span): span is [number, number] => span !== null);
            // the padded input: the input pixels and padding pixels any unit of this layer sees
            const padded = real.length === 0 ? 0 : Math.max(...real.map((span) => span[1])) - Math.min(...real.map((span) => span[0])) + 1;
            expect(Number.isInteger(field.size[axis]), context).toBe(true);
            expect(field.size[axis], context).toBeLessThanOrEqual(padded);
            expect(field.size[axis], context).toBe(Math.max(...spans.map(width)));
            expect(field.jump[axis], context).toBeCloseTo(jump, 9);
            const first = spans[0]!;
            if (first) expect(field.center[axis], context).toBe((first[0] + first[1]) / 2);
            // varies is false exactly when every unit's span is unit 0's moved by a multiple of the jump
            const translates = spans.every((span) => span === null) || (first !== null && spans.every((span, unit) => span !== null && width(span) === width(first) && Math.abs(span[0] - first[0] - unit * field.jump[axis]) < 1e-9));
            if (!field.varies) expect(translates || spans.length === 1, context).toBe(true);
          }
          if (field.varies) {
            const differs = ([0, 1] as const).some((axis) => {
              const { spans } = truth[axis]![i]!;
              const first = spans[0]!;
              if (spans.every((span) => span === null)) return false;
              return spans.some((span, unit) => first === null || span === null || width(span) !== width(first) || Math.abs(span[0] - first[0] - unit * field.jump[axis]) > 1e-9);
            });
            expect(differs, `layer ${i + 1} says its units differ`).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
    expect(varying).toBeGreaterThan(100);
  });

  it("the engine's largest field is the region code's largest exact span, and every unit's region box is its exact span", () => {
    fc.assert(
      fc.property(network, (spec) => {
        const { summary, records, truth } = analyse(spec);
        records.forEach((record, i) => {
          const [, height, outputWidth] = record.outputShape as [number, number, number];
          const largest: [number, number] = [0, 0];
          for (let u = 0; u < Math.max(height, outputWidth); u++) {
            const y = u % height;
            const x = u % outputWidth;
            const region = unitRegion(summary, record.index, y, x);
            if (!region.ok) throw new Error(region.message);
            const [top, left, bottom, right] = region.inputBox;
            const rows: Span = top <= bottom ? [top, bottom] : null;
            const columns: Span = left <= right ? [left, right] : null;
            const context = `unit (${y}, ${x}) of layer ${i + 1} (${record.type}) of ${JSON.stringify(spec)}`;
            expect(rows, context).toEqual(truth[0]![i]!.spans[y]);
            expect(columns, context).toEqual(truth[1]![i]!.spans[x]);
            largest[0] = Math.max(largest[0], width(rows));
            largest[1] = Math.max(largest[1], width(columns));
          }
          expect(record.receptiveField.size, `layer ${i + 1} of ${JSON.stringify(spec)}`).toEqual(largest);
        });
      }),
      { numRuns: 150 },
    );
  });
});
