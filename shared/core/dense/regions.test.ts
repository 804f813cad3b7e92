import { describe, expect, it } from 'vitest';
import { createRandom, normalSample } from '../random';
import { regionBounds } from './bounds';
import { evaluateOutputs, mlpLayout, nestedParameters } from './mlp';
import { sawtoothNetwork, sawtoothValue } from './presets';
import { linearRegions, type Regions1d, type Regions2d } from './regions';
import type { DenseFailure } from './issues';

async function regions(net: unknown, polygons = false): Promise<Regions1d | Regions2d> {
  const result = await linearRegions({ net, polygons });
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.field}: ${issue.message}`).join('; '));
  return result;
}

function randomNet(inputDim: number, widths: number[], seed: number) {
  const random = createRandom(seed);
  const layout = mlpLayout([inputDim, ...widths, 1]);
  const params = Float64Array.from({ length: layout.parameterCount }, () => normalSample(random));
  return { layout, params, net: { input_dim: inputDim, widths, ...nestedParameters(layout, params) } };
}

describe("Telgarsky's sawtooth", () => {
  for (let k = 1; k <= 10; k++) {
    it(`depth ${k}: exactly 2^${k} = ${2 ** k} linear pieces from 6k + 1 = ${6 * k + 1} parameters, breakpoints at j / 2^${k}`, async () => {
      const result = (await regions({ preset: { sawtooth: k } })) as Regions1d;
      expect(result.linear_pieces).toBe(2 ** k);
      expect(result.parameters).toBe(6 * k + 1);
      expect(result.breakpoints).toEqual(Array.from({ length: 2 ** k - 1 }, (_, j) => (j + 1) / 2 ** k));
      expect(result.shallow_units_needed).toBe(2 ** k - 1);
      expect(result.domain).toEqual([0, 1]);
    });
  }

  it('the network computes the tent map applied k times', () => {
    const k = 6;
    const net = sawtoothNetwork(k);
    const layout = mlpLayout([1, ...net.widths, 1]);
    const params = new Float64Array(layout.parameterCount);
    net.weights.forEach((w, l) => params.set(w.flat(), layout.weightOffset[l]!));
    net.biases.forEach((b, l) => params.set(b, layout.biasOffset[l]!));
    const xs = Float64Array.from({ length: 1001 }, (_, i) => i / 1000);
    const ys = evaluateOutputs(layout, 'relu', params, xs, xs.length);
    xs.forEach((x, i) => expect(ys[i]).toBeCloseTo(sawtoothValue(k, x), 12));
  });
});

describe('1-D pieces against dense evaluation', () => {
  for (const [widths, seed] of [[[5], 1], [[4, 4], 2], [[6, 3, 5], 3], [[8, 8, 8, 8], 4]] as const) {
    it(`${widths.join('-')} (seed ${seed}): each linear piece is the network on its interval, and the slope changes at every breakpoint`, async () => {
      const { layout, params, net } = randomNet(1, [...widths], seed);
      const result = (await regions({ ...net, domain: [-3, 3] })) as Regions1d;
      expect(result.linear[0]!.lo).toBe(-3);
      expect(result.linear.at(-1)!.hi).toBe(3);
      const xs = Float64Array.from({ length: 6001 }, (_, i) => -3 + i / 1000);
      const ys = evaluateOutputs(layout, 'relu', params, xs, xs.length);
      let piece = 0;
      xs.forEach((x, i) => {
        while (x > result.linear[piece]!.hi) piece++;
        const { slope, intercept } = result.linear[piece]!;
        expect(ys[i]).toBeCloseTo(slope * x + intercept, 9);
      });
      // where the dense grid's slope changes there is a breakpoint between the two samples, and vice versa
      const h = 1e-3;
      const changes: number[] = [];
      for (let i = 1; i + 1 < xs.length; i++) {
        const left = (ys[i]! - ys[i - 1]!) / h;
        const right = (ys[i + 1]! - ys[i]!) / h;
        if (Math.abs(left - right) > 1e-6 * (1 + Math.abs(left))) changes.push(xs[i]!);
      }
      for (const b of result.breakpoints) expect(changes.some((x) => Math.abs(x - b) <= 1.01 * h)).toBe(true);
      for (const x of changes) expect(result.breakpoints.some((b) => Math.abs(x - b) <= 1.01 * h)).toBe(true);
      expect(result.pattern_pieces).toBeGreaterThanOrEqual(result.linear_pieces);
    });
  }
});

function pointPattern(layout: ReturnType<typeof mlpLayout>, params: Float64Array, x: number, y: number): string[] {
  let input = [x, y];
  const pattern: string[] = [];
  for (let l = 0; l < layout.layers - 1; l++) {
    const out: number[] = [];
    let bits = '';
    for (let j = 0; j < layout.sizes[l + 1]!; j++) {
      let z = params[layout.biasOffset[l]! + j]!;
      input.forEach((v, i) => (z += params[layout.weightOffset[l]! + j * input.length + i]! * v));
      bits += z > 0 ? '1' : '0';
      out.push(Math.max(0, z));
    }
    pattern.push(bits);
    input = out;
  }
  return pattern;
}

describe('2-D regions', () => {
  for (const [widths, seed] of [[[6], 1], [[5, 5], 2], [[8, 8, 8], 3], [[16, 16, 16, 16], 4]] as const) {
    it(`${widths.join('-')} (seed ${seed}): the polygons tile the rectangle, each interior point has its polygon's pattern, the patterns are distinct`, async () => {
      const { layout, params, net } = randomNet(2, [...widths], seed);
      const domain = [[-1.5, 2], [-1, 1]];
      const result = (await regions({ ...net, domain }, true)) as Regions2d;
      const polygons = result.polygons!;
      expect(polygons).toHaveLength(result.regions);
      const area = polygons.reduce((sum, polygon) => sum + polygon.area, 0);
      expect(area).toBeCloseTo(3.5 * 2, 9);
      expect(new Set(polygons.map((polygon) => polygon.pattern.join('|'))).size).toBe(result.regions);
      for (const polygon of polygons) {
        expect(polygon.area).toBeGreaterThan(0);
        const [cx, cy] = polygon.vertices.reduce(([sx, sy], [x, y]) => [sx + x / polygon.vertices.length, sy + y / polygon.vertices.length], [0, 0]);
        expect(pointPattern(layout, params, cx, cy)).toEqual(polygon.pattern);
        for (const [x, y] of polygon.vertices) {
          expect(x).toBeGreaterThanOrEqual(-1.5 - 1e-12);
          expect(x).toBeLessThanOrEqual(2 + 1e-12);
          expect(y).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(y).toBeLessThanOrEqual(1 + 1e-12);
        }
      }
      // every pattern a grid point shows is one of the polygons'
      const known = new Set(polygons.map((polygon) => polygon.pattern.join('|')));
      for (let i = 0; i < 60; i++) for (let j = 0; j < 40; j++) expect(known.has(pointPattern(layout, params, -1.5 + (3.5 * (i + 0.5)) / 60, -1 + (2 * (j + 0.5)) / 40).join('|'))).toBe(true);
      expect(result.regions).toBeLessThanOrEqual(result.bounds.serra_upper);
    });
  }

  it('one hidden layer of n lines in general position inside the square: 1 + n + crossings regions', async () => {
    // three lines x = 0, y = 0, x + y = 0.5 cut [-1, 1]^2 into 7 regions (3 crossings inside)
    const net = { input_dim: 2, widths: [3], weights: [[[1, 0], [0, 1], [1, 1]], [[1, 1, 1]]], biases: [[0, 0, -0.5], [0]] };
    const result = (await regions(net, true)) as Regions2d;
    expect(result.regions).toBe(7);
    expect(result.bounds.one_layer_max).toBe(7);
  });
});

