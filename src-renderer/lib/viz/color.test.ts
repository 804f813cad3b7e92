import { describe, expect, it } from 'vitest';
import { contrastRatio, parseHex, relativeLuminance } from '../../styles/contrast';
import { DIVERGING_STOPS, divergingColor, divergingRgb, inkOn, maxAbsOf, SEQUENTIAL_STOPS, sequentialRgb } from './color';

describe.each(['light', 'dark'] as const)('the %s colour scales', (theme) => {
  const stops = DIVERGING_STOPS[theme];

  it('zero (and NaN, and any value when maxAbs is 0) is exactly the middle stop', () => {
    const zero = parseHex(stops[4]!);
    expect(divergingRgb(0, 5, theme)).toEqual(zero);
    expect(divergingRgb(-0, 5, theme)).toEqual(zero);
    expect(divergingRgb(Number.NaN, 5, theme)).toEqual(zero);
    expect(divergingRgb(3, 0, theme)).toEqual(zero);
  });

  it('±maxAbs are the end stops, and values beyond are clamped to them', () => {
    expect(divergingRgb(-2, 2, theme)).toEqual(parseHex(stops[0]!));
    expect(divergingRgb(2, 2, theme)).toEqual(parseHex(stops[8]!));
    expect(divergingRgb(-50, 2, theme)).toEqual(parseHex(stops[0]!));
    expect(divergingRgb(50, 2, theme)).toEqual(parseHex(stops[8]!));
    expect(divergingColor(2, 2, theme)).toBe(`rgb(${parseHex(stops[8]!).join(' ')})`);
  });

  it('the further from zero, the further from zero’s colour, on both sides (a reader can rank magnitudes)', () => {
    const zero = divergingRgb(0, 1, theme);
    for (const sign of [-1, 1]) {
      let previous = 1;
      for (let magnitude = 0.1; magnitude <= 1.0001; magnitude += 0.1) {
        const ratio = contrastRatio(divergingRgb(sign * magnitude, 1, theme), zero);
        expect(ratio).toBeGreaterThan(previous);
        previous = ratio;
      }
    }
  });

  it('negative and positive are told apart by hue: red side has more red than blue, blue side the reverse', () => {
    const [nr, , nb] = divergingRgb(-0.6, 1, theme);
    const [pr, , pb] = divergingRgb(0.6, 1, theme);
    expect(nr).toBeGreaterThan(nb);
    expect(pb).toBeGreaterThan(pr);
  });

  it('the sequential scale runs from its first to its last stop, growing away from the first', () => {
    const sequential = SEQUENTIAL_STOPS[theme];
    expect(sequentialRgb(0, theme)).toEqual(parseHex(sequential[0]!));
    expect(sequentialRgb(1, theme)).toEqual(parseHex(sequential[5]!));
    expect(sequentialRgb(7, theme)).toEqual(parseHex(sequential[5]!));
    const start = sequentialRgb(0, theme);
    let previous = 1;
    for (let share = 0.1; share <= 1.0001; share += 0.1) {
      const ratio = contrastRatio(sequentialRgb(share, theme), start);
      expect(ratio).toBeGreaterThan(previous);
      previous = ratio;
    }
  });
});

describe('helpers', () => {
  it('maxAbsOf is the largest magnitude, ignoring non-finite values', () => {
    expect(maxAbsOf([1, -3, 2, Number.NaN, Number.POSITIVE_INFINITY])).toBe(3);
    expect(maxAbsOf([])).toBe(0);
  });

  it('inkOn picks the ink with more contrast: dark on pale cells, white on deep ones', () => {
    expect(inkOn(parseHex('#f7f7f7'))).toBe('#1a1d23');
    expect(inkOn(parseHex('#2166ac'))).toBe('#ffffff');
    expect(inkOn(parseHex('#b2182b'))).toBe('#ffffff');
  });

  it('relative luminance: black 0, white 1 (WCAG)', () => {
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(relativeLuminance([255, 255, 255])).toBeCloseTo(1, 10);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 10);
  });
});
