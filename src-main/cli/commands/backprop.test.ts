import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';
import { createDefaultProject, serializeProject } from '../../../shared/project/index';
import { BACKPROP_CLI_EXAMPLE, SEED_BACKPROP_CASE } from '../../../shared/core/backprop/examples';

const EXAMPLE = BACKPROP_CLI_EXAMPLE;

describe('layerwise backprop', () => {
  it('--json prints every tensor of the issue example (hand-worked: z[0][1] = 2 - 0 + 0 + 6 + 0.5 = 8.5 is the maximum)', async () => {
    const { code, out, err } = await runCli(['backprop', '-', '--json'], JSON.stringify(EXAMPLE));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      conv: [[[1.5, 8.5, 1.5], [1.5, -1.5, 6.5], [1.5, 3.5, 4.5]]],
      activated: [[[1.5, 8.5, 1.5], [1.5, -1.5, 6.5], [1.5, 3.5, 4.5]]],
      pooled: [[[8.5]]],
      argmax: [[[1]]],
      loss: null,
      grad_pooled: [[[1]]],
      grad_activated: [[[0, 1, 0], [0, 0, 0], [0, 0, 0]]],
      grad_conv: [[[0, 1, 0], [0, 0, 0], [0, 0, 0]]],
      grad_filters: [[[[2, 0], [1, 3]]]],
      grad_bias: [1],
      grad_input: [[[0, 1, -1, 0], [0, 0, 2, 0], [0, 0, 0, 0], [0, 0, 0, 0]]],
    });
  });

  it('prints the seed case as text, and reads a project file’s saved case', async () => {
    const project = { ...createDefaultProject(), tools: { backprop: SEED_BACKPROP_CASE } };
    const { code, out } = await runCli(['backprop', '-'], serializeProject(project));
    expect(code).toBe(0);
    expect(out).toContain('pooled y [1x1x1]\n    10');
    expect(out).toContain('dL/dW [1x1x2x2]\n    -1   5\n     3   0');
    expect(out).toContain('dL/db [1]\n    1');
    const empty = await runCli(['backprop', '-'], serializeProject(createDefaultProject()));
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no backprop case saved');
  });

  it('exits 2 naming the cell for a ragged grid, and the field for a bad pool (JSON with --json)', async () => {
    const bad = { ...EXAMPLE, input: [[[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0], [1, 0, 1, 3]]], pool: { type: 'max' } };
    const { code, out, err } = await runCli(['backprop', '-', '--json'], JSON.stringify(bad));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(JSON.parse(err).errors).toEqual(['input[0][2]: row has 3 cells, expected 4', 'pool.kernel: is required for max pooling: a whole number ≥ 1 or [h, w]']);
  });

  it('exits 2 for sizes past the limits and for a case that is not an object', async () => {
    const big = { input: Array.from({ length: 40 }, () => Array.from({ length: 4 }, () => 1)), filters: [[1]] };
    expect((await runCli(['backprop', '-'], JSON.stringify(big))).err).toBe('error: input: is 40x4; at most 32x32\n');
    expect((await runCli(['backprop', '-'], '[1, 2]')).err).toBe('error: a case is a JSON object with input and filters, got an array\n');
  });

  it('--lang fa phrases every case error in Persian with Persian digits, the path as typed; --json too', async () => {
    const bad = { ...EXAMPLE, input: [[[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0], [1, 0, 1, 3]]], pool: { type: 'max' } };
    const text = await runCli(['backprop', '-', '--lang', 'fa'], JSON.stringify(bad));
    expect(text.code).toBe(2);
    expect(text.err).toBe('خطا: input[0][2]: سطر ۳ خانه دارد، اما باید ۴ تا داشته باشد\nخطا: pool.kernel: برای ادغام max لازم است: عدد صحیحی ≥ ۱ یا [h, w]\n');
    const json = await runCli(['backprop', '-', '--json', '--lang', 'fa'], JSON.stringify(bad));
    expect(JSON.parse(json.err).errors).toEqual(['input[0][2]: سطر ۳ خانه دارد، اما باید ۴ تا داشته باشد', 'pool.kernel: برای ادغام max لازم است: عدد صحیحی ≥ ۱ یا [h, w]']);
    expect((await runCli(['backprop', '-', '--lang', 'fa'], '[1, 2]')).err).toBe('خطا: مسئله باید یک شیء JSON با input و filters باشد، اما یک آرایه است\n');
  });

  it('--lang fa: a project whose saved case is refused names the case issue in Persian; a project without a case says so in Persian', async () => {
    const project = JSON.parse(serializeProject(createDefaultProject())) as Record<string, unknown>;
    const broken = { ...project, tools: { backprop: { input: [[1, 'x']], filters: [[1]] } } };
    const english = await runCli(['backprop', '-'], JSON.stringify(broken));
    expect(english.err).toBe('error: input[0][1]: expected a number, got "x"\n');
    const persian = await runCli(['backprop', '-', '--lang', 'fa'], JSON.stringify(broken));
    expect(persian.code).toBe(2);
    expect(persian.err).toBe('خطا: محتوای پرونده معتبر نیست: input[0][1]: باید یک عدد باشد، اما "x" است\n');
    expect((await runCli(['backprop', '-', '--lang', 'fa'], serializeProject(createDefaultProject()))).err).toBe('خطا: این پروژه مسئلهٔ پس‌انتشار ذخیره‌شده‌ای ندارد (tools.backprop)\n');
  });
});
