import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEED_NETWORK } from '../network/presets';
import type { LayerSpec, NetworkSpec } from '../network/spec';
import { summarizeNetwork } from '../network/summarize';
import { cellKind, unitRegion, type UnitRegion } from './region';
import { ISSUE_9_UNEVEN_UNITS } from '../network/networks.test-helper';

function region(spec: NetworkSpec, layer: number, y: number, x: number): UnitRegion {
  const result = unitRegion(summarizeNetwork(spec), layer, y, x);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

describe('unitRegion: hand-worked cases', () => {
  it('seed layer 3 (max-pool), unit (0, 0): RF 13, jump 4, centre 3 -> box [3-6, 3-6, 3+6, 3+6], padding rows -3..-1', () => {
    const result = region(SEED_NETWORK, 3, 0, 0);
    expect(result.inputBox).toEqual([-3, -3, 9, 9]);
    expect(result.inputClippedBox).toEqual([0, 0, 9, 9]);
    const [own, layer2, layer1, input] = result.layers;
    expect(own).toMatchObject({ layer: 3, box: [0, 0, 0, 0] });
    // pool 2x2 s2: unit 0 reads layer-2 cells 0, 1
    expect(layer2).toMatchObject({ layer: 2, box: [0, 0, 1, 1], outside: false, dense: true });
    // conv 5x5 s2 p0: cell 0 reads 0..4, cell 1 reads 2..6
    expect(layer1?.rows.contributing).toEqual(range(0, 6));
    // conv 7x7 p3: cells 0..6 read -3..9; -3..-1 are the zero padding
    expect(input?.rows.contributing).toEqual(range(0, 9));
    expect(input?.rows.padding).toEqual([-3, -2, -1]);
    expect(input?.outside).toBe(true);
    expect(input && cellKind(input, -1, 4)).toBe('padding');
    expect(input && cellKind(input, 4, 4)).toBe('contributing');
    expect(input && cellKind(input, 10, 4)).toBe('none');
  });

  it('seed layer 4 (conv dilation 2), unit (26, 26): the last unit, box inside the image', () => {
    // RF 29, jump 4, centre 3 + (2 - 0) * 4 = 11: centre of unit 26 is 11 + 26 * 4 = 115, box 115 ± 14 = [101, 129];
    // pixels 128 and 129 lie beyond the 128-pixel image: layer 1's padding of 3 reads them as zeros.
    const result = region(SEED_NETWORK, 4, 26, 26);
    expect(result.inputBox).toEqual([101, 101, 129, 129]);
    expect(result.inputClippedBox).toEqual([101, 101, 127, 127]);
    expect(result.layers.at(-1)?.rows.padding).toEqual([128, 129]);
  });

  it('dilation: conv 3x3 dilation 2 reads every other pixel', () => {
    const result = region({ input: [1, 7, 7], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3, dilation: 2 }] }, 1, 0, 1);
    const input = result.layers[1]!;
    // unit column 1 reads columns 1, 3, 5; row 0 reads rows 0, 2, 4
    expect(result.inputBox).toEqual([0, 1, 4, 5]);
    expect(input.rows.contributing).toEqual([0, 2, 4]);
    expect(input.columns.contributing).toEqual([1, 3, 5]);
    expect(input.dense).toBe(false);
    expect(input.contributingCount).toBe(9);
    expect(cellKind(input, 1, 3)).toBe('gap');
  });

  it('stride larger than the kernel: conv 2x2 stride 3 then conv 2x2 leaves pixel 2 out of a 5-pixel box', () => {
    // layer 1: r 2, j 3, c 0.5; layer 2: r = 2 + 1 * 3 = 5, c = 0.5 + 0.5 * 3 = 2 -> box [0, 4]; cells 0, 1 of layer 1 read 0..1 and 3..4
    const spec: NetworkSpec = {
      input: [1, 8, 8],
      layers: [
        { type: 'conv2d', out_channels: 1, kernel: 2, stride: 3 },
        { type: 'conv2d', out_channels: 1, kernel: 2 },
      ],
    };
    const result = region(spec, 2, 0, 0);
    expect(result.inputBox).toEqual([0, 0, 4, 4]);
    expect(result.layers[2]?.rows.contributing).toEqual([0, 1, 3, 4]);
    expect(result.layers[2]?.dense).toBe(false);
  });

  it('pooling with padding: max-pool 3x3 s2 p1, unit (0, 2) of a 5x5 input', () => {
    // unit 0 reads -1, 0, 1 (row -1 is padding); unit 2 reads 3, 4, 5 (column 5 is padding)
    const result = region({ input: [1, 5, 5], layers: [{ type: 'maxpool2d', kernel: 3, stride: 2, padding: 1 }] }, 1, 0, 2);
    const input = result.layers[1]!;
    expect(result.inputBox).toEqual([-1, 3, 1, 5]);
    expect(input.rows.padding).toEqual([-1]);
    expect(input.columns.padding).toEqual([5]);
    expect(input.rows.contributing).toEqual([0, 1]);
    expect(input.columns.contributing).toEqual([3, 4]);
    expect(cellKind(input, -1, 5)).toBe('padding');
  });

  it('padding in an intermediate layer: its padded cells have no field of their own, but the box counts them (as the engine)', () => {
    // conv 3x3 p0 then conv 3x3 p1: unit (0, 0) of layer 2 reads layer-1 cells -1..1 (-1 padding) -> input 0..2 really, box -1..3
    const spec: NetworkSpec = {
      input: [1, 6, 6],
      layers: [
        { type: 'conv2d', out_channels: 1, kernel: 3 },
        { type: 'conv2d', out_channels: 1, kernel: 3, padding: 1 },
      ],
    };
    const result = region(spec, 2, 0, 0);
    expect(result.layers[1]?.rows.padding).toEqual([-1]);
    expect(result.inputBox).toEqual([-1, -1, 3, 3]);
    expect(result.layers[2]?.rows.contributing).toEqual([0, 1, 2, 3]);
    expect(result.layers[2]?.rows.padding).toEqual([]);
    expect(result.layers[2] && cellKind(result.layers[2], -1, 0)).toBe('outside');
  });

  it('transposed conv 3x3 stride 2: unit 1 is written by input 0 only, unit 2 by inputs 0 and 1', () => {
    const spec: NetworkSpec = { input: [1, 3, 3], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2 }] };
    expect(region(spec, 1, 1, 2).layers[1]).toMatchObject({ rows: { contributing: [0] }, columns: { contributing: [0, 1] } });
  });

  it('issue 9 worked example: max-pool unit 2 after a transposed conv sees rows [6m - 3, 6m + 4] = [3, 10] (8 pixels)', () => {
    const spec = ISSUE_9_UNEVEN_UNITS;
    // pool unit 2 reads transposed units 2 (even: layer-2 unit 1, rows 3..4) and 3 (odd: units 1 and 2, rows 3..10)
    expect(region(spec, 4, 2, 2).inputBox).toEqual([3, 5, 10, 13]);
    expect(region(spec, 4, 0, 0).inputBox).toEqual([-3, -1, 4, 7]);
  });

  it('a dilated window over a transposed conv spans only the cells it reads, not the gaps between them', () => {
    // transposed k=3 s=3 d=2: output o reads the input i with o = 3i + 2t, so o = 0, 1, 2, 3, 4 read i = 0, -1, 0, 1, 0;
    // a 2-tap window of dilation 2 at unit 0 reads o = 0 and 2: input 0 only (o = 1 in the gap would add input -1)
    const spec: NetworkSpec = {
      input: [1, 4, 4],
      layers: [
        { type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 3, dilation: 2 },
        { type: 'conv2d', out_channels: 1, kernel: 2, dilation: 2 },
      ],
    };
    expect(region(spec, 2, 0, 0).inputBox).toEqual([0, 0, 0, 0]);
  });

  it('global pooling sees the whole input', () => {
    const spec: NetworkSpec = { input: [2, 5, 4], layers: [{ type: 'conv2d', out_channels: 2, kernel: 3, padding: 1 }, { type: 'globalavgpool2d' }] };
    expect(region(spec, 2, 0, 0).inputBox).toEqual([-1, -1, 5, 4]);
  });

  it('answers a unit outside the layer and a layer without spatial units in words', () => {
    const summary = summarizeNetwork(SEED_NETWORK);
    expect(unitRegion(summary, 3, 31, 0)).toMatchObject({ ok: false, message: 'unit (31, 0) is outside layer 3, whose output is 31x31 (rows 0 to 30, columns 0 to 30)' });
    expect(unitRegion(summary, 10, 0, 0)).toMatchObject({ ok: false, message: expect.stringContaining('layer 9 (flatten) does not output an image') });
    expect(unitRegion(summary, 13, 0, 0)).toMatchObject({ ok: false, message: expect.stringContaining('layer 13 does not exist') });
  });
});

