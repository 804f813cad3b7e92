import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper';
import { SEED_NETWORK } from '../../shared/core/network/presets';
import { createDefaultProject, serializeProject } from '../../shared/project/index';

const run = runCli;

async function tempFile(name: string, text: string) {
  const dir = await mkdtemp(path.join(tmpdir(), 'layerwise-cli-'));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const example = {
  input: [3, 128, 128],
  layers: [
    { type: 'conv2d', out_channels: 32, kernel: 7, padding: 3 },
    { type: 'maxpool2d', kernel: 2 },
    { type: 'flatten' },
    { type: 'linear', out_features: 10 },
  ],
};

describe('layerwise summary', () => {
  it('--json prints the machine form (hand-computed: conv params (3*7*7+1)*32, MACs 32*128*128*3*7*7)', async () => {
    const { code, out, err } = await run(['summary', '-', '--json'], JSON.stringify(example));
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.input).toEqual([3, 128, 128]);
    expect(json.layers[0]).toMatchObject({
      index: 1,
      type: 'conv2d',
      output: [32, 128, 128],
      params: 4736,
      macs: 32 * 128 * 128 * 3 * 7 * 7,
      memory_bytes: 4 * 32 * 128 * 128,
      rf: { size: [7, 7], jump: [1, 1], center: [0, 0], global: false },
    });
    expect(json.layers[1]).toMatchObject({ output: [32, 64, 64], params: 0, macs: 0, rf: { size: [8, 8], jump: [2, 2], center: [0.5, 0.5] } });
    expect(json.layers[2]).toMatchObject({ output: [131072], rf: { global: true } });
    expect(json.layers[3]).toMatchObject({ output: [10], params: 131072 * 10 + 10, macs: 131072 * 10 });
    expect(json.total_params).toBe(4736 + 1310730);
    expect(json.total_macs).toBe(32 * 128 * 128 * 147 + 1310720);
  });

  it('prints a torchinfo-like table for a project file (taking its network)', async () => {
    const file = await tempFile('a.layerwise.json', serializeProject(createDefaultProject()));
    const { code, out } = await run(['summary', file]);
    expect(code).toBe(0);
    expect(out).toMatch(/1 conv2d\s+\[32, 128, 128\]\s+4,736/);
    expect(out).toContain('6,554,624');
    expect(out).toContain('11x11 / 2 / ');
    const totalParams = 4736 + 51264 + 73856 + 147584 + 295168 + 6554624 + 10250;
    expect(out).toContain(`Total params: ${totalParams.toLocaleString('en-US')}`);
    expect(SEED_NETWORK.input).toEqual([3, 128, 128]);
  });

  it('exits 2 with the layer named on stderr (JSON with --json) for an engine-invalid spec', async () => {
    const spec = { input: [3, 6, 6], layers: [{ type: 'conv2d', out_channels: 4, kernel: 3 }, { type: 'conv2d', out_channels: 4, kernel: 3, dilation: 2 }, { type: 'relu' }] };
    const { code, out, err } = await run(['summary', '-', '--json'], JSON.stringify(spec));
    expect(code).toBe(2);
    const errors = JSON.parse(err).errors as string[];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^layer 2 \(conv2d\): /);
    const json = JSON.parse(out);
    expect(json.layers[1].error).toBe(errors[0]);
    expect(json.layers[2]).toEqual({ index: 3, type: 'relu', error: 'not computed: an earlier layer is invalid' });
  });

  it('exits 2 for a structurally invalid spec, bad JSON, a missing file and usage errors', async () => {
    const bad = await run(['summary', '-'], '{"input": [3, 8, 8], "layers": [{"type": "conv2d", "kernel": 3}]}');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('error: layer 1 (conv2d): out_channels: is required');
    const notJson = await run(['summary', '-', '--json'], '{"input": ');
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.err).errors[0]).toContain('standard input is not valid JSON');
    const missing = await run(['summary', '/nonexistent/net.json']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read /nonexistent/net.json');
    expect((await run(['sumary', 'x'])).err).toContain('unknown command "sumary"; known commands: summary');
    expect((await run(['summary', '--jsno', 'x'])).code).toBe(2);
    expect((await run(['summary'])).err).toContain('summary takes exactly one file path');
  });

  it("--help lists every command and each command's own options (one mechanism: the command declares them), which only that command takes", async () => {
    const help = await run(['--help'], '');
    expect(help.code).toBe(0);
    for (const name of ['summary', 'bias-variance', 'double-descent', 'gradient-flow', 'regions', 'train']) expect(help.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    expect(help.out).toMatch(/^ {2}--datasets +bias-variance: /m);
    expect(help.out).toMatch(/^ {2}--features +double-descent: /m);
    expect(help.out).toMatch(/^ {2}--polygons +regions: /m);
    expect((await run(['double-descent', '-', '--polygons'], '{}')).err).toContain('--polygons is not an option of double-descent');
    expect((await run(['regions', '-', '--features'], '{}')).err).toContain('--features is not an option of regions');
  });

  it('runs as `npx layerwise` from the checkout (bin shim)', async () => {
    const file = await tempFile('net.json', JSON.stringify(example));
    const bin = path.resolve(import.meta.dirname, '../../bin/layerwise.mjs');
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'summary', file, '--json']);
    expect(JSON.parse(stdout).layers[0].params).toBe(4736);
    const failure = await promisify(execFile)(process.execPath, [bin, 'summary', '/nonexistent.json']).catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 2, stderr: expect.stringContaining('cannot read /nonexistent.json') });
  });
});
