import { describe, expect, it } from 'vitest';
import { imageToInput } from './image-input';

describe('imageToInput: an image as the network input, as ToTensor', () => {
  // two pixels: pure red (255, 0, 0) and a grey-blue (51, 102, 204)
  const rgba = [255, 0, 0, 255, 51, 102, 204, 255];

  it('three channels: R plane, then G, then B, each in [0, 1]', () => {
    expect(imageToInput(rgba, 2, 3)).toEqual([1, 0.2, 0, 0.4, 0, 0.8]);
  });

  it('one channel: the luminance 0.299 R + 0.587 G + 0.114 B', () => {
    const [red, blue] = imageToInput(rgba, 2, 1)!;
    expect(red).toBeCloseTo(0.299, 12);
    expect(blue).toBeCloseTo(0.299 * 0.2 + 0.587 * 0.4 + 0.114 * 0.8, 12);
  });

  it('another channel count has no image reading', () => {
    expect(imageToInput(rgba, 2, 4)).toBeNull();
    expect(imageToInput(rgba, 2, 2)).toBeNull();
  });
});