/** Random stacks of windowed layers (the engine's numbers are uniform over units for these). */
const windowLayer: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc
    .record({
      kernel: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
      stride: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
      dilation: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
      padding: fc.oneof(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })), fc.constant('same' as const)),
    })
    .map(({ kernel, stride, dilation, padding }): LayerSpec => ({
      type: 'conv2d',
      out_channels: 2,
      kernel,
      stride: padding === 'same' ? 1 : stride,
      dilation,
      padding,
    })),
  fc
    .record({ max: fc.boolean(), kernel: fc.integer({ min: 1, max: 4 }), stride: fc.integer({ min: 1, max: 4 }), pad: fc.integer({ min: 0, max: 2 }), ceil: fc.boolean() })
    .map(({ max, kernel, stride, pad, ceil }): LayerSpec => ({ type: max ? 'maxpool2d' : 'avgpool2d', kernel, stride, padding: Math.min(pad, Math.floor(kernel / 2)), ceil_mode: ceil })),
  fc.constantFrom<LayerSpec>({ type: 'relu' }, { type: 'batchnorm2d' }, { type: 'dropout' }, { type: 'globalmaxpool2d' }),
);

describe('unitRegion: consistency with the engine (property)', () => {
  it('the input box of every unit is centre + (y, x) jump ± (size - 1) / 2 of summarizeNetwork', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 40 }),
        fc.integer({ min: 4, max: 40 }),
        fc.array(windowLayer, { minLength: 1, maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (height, width, layers, uy, ux) => {
          const summary = summarizeNetwork({ input: [2, height, width], layers });
          for (const record of summary.layers) {
            if (record.status !== 'ok') break;
            const [, outH, outW] = record.outputShape as [number, number, number];
            const y = Math.floor(uy * outH * 0.999);
            const x = Math.floor(ux * outW * 0.999);
            const result = unitRegion(summary, record.index, y, x);
            expect(result.ok).toBe(true);
            if (!result.ok) return;
            const { size, jump, center } = record.receptiveField;
            const expected = [
              center[0] + y * jump[0] - (size[0] - 1) / 2,
              center[1] + x * jump[1] - (size[1] - 1) / 2,
              center[0] + y * jump[0] + (size[0] - 1) / 2,
              center[1] + x * jump[1] + (size[1] - 1) / 2,
            ];
            expect(result.inputBox).toEqual(expected);
            // every contributing pixel lies in the box, and the box's ends are reached by a contributing pixel or padding
            const input = result.layers.at(-1)!;
            for (const row of input.rows.contributing) expect(row >= result.inputBox[0] && row <= result.inputBox[2]).toBe(true);
            for (const column of input.columns.contributing) expect(column >= result.inputBox[1] && column <= result.inputBox[3]).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
