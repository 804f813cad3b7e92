import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.test-helper';
import { SEED_NETWORK } from '../../../shared/core/network/presets';
import { createDefaultProject, serializeProject } from '../../../shared/project/index';

const run = runCli;

describe('layerwise receptive-field', () => {
  it('seed layer 3 unit (0, 0): RF 13, jump 4, centre 3 -> box [-3, -3, 9, 9], clipped [0, 0, 9, 9], padding rows/columns -3..-1', async () => {
    const { code, out, err } = await run(['receptive-field', '-'], JSON.stringify({ network: SEED_NETWORK, unit: { layer: 3, y: 0, x: 0 } }));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('unit (0, 0) of layer 3 (maxpool2d): receptive field 13x13, jump 4x4, centre of unit (0, 0) (3, 3)');
    expect(out).toContain('box [top, left, bottom, right] in input pixels: [-3, -3, 9, 9]; clipped to the image: [0, 0, 9, 9]');
    expect(out).toMatch(/layer 2 \(conv2d\)\s+62x62\s+\[0, 0, 1, 1\]\s+\[0, 0, 1, 1\]\s+2x2/);
    expect(out).toMatch(/input\s+128x128\s+\[-3, -3, 9, 9\]\s+\[0, 0, 9, 9\]\s+10x10\s+rows -3\.\.-1, columns -3\.\.-1/);
  });

  it('--json gives the region; a project file works as the network', async () => {
    const project = JSON.parse(serializeProject(createDefaultProject()));
    const { code, out } = await run(['receptive-field', '-', '--json'], JSON.stringify({ network: project, unit: { layer: 4, y: 0, x: 0 } }));
    expect(code).toBe(0);
    const json = JSON.parse(out);
    // layer 4: RF 29, jump 4, centre 3 + (2 - 0) * 4 = 11 -> [11 - 14, 11 + 14] = [-3, 25]
    expect(json.inputBox).toEqual([-3, -3, 25, 25]);
    // the dilated conv reads layer-3 cells 0, 2, 4
    expect(json.layers[1].rows.contributing).toEqual([0, 2, 4]);
  });

  it('exits 2 naming the field for a bad document and for a unit outside the layer', async () => {
    const missing = await run(['receptive-field', '-'], JSON.stringify({ network: SEED_NETWORK, unit: { layer: 3, y: -1 } }));
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('unit.y must be 0 or more');
    const outside = await run(['receptive-field', '-'], JSON.stringify({ network: SEED_NETWORK, unit: { layer: 3, y: 31, x: 0 } }));
    expect(outside.code).toBe(2);
    expect(outside.err).toContain('unit: unit (31, 0) is outside layer 3, whose output is 31x31 (rows 0 to 30, columns 0 to 30)');
  });
});
