/**
 * The loaded image as the network's input, as torchvision's ToTensor gives it: channel by
 * channel, each row by row, pixels scaled to [0, 1]. Three channels are R, G, B; one is the
 * luminance 0.299 R + 0.587 G + 0.114 B (torchvision's Grayscale, ITU-R 601-2). Any other
 * channel count has no image reading: null (the effective field then runs on its seeded input).
 */
export function imageToInput(rgba: ArrayLike<number>, pixels: number, channels: number): number[] | null {
  if (channels !== 1 && channels !== 3) return null;
  const values = new Array<number>(channels * pixels);
  for (let k = 0; k < pixels; k++) {
    const [r, g, b] = [rgba[4 * k]! / 255, rgba[4 * k + 1]! / 255, rgba[4 * k + 2]! / 255];
    if (channels === 1) values[k] = 0.299 * r + 0.587 * g + 0.114 * b;
    else {
      values[k] = r;
      values[pixels + k] = g;
      values[2 * pixels + k] = b;
    }
  }
  return values;
}
