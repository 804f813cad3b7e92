import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';

/** conv 3->16 k3 without bias (432 weights), then BatchNorm2d(16): 32 parameters (gamma, beta) and 32 buffers (running mean, variance). */
const withBatchNorm = {
  input: [3, 8, 8],
  layers: [
    { type: 'conv2d', out_channels: 16, kernel: 3, bias: false },
    { type: 'batchnorm2d' },
  ],
};

describe('layerwise summary: parameters are PyTorch parameters(); buffers are counted apart', () => {
  it('--json: params and total_params leave the running statistics out; buffers and total_buffers hold them', async () => {
    const { code, out } = await runCli(['summary', '-', '--json'], JSON.stringify(withBatchNorm));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.layers[0]).toMatchObject({ params: 432, buffers: 0 });
    expect(json.layers[1]).toMatchObject({ params: 32, buffers: 32 });
    expect(json.total_params).toBe(432 + 32);
    expect(json.total_buffers).toBe(32);
    expect(json).not.toHaveProperty('non_trainable_params');
  });

  it('the table shows 32 params for the batch norm and the buffers on a line of their own', async () => {
    const { code, out } = await runCli(['summary', '-'], JSON.stringify(withBatchNorm));
    expect(code).toBe(0);
    expect(out).toMatch(/2 batchnorm2d\s+\[16, 6, 6\]\s+32\s/);
    expect(out).toContain('Total params: 464\n');
    expect(out).toContain('Buffers (not parameters: batch-norm running mean and variance): 32\n');
  });
});

describe('layerwise summary: receptive fields', () => {
  it('a 1x1 adaptive average pool is global: "whole input" in the table, global in --json', async () => {
    const spec = { input: [2, 5, 7], layers: [{ type: 'adaptiveavgpool2d', output_size: 1 }] };
    const json = JSON.parse((await runCli(['summary', '-', '--json'], JSON.stringify(spec))).out);
    expect(json.layers[0].rf).toEqual({ size: [5, 7], jump: [0, 0], center: [2, 3], global: true });
    expect((await runCli(['summary', '-'], JSON.stringify(spec))).out).toMatch(/1 adaptiveavgpool2d\s+\[2, 1, 1\]\s+0\s+0\s+whole input/);
  });

  it('after a transposed conv the size is the widest exact span, a whole number, marked (max)', async () => {
    const spec = { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 }, { type: 'conv2d', out_channels: 1, kernel: 3 }] };
    const json = JSON.parse((await runCli(['summary', '-', '--json'], JSON.stringify(spec))).out);
    expect(json.layers[1].rf).toEqual({ size: [3, 3], jump: [0.5, 0.5], center: [0.5, 0.5], global: false, varies: true });
  });
});
