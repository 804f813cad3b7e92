import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

const polynomial = { truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 12, resamples: 8, test_points: 25, model: { family: 'polynomial', degrees: [0, 3, 9], ridge: 0 }, seed: 4 };

describe('layerwise bias-variance', () => {
  it('--json prints one entry per degree with exactly the documented fields', async () => {
    const { code, out, err } = await runCli(['bias-variance', '-', '--json'], JSON.stringify(polynomial));
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['results']);
    expect(json.results.map((entry: { complexity: number }) => entry.complexity)).toEqual([0, 3, 9]);
    for (const entry of json.results) {
      expect(Object.keys(entry)).toEqual(['complexity', 'bias2', 'variance', 'noise', 'expected_error', 'test_error', 'train_error', 'mean_fit']);
      expect(entry.noise).toBe(0.09);
      // Each printed to 12 significant digits.
      expect(Math.abs(entry.expected_error - (entry.bias2 + entry.variance + entry.noise))).toBeLessThan(1e-11 * entry.expected_error);
      expect(entry.mean_fit).toHaveLength(25);
    }
    // 12 significant digits: no float noise in the text.
    for (const number of out.match(/-?\d[\d.]*(e[+-]?\d+)?/g) ?? []) expect(Number(Number(number).toPrecision(12))).toBe(Number(number));
  });

  it('--datasets prints the training sets and the test targets in the input layout; fed back they give the same results', async () => {
    const first = JSON.parse((await runCli(['bias-variance', '-', '--json', '--datasets'], JSON.stringify(polynomial))).out);
    expect(first.datasets).toHaveLength(8);
    expect(first.datasets[0].x).toHaveLength(12);
    expect(first.test_targets).toHaveLength(25);
    const { resamples: _r, train_size: _n, ...rest } = polynomial;
    const again = await runCli(['bias-variance', '-', '--json'], JSON.stringify({ ...rest, datasets: first.datasets, test_targets: first.test_targets }));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out).results).toEqual(first.results);
  });

  it('runs k-NN (k = 1 fits the training targets exactly) and prints a table with the agreement note', async () => {
    const knn = { ...polynomial, model: { family: 'knn', ks: [1, 4, 12] } };
    const json = JSON.parse((await runCli(['bias-variance', '-', '--json'], JSON.stringify(knn))).out);
    expect(json.results[0]).toMatchObject({ complexity: 1, train_error: 0 });
    const text = await runCli(['bias-variance', '-'], JSON.stringify(knn));
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^\s+k\s+bias\^2\s+variance\s+noise\s+expected\s+test error\s+train error$/m);
    expect(text.out).toContain('the two agree up to sampling error');
  });

  it('exits 2 naming the field: shape errors from the schema, values and limits from the core', async () => {
    const shape = await runCli(['bias-variance', '-', '--json'], JSON.stringify({ ...polynomial, resamples: 'ten', typo: 1 }));
    expect(shape.code).toBe(2);
    expect(JSON.parse(shape.err).errors).toEqual(['resamples: resamples must be a number', 'unknown field "typo"']);
    const limit = await runCli(['bias-variance', '-'], JSON.stringify({ ...polynomial, train_size: 5000, model: { family: 'polynomial', degrees: [16] } }));
    expect(limit.code).toBe(2);
    expect(limit.err).toBe('error: train_size: must be at most 1000, got 5000\nerror: model.degrees[0]: must be at most 15, got 16\n');
    const formula = await runCli(['bias-variance', '-'], JSON.stringify({ ...polynomial, truth: 'sin(2*pi*y)' }));
    expect(formula.code).toBe(2);
    expect(formula.err).toContain('truth: the formula reads "y" (at character 10)');
    const flag = await runCli(['summary', '-', '--datasets'], '{}');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('--datasets is not an option of summary');
  });
});
