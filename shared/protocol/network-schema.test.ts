import { describe, expect, it } from 'vitest';
import { parseNetworkSpec } from './network-schema';

describe('parseNetworkSpec: structure errors name the layer and field', () => {
  it.each([
    [{ input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernal: 3 }] }, 'layer 1 (conv2d): kernel: is required'],
    [{ input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernal: 3 }] }, 'layer 1 (conv2d): unknown field "kernal"'],
    [{ input: [3, 8, 8], layers: [{ type: 'relu' }, { type: 'conv3d' }] }, 'layer 2: unknown type "conv3d"; valid types are conv2d,'],
    [{ input: [3, 8, 8], layers: [{ type: 'linear', out_features: '10' }] }, 'layer 1 (linear): out_features: expected number'],
    [{ input: [3, 8, 8], layers: [{ type: 'maxpool2d', kernel: [2, 'x'] }] }, 'layer 1 (maxpool2d): kernel: expected a number or [height, width]'],
    [{ input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernel: 3, padding: 'full' }] }, 'layer 1 (conv2d): padding:'],
    [{ input: [3, 8, 8], layers: [7] }, 'layer 1: expected an object with a "type"'],
    [{ input: '3x8x8', layers: [] }, 'input: expected [C, H, W] for an image or [N] for a vector'],
    [{ input: [3, 8, 8] }, 'layers: expected an array of layer objects'],
    [{ input: [3, 8, 8], layers: [], extra: 1 }, 'unknown field(s) "extra"'],
    [[1, 2], 'a network spec must be an object'],
  ])('%j -> %s', (value, expected) => {
    const result = parseNetworkSpec(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.message).join('\n')).toContain(expected);
  });

  it('accepts every documented field form and keeps the values', () => {
    const spec = {
      input: [3, 128, 128],
      layers: [
        { type: 'conv2d', out_channels: 32, kernel: 7, padding: 3 },
        { type: 'conv2d', out_channels: 8, kernel: [3, 5], stride: [1, 2], padding: 'same', dilation: 2, groups: 8, bias: false },
        { type: 'maxpool2d', kernel: 2, ceil_mode: true },
        { type: 'flatten' },
        { type: 'linear', out_features: 10 },
      ],
    };
    const result = parseNetworkSpec(spec);
    expect(result).toEqual({ ok: true, spec });
  });
});