describe('counting bounds', () => {
  it('hand-worked: one layer of 16 units in 2-D has at most 1 + 16 + 120 = 137 regions; Montufar and Serra reduce to it for one layer', () => {
    expect(regionBounds(2, [16])).toEqual({ one_layer_max: 137, montufar_lower: 137, serra_upper: 137 });
  });

  it('two layers of 4 in 2-D: Montufar floor(4/2)^2 * (1 + 4 + 6) = 44; Serra sum_{j1 <= 2} C(4, j1) sum_{j2 <= min(2, 4 - j1)} C(4, j2) = 11 * 11 = 121; one layer of 8: 1 + 8 + 28 = 37', () => {
    expect(regionBounds(2, [4, 4])).toEqual({ one_layer_max: 37, montufar_lower: 44, serra_upper: 121 });
  });

  it('Serra\'s bound tightens when a narrow layer caps the dimension: [3, 1, 3] in 2-D', () => {
    // j1 in 0..2: d2 = min(2, 3 - j1); layer 2 (n = 1): j2 <= min(d2, 1), d3 = min(d2, 1 - j2); layer 3: sum_{j3 <= d3} C(3, j3)
    // j1 = 0 (1 way): j2 = 0 -> d3 = 1: 4; j2 = 1 -> d3 = 0: 1  => 5
    // j1 = 1 (3 ways): same => 15;  j1 = 2 (3 ways): d2 = 1, same => 15   total 35
    expect(regionBounds(2, [3, 1, 3]).serra_upper).toBe(35);
  });

  it('1-D: width-2 layers give Serra 3^k, Montufar 3 * 2^(k-1), one layer n + 1', () => {
    expect(regionBounds(1, [2, 2, 2, 2])).toEqual({ one_layer_max: 9, montufar_lower: 24, serra_upper: 81 });
  });
});

