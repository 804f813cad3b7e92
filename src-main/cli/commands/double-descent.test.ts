import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

const descent = { truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 20, test_points: 500, features: Array.from({ length: 200 }, (_, p) => p + 1), ridge: 0, seed: 0 };

describe('layerwise double-descent', () => {
  it('--json prints train and test error per p, the threshold p = n and the peak beside it', async () => {
    const { code, out, err } = await runCli(['double-descent', '-', '--json'], JSON.stringify(descent));
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['results', 'interpolation_threshold', 'peak']);
    expect(json.results).toHaveLength(200);
    expect(Object.keys(json.results[0])).toEqual(['features', 'train_error', 'test_error']);
    expect(json.interpolation_threshold).toBe(20);
    expect(Math.abs(json.peak - 20)).toBeLessThanOrEqual(3);
  });

  it('--features prints the draw and the training data; each p uses the first p of one draw', async () => {
    const full = JSON.parse((await runCli(['double-descent', '-', '--json', '--features'], JSON.stringify({ ...descent, features: [5, 12] }))).out);
    expect(full.w).toHaveLength(12);
    expect(full.b).toHaveLength(12);
    expect(full.train.x).toHaveLength(20);
    const part = JSON.parse((await runCli(['double-descent', '-', '--json', '--features'], JSON.stringify({ ...descent, features: [5] }))).out);
    expect(part.w).toEqual(full.w.slice(0, 5));
    expect(part.results[0]).toEqual(full.results[0]);
  });

  it('prints a table marking the threshold, and exits 2 naming the field for bad input', async () => {
    const text = await runCli(['double-descent', '-'], JSON.stringify({ ...descent, features: [1, 20, 100] }));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\s*20\s.*<- p = n \(interpolation threshold\)/m);
    const bad = await runCli(['double-descent', '-'], JSON.stringify({ ...descent, features: [0], ridge: -1 }));
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: ridge: must be at least 0, got -1\nerror: features[0]: must be at least 1, got 0\n');
    const shape = await runCli(['double-descent', '-'], JSON.stringify({ ...descent, features: 'all' }));
    expect(shape.code).toBe(2);
    expect(shape.err).toContain('features: features is a list of whole numbers');
  });
});
