import { describe, expect, it } from 'vitest';
import { explainLayer } from './explain';
import { SEED_NETWORK } from './presets';
import type { Derivation, Quantity } from './info';
import type { NetworkSpec } from './spec';
import { EVERY_LAYER_KIND, ISSUE_9_UNEVEN_UNITS } from './networks.test-helper';

function derivationOf(spec: NetworkSpec, index: number, quantity: Quantity): Derivation | undefined {
  return explainLayer(spec, index).find((derivation) => derivation.quantity === quantity);
}

describe('explainLayer: every number as formula, numbers filled in, result', () => {
  it('seed layer 1 params: (C_in K_h K_w / g + 1) C_out = (3*7*7/1 + 1)*32 = 4,736', () => {
    expect(derivationOf(SEED_NETWORK, 1, 'params')).toEqual({
      quantity: 'params',
      formula: '(C_{in} K_h K_w / g + 1)\\,C_{out}',
      substituted: '(3 \\cdot 7 \\cdot 7 / 1 + 1) \\cdot 32',
      result: '4{,}736',
      text: 'params = (3*7*7/1 + 1)*32 = 4,736',
      message: { code: 'scalar', values: { label: 'params', unit: 'none', h_eq: 'plain', h: '(3*7*7/1 + 1)*32 = 4,736' }, notes: [] },
    });
  });

  it('seed layer 2 receptive field: r = 7 + (5 - 1)*1 = 11, j = 1*2 = 2, c = 0 + ((5 - 1)/2 - 0)*1 = 2', () => {
    expect(derivationOf(SEED_NETWORK, 2, 'rf_size')).toEqual({
      quantity: 'rf_size',
      formula: 'r_{prev} + (k_{eff} - 1)\\,j_{prev}',
      substituted: '7 + (5 - 1) \\cdot 1',
      result: '11',
      text: 'r = 7 + (5 - 1)*1 = 11',
      message: { code: 'symbol', values: { prefix: '', symbol: 'r', h_eq: 'plain', h: '7 + (5 - 1)*1 = 11' }, notes: [] },
    });
    expect(derivationOf(SEED_NETWORK, 2, 'rf_jump')?.text).toBe('j = 1*2 = 2');
    expect(derivationOf(SEED_NETWORK, 2, 'rf_center')?.text).toBe('c = 0 + ((5 - 1)/2 - 0)*1 = 2');
  });

  it('seed layer 2 output: floor((128 + 2*0 - 1*(5 - 1) - 1)/2) + 1 = 62', () => {
    const output = derivationOf(SEED_NETWORK, 2, 'output')!;
    expect(output.formula).toBe('\\lfloor (H + 2p - d(k-1) - 1)/s \\rfloor + 1');
    expect(output.substituted).toBe('\\lfloor (128 + 2 \\cdot 0 - 1 \\cdot (5 - 1) - 1)/2 \\rfloor + 1');
    expect(output.result).toBe('64 \\times 62 \\times 62');
    expect(output.text).toBe('output = 64x62x62: H_out = W_out = floor((128 + 2*0 - 1*(5 - 1) - 1)/2) + 1 = 62');
  });

  it('seed layer 4 receptive field shows where the dilated kernel 5 comes from: k_eff = (3 - 1)*2 + 1 = 5, then 13 + (5 - 1)*4 = 29', () => {
    expect(derivationOf(SEED_NETWORK, 4, 'rf_size')).toEqual({
      quantity: 'rf_size',
      formula: 'r_{prev} + (k_{eff} - 1)\\,j_{prev}, \\quad k_{eff} = (k - 1)\\,d + 1',
      substituted: 'k_{eff} = (3 - 1) \\cdot 2 + 1 = 5; \\quad 13 + (5 - 1) \\cdot 4',
      result: '29',
      text: 'k_eff = (3 - 1)*2 + 1 = 5; r = 13 + (5 - 1)*4 = 29',
      message: { code: 'symbol', values: { prefix: 'k_eff = (3 - 1)*2 + 1 = 5; ', symbol: 'r', h_eq: 'plain', h: '13 + (5 - 1)*4 = 29' }, notes: [] },
    });
    expect(derivationOf(SEED_NETWORK, 4, 'rf_center')?.text).toBe('k_eff = (3 - 1)*2 + 1 = 5; c = 3 + ((5 - 1)/2 - 0)*4 = 11');
  });

  it('a kernel dilated on one axis only names k_eff per axis', () => {
    const spec: NetworkSpec = { input: [1, 9, 9], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3, dilation: [1, 3] }] };
    expect(derivationOf(spec, 1, 'rf_size')?.text).toBe('k_eff,h = 3; k_eff,w = (3 - 1)*3 + 1 = 7; r_h = 1 + (3 - 1)*1 = 3; r_w = 1 + (7 - 1)*1 = 7');
  });

  it('after a transposed conv the field is the largest exact span over units, naming the widest unit', () => {
    // the worked example of issue 9: rows of max-pool unit 0 see transposed rows 0 (input row 0 of layer 2) and 1 (rows 0 and 1)
    const spec = ISSUE_9_UNEVEN_UNITS;
    expect(derivationOf(spec, 4, 'rf_size')?.text).toBe(
      'r_h = 4 - (-3) + 1 = 8; r_w = 7 - (-1) + 1 = 9 (units differ: the largest exact span over units, unit (0, 0) sees input rows -3 to 4 and columns -1 to 7)',
    );
    expect(derivationOf(spec, 4, 'rf_center')?.text).toBe('c_h = (-3 + 4)/2 = 0.5; c_w = (-1 + 7)/2 = 3 (the centre of the exact span of unit (0, 0))');
    expect(derivationOf(spec, 4, 'rf_jump')?.text).toBe('j = 3*1 = 3 (the average spacing of units, which differ)');
  });

  it('a 1x1 adaptive average pool sees the whole input, as global pooling', () => {
    const spec: NetworkSpec = { input: [2, 5, 7], layers: [{ type: 'adaptiveavgpool2d', output_size: 1 }] };
    expect(derivationOf(spec, 1, 'rf_size')?.text).toBe('r_h = 1 + (5 - 1)*1 = 5; r_w = 1 + (7 - 1)*1 = 7 (every unit sees the whole input: all units of the previous layer)');
    expect(derivationOf(spec, 1, 'rf_jump')?.text).toBe('j = 0 (every unit sees the whole input: all units of the previous layer)');
  });

  it('seed layer 10 (the seed row 9 linear): (6,400 + 1)*1,024 = 6,554,624', () => {
    expect(derivationOf(SEED_NETWORK, 10, 'params')?.text).toBe('params = (6,400 + 1)*1,024 = 6,554,624');
    expect(derivationOf(SEED_NETWORK, 10, 'macs')?.text).toBe('MACs = 6,400*1,024 = 6,553,600');
  });

  it('memory: 4 bytes per output unit', () => {
    expect(derivationOf(SEED_NETWORK, 1, 'memory')?.text).toBe('memory = 4*32*128*128 = 2,097,152 bytes');
  });

  it('one derivation per quantity, in a fixed order, for every layer type', () => {
    const order = ['output', 'params', 'macs', 'memory', 'rf_size', 'rf_jump', 'rf_center'];
    const spec = EVERY_LAYER_KIND;
    for (let index = 1; index <= spec.layers.length; index++) {
      expect(explainLayer(spec, index).map((derivation) => derivation.quantity), `layer ${index}`).toEqual(order);
    }
  });

  it('a ceil_mode pool whose last window would start in the padding says so', () => {
    const spec: NetworkSpec = { input: [1, 5, 5], layers: [{ type: 'maxpool2d', kernel: 3, stride: 3, padding: 1, ceil_mode: true }] };
    expect(derivationOf(spec, 1, 'output')?.text).toBe(
      'output = 1x2x2: H_out = W_out = ceil((5 + 2*1 - 1*(3 - 1) - 1)/3) + 1 - 1 (the last window would start in the padding) = 2',
    );
  });

  it('a transposed conv names its widest unit', () => {
    const spec: NetworkSpec = { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 }] };
    expect(derivationOf(spec, 1, 'rf_size')?.text).toBe('r = 1 + (1 - 0)*1 = 2 (largest, at output unit (1, 1); units differ)');
    expect(derivationOf(spec, 1, 'rf_jump')?.text).toBe('j = 1/2 = 0.5');
  });

  it.each([
    ['an error layer', { input: [1, 2, 2], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }] }, 1],
    ['a layer after an error', { input: [1, 2, 2], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }, { type: 'relu' }] }, 2],
    ['index 0', SEED_NETWORK, 0],
    ['an index past the end', SEED_NETWORK, 13],
    ['a fractional index', SEED_NETWORK, 1.5],
    ['a spec that is not an object', null, 1],
  ])('returns [] for %s', (_name, spec, index) => {
    expect(explainLayer(spec as unknown as NetworkSpec, index)).toEqual([]);
  });
});
