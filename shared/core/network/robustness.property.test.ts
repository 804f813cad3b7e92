import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainLayer } from './explain';
import { dependencyProgression, type AxisMap } from './receptive-field';
import { LAYER_TYPES, type NetworkSpec } from './spec';
import { summarizeNetwork } from './summarize';

const FIELDS = [
  'out_channels', 'kernel', 'stride', 'padding', 'dilation', 'groups', 'bias', 'output_padding', 'ceil_mode',
  'count_include_pad', 'output_size', 'eps', 'momentum', 'affine', 'track_running_stats', 'negative_slope', 'dim', 'p', 'out_features',
];

const smallInteger = fc.integer({ min: -2, max: 9 });
const anyNumber = fc.oneof(
  smallInteger,
  smallInteger,
  fc.double(),
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, 0.5, 2.5, 1e300, 2 ** 53, 2 ** 31, Number.MAX_SAFE_INTEGER),
);
const anyValue = fc.oneof(
  anyNumber,
  anyNumber,
  fc.tuple(anyNumber, anyNumber),
  fc.constantFrom('same', 'valid', true, false, null, undefined, '3', [], [1, 2, 3], {}),
);
const anyLayer = fc.oneof(
  fc.record({ type: fc.constantFrom(...LAYER_TYPES), fields: fc.dictionary(fc.constantFrom(...FIELDS), anyValue, { maxKeys: 5 }) }).map(({ type, fields }) => ({ ...fields, type })),
  fc.record({ type: fc.constantFrom(...LAYER_TYPES) }),
  fc.constantFrom(null, 3, 'conv2d', [], { type: 'bogus' }, { type: 7 }, { kernel: 3 }),
);
const anyInput = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })),
  fc.tuple(fc.integer({ min: 1, max: 50 })).map(([n]) => [n]),
  fc.array(anyNumber, { maxLength: 4 }),
  fc.constantFrom(null, 'x', [3, 2 ** 40, 2 ** 40]),
);

describe('any spec at all: a summary, never an exception', () => {
  it('errors name their layer, and everything after the first error is not computed', () => {
    fc.assert(
      fc.property(anyInput, fc.array(anyLayer, { maxLength: 8 }), (input, layers) => {
        const spec = { input, layers } as unknown as NetworkSpec;
        const summary = summarizeNetwork(spec);
        expect(summary.layers).toHaveLength(layers.length);
        const firstProblem = summary.layers.findIndex((layer) => layer.status !== 'ok');
        if (summary.ok) {
          expect(firstProblem).toBe(-1);
        } else if (summary.inputIssues.length > 0) {
          expect(summary.layers.every((layer) => layer.status === 'not_computed')).toBe(true);
          for (const issue of summary.inputIssues) expect(issue.message).toMatch(/^input: /);
        } else {
          const failed = summary.layers[firstProblem]!;
          expect(failed.status).toBe('error');
          if (failed.status === 'error') {
            expect(failed.issues.length).toBeGreaterThan(0);
            for (const issue of failed.issues) expect(issue.message).toMatch(new RegExp(`^layer ${firstProblem + 1} \\(`));
          }
          expect(summary.layers.slice(firstProblem + 1).every((layer) => layer.status === 'not_computed')).toBe(true);
        }
        for (const layer of summary.layers) {
          if (layer.status !== 'ok') continue;
          for (const value of [...layer.outputShape, layer.params.trainable, layer.params.buffers, layer.macs, layer.flops, layer.memoryBytes]) {
            expect(Number.isSafeInteger(value) && value >= 0).toBe(true);
          }
          for (const value of [...layer.receptiveField.size, ...layer.receptiveField.jump, ...layer.receptiveField.center]) {
            expect(Number.isFinite(value)).toBe(true);
          }
        }
        for (let index = 0; index <= layers.length + 1; index++) {
          const derivations = explainLayer(spec, index);
          const computed = summary.layers[index - 1]?.status === 'ok';
          expect(derivations.length).toBe(computed ? 7 : 0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('unit dependencies against brute force', () => {
  const listed = (map: AxisMap, cell: number): number[] => {
    const { first, step, count } = dependencyProgression(map, cell);
    return Array.from({ length: count }, (_, i) => first + i * step);
  };

  it('transposed conv: cell o (also beyond the output) is written by every integer input i and tap t with o = i s - p + t d', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: -12, max: 40 }),
        (kernel, stride, padding, dilation, unit) => {
          const inputs: number[] = [];
          for (let i = -80; i <= 80; i++) for (let t = 0; t < kernel; t++) if (i * stride - padding + t * dilation === unit) inputs.push(i);
          expect(listed({ kind: 'transposed', kernel, stride, padding, dilation }, unit)).toEqual(inputs.sort((a, b) => a - b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adaptive pooling: cell o averages floor(o n / m) .. ceil((o + 1) n / m) - 1 (the formula continued beyond the edges)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: -45, max: 45 }), (inputLength, outputLength, unit) => {
        const first = Math.floor((unit * inputLength) / outputLength);
        const end = Math.ceil(((unit + 1) * inputLength) / outputLength);
        expect(listed({ kind: 'adaptive', inputLength, outputLength }, unit)).toEqual(Array.from({ length: end - first }, (_, i) => first + i));
      }),
      { numRuns: 300 },
    );
  });

  it('adaptive pooling where o n passes 2^53: the bounds stay exact (BigInt)', () => {
    const n = 2 ** 40 + 1;
    const m = 2 ** 20 + 7;
    const unit = 2 ** 20;
    const first = BigInt(unit) * BigInt(n) / BigInt(m);
    const end = (BigInt(unit + 1) * BigInt(n) + BigInt(m - 1)) / BigInt(m);
    expect(dependencyProgression({ kind: 'adaptive', inputLength: n, outputLength: m }, unit)).toEqual({ first: Number(first), step: 1, count: Number(end - first) });
  });
});
