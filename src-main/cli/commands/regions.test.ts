import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

describe('layerwise regions', () => {
  it('1-D: the sawtooth preset of depth 3 has 8 pattern pieces, 8 linear pieces and breakpoints at j/8', async () => {
    const { code, out, err } = await runCli(['regions', '-', '--json'], JSON.stringify({ preset: { sawtooth: 3 } }));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ pattern_pieces: 8, linear_pieces: 8, breakpoints: [0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875] });
  });

  it('1-D with explicit weights: relu(x) - relu(x - 1) on [-2, 3] has breakpoints 0 and 1', async () => {
    const net = { input_dim: 1, widths: [2], weights: [[[1], [1]], [[1, -1]]], biases: [[0, -1], [0]], domain: [-2, 3] };
    const { code, out } = await runCli(['regions', '-', '--json'], JSON.stringify(net));
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ pattern_pieces: 3, linear_pieces: 3, breakpoints: [0, 1] });
  });

  it('2-D: the count and the bounds; with --polygons each region\'s vertices and pattern', async () => {
    // lines x = 0, y = 0, x + y = 0.5 in [-1, 1]^2: 7 regions
    const net = { input_dim: 2, widths: [3], weights: [[[1, 0], [0, 1], [1, 1]], [[1, 1, 1]]], biases: [[0, 0, -0.5], [0]], domain: [[-1, 1], [-1, 1]] };
    const plain = JSON.parse((await runCli(['regions', '-', '--json'], JSON.stringify(net))).out);
    expect(plain).toEqual({ regions: 7, bounds: { one_layer_max: 7, montufar_lower: 7, serra_upper: 7 } });
    const { code, out } = await runCli(['regions', '-', '--json', '--polygons'], JSON.stringify(net));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.polygons).toHaveLength(7);
    // every on/off combination but 001 (x <= 0, y <= 0 and x + y > 0.5 cannot hold together)
    expect(json.polygons.map((polygon: { pattern: string[] }) => polygon.pattern[0]).sort()).toEqual(['000', '010', '011', '100', '101', '110', '111']);
    const text = await runCli(['regions', '-', '--polygons'], JSON.stringify(net));
    expect(text.out).toContain('regions: 7');
    expect(text.out).toContain('Serra et al. 2018 upper 7');
  });

  it('init + seed instead of weights; the same seed gives the same count', async () => {
    const net = { input_dim: 2, widths: [8, 8], init: 'kaiming_uniform', seed: 4 };
    const first = JSON.parse((await runCli(['regions', '-', '--json'], JSON.stringify(net))).out);
    const second = JSON.parse((await runCli(['regions', '-', '--json'], JSON.stringify(net))).out);
    expect(first.regions).toBeGreaterThan(1);
    expect(second).toEqual(first);
  });

  it('exits 2 naming the field and the limit; --polygons belongs to regions only', async () => {
    const wide = await runCli(['regions', '-', '--json'], JSON.stringify({ input_dim: 2, widths: [32] }));
    expect(wide.code).toBe(2);
    expect(JSON.parse(wide.err).errors).toContain('widths[0]: must be at most 16 units for 2-D regions, got 32');
    const deep = await runCli(['regions', '-'], JSON.stringify({ preset: { sawtooth: 40 } }));
    expect(deep.err).toContain('preset.sawtooth: must be at most 16, got 40');
    const flag = await runCli(['train', '-', '--polygons'], '{}');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--polygons is not an option of train');
  });
});