describe('regions: bad networks are issues at their fields', () => {
  async function issues(net: unknown): Promise<DenseFailure['issues']> {
    const result = await linearRegions({ net });
    if (result.ok) throw new Error('expected issues');
    return result.issues;
  }
  it('2-D limits, input dimension, output, activation, domain, preset conflicts', async () => {
    expect(await issues({ input_dim: 2, widths: [16, 16, 16, 16, 16] })).toContainEqual(expect.objectContaining({ field: 'widths', code: 'too_large', values: expect.objectContaining({ max: 4 }) }));
    expect(await issues({ input_dim: 2, widths: [17] })).toContainEqual(expect.objectContaining({ field: 'widths[0]', code: 'too_large', values: expect.objectContaining({ max: 16 }) }));
    expect(await issues({ input_dim: 3, widths: [4] })).toContainEqual(expect.objectContaining({ field: 'input_dim', code: 'not_one_of' }));
    expect(await issues({ input_dim: 1, widths: [4], activation: 'tanh' })).toContainEqual(expect.objectContaining({ field: 'activation', code: 'not_one_of' }));
    expect(await issues({ input_dim: 1, widths: [4], domain: [1, 0] })).toContainEqual(expect.objectContaining({ field: 'domain[1]', code: 'too_small' }));
    expect(await issues({ preset: { sawtooth: 17 } })).toContainEqual(expect.objectContaining({ field: 'preset.sawtooth', code: 'too_large', values: expect.objectContaining({ max: 16 }) }));
    expect(await issues({ preset: { sawtooth: 3 }, widths: [2] })).toContainEqual(expect.objectContaining({ field: 'widths', code: 'exclusive_fields' }));
  });

  it('more pieces than the engine counts is refused with the limit, not a hang', async () => {
    // 18 layers of 2: 2^18 pieces > 100,000
    const net = sawtoothNetwork(18);
    expect(await issues({ ...net, domain: [0, 1] })).toContainEqual(expect.objectContaining({ field: 'widths', code: 'too_much_work', values: expect.objectContaining({ max: 100_000 }) }));
  });
});

describe('regions: cooperative', () => {
  it('a long count reports progress and stops when the checkpoint throws (the dispatcher\'s cancel)', async () => {
    const reports: { kind: string; layer: number; layers: number; regions: number }[] = [];
    const net = { preset: { sawtooth: 16 } };
    const done = await linearRegions({ net }, { checkpoint: () => new Promise((resolve) => setTimeout(resolve, 0)), progress: (partial) => reports.push(partial as (typeof reports)[number]) });
    expect(done.ok && done.dimension === 1 && done.linear_pieces).toBe(2 ** 16);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((report) => report.kind === 'regions' && report.layers === 16 && report.regions >= 1)).toBe(true);
    let checkpoints = 0;
    const cancelled = linearRegions({ net }, {
      checkpoint: async () => {
        if (++checkpoints === 20) throw Object.assign(new Error('cancelled'), { code: 'cancelled' });
      },
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
  });
});

describe('a sparse list of widths (fuzz finding: a hole reached BigInt as NaN)', () => {
  it('names the missing entry instead of failing inside', async () => {
    // eslint-disable-next-line no-sparse-arrays
    const result = await linearRegions({ net: { input_dim: 2, widths: [, 1] } });
    expect('ok' in result && result.ok === false).toBe(true);
    expect(JSON.stringify(result)).toContain('widths[0]');
  });
});
