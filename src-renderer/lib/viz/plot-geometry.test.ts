import fc from 'fast-check';
import { ticks } from 'd3';
import { afterEach, describe, expect, it } from 'vitest';
import { setDigitStyle, setLocale } from '../i18n/locale.svelte';
import { axisMargins, clipSegment, compactTickFormat, type Pixel, type PlotBox } from './plot-geometry';

const BOX: PlotBox = { left: 48, right: 404, top: 16, bottom: 320 };
const inside = (point: Pixel, box: PlotBox, slack = 1e-9) => point[0] >= box.left - slack && point[0] <= box.right + slack && point[1] >= box.top - slack && point[1] <= box.bottom + slack;

describe('clipSegment', () => {
  it('leaves a segment inside the box as it is', () => {
    expect(clipSegment([100, 100], [200, 50], BOX)).toEqual({ from: [100, 100], to: [200, 50], startClipped: false, endClipped: false });
  });

  it('cuts a step that leaves the plot at the border it crosses', () => {
    // From (100, 100) to the right, 8 units at 50 px per unit: leaves through x = 404.
    expect(clipSegment([100, 100], [500, 100], BOX)).toEqual({ from: [100, 100], to: [404, 100], startClipped: false, endClipped: true });
    // Diagonal through the top border: y = 16 is reached at t = 84/184 of the way.
    const cut = clipSegment([100, 100], [200, -84], BOX)!;
    expect(cut.endClipped).toBe(true);
    expect(cut.to[1]).toBe(16);
    expect(cut.to[0]).toBeCloseTo(100 + (100 * 84) / 184, 12);
  });

  it('is null for a segment wholly outside, and for non-finite points', () => {
    expect(clipSegment([0, 0], [10, 400], BOX)).toBeNull();
    expect(clipSegment([100, 100], [Number.NaN, 100], BOX)).toBeNull();
  });

  const coordinate = fc.double({ min: -1000, max: 1500, noNaN: true });
  const pixel = fc.tuple(coordinate, coordinate);

  it('(fast-check) the result lies on the segment, inside the box, and covers every inside point of it', () => {
    fc.assert(
      fc.property(pixel, pixel, (from, to) => {
        const result = clipSegment(from, to, BOX);
        // Sample the segment: the inside samples must lie between the clipped ends.
        const samples = Array.from({ length: 101 }, (_, i) => i / 100).filter((t) => inside([from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])], BOX, -1e-6));
        if (result === null) {
          expect(samples).toEqual([]);
          return;
        }
        expect(inside(result.from, BOX, 1e-6)).toBe(true);
        expect(inside(result.to, BOX, 1e-6)).toBe(true);
        expect(result.endClipped).toBe(!inside(to, BOX));
        expect(result.startClipped).toBe(!inside(from, BOX));
        const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
        const along = (point: Pixel) => (length === 0 ? 0 : ((point[0] - from[0]) * (to[0] - from[0]) + (point[1] - from[1]) * (to[1] - from[1])) / (length * length));
        // On the line: the cross product with the direction is zero.
        for (const end of [result.from, result.to]) expect(Math.abs((end[0] - from[0]) * (to[1] - from[1]) - (end[1] - from[1]) * (to[0] - from[0]))).toBeLessThan(1e-6 * Math.max(1, length * length));
        for (const t of samples) {
          expect(t).toBeGreaterThanOrEqual(along(result.from) - 1e-9);
          expect(t).toBeLessThanOrEqual(along(result.to) + 1e-9);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('compactTickFormat', () => {
  const plain = (value: number) => `plain ${value}`;

  afterEach(() => {
    setLocale('en');
    setDigitStyle('native');
  });

  it('writes the labels in the locale\'s digits: Persian digits and ٫ in Persian, Latin with the Latin-digits setting', () => {
    const ticks = [-0.5, 0, 0.5, 1];
    const d3Plain = (value: number) => String(value);
    expect(ticks.map(compactTickFormat(ticks, d3Plain))).toEqual(['-0.5', '0', '0.5', '1']);
    setLocale('fa', null);
    expect(ticks.map(compactTickFormat(ticks, d3Plain))).toEqual(['\u200E\u2212۰٫۵', '۰', '۰٫۵', '۱']);
    expect([-150000, 50000].map(compactTickFormat([-150000, -100000, 0, 50000], d3Plain))).toEqual(['−۱۵۰k', '۵۰k']);
    expect(compactTickFormat([0, 1e-5, 1.5e-5], d3Plain)(1.5e-5)).toBe('۱٫۵e\u200E\u2212۵');
    setDigitStyle('latin');
    // Latin digits, with the minus sign (and its left-to-right mark) Persian text writes
    expect(ticks.map(compactTickFormat(ticks, d3Plain))).toEqual(['\u200E\u22120.5', '0', '0.5', '1']);
  });

  it('keeps the plain labels for everyday values', () => {
    expect(compactTickFormat([-0.2, 0, 0.5, 1], plain)(0.5)).toBe('plain 0.5');
    expect(compactTickFormat([0, 2000, 4000, 8000], plain)(8000)).toBe('plain 8000');
  });

  it('writes ten thousands and more as k, millions and more and tiny values as powers of ten', () => {
    const thousands = compactTickFormat([-150000, -100000, 0, 50000], plain);
    expect([-150000, 50000, 0].map(thousands)).toEqual(['−150k', '50k', '0']);
    const millions = compactTickFormat([-3e6, -2.5e6, -2e6, 0, 2.5e6], plain);
    expect([-3e6, 2.5e6, 0].map(millions)).toEqual(['−3e6', '2.5e6', '0']);
    const tiny = compactTickFormat([0, 1e-5, 1.5e-5], plain);
    expect(tiny(1.5e-5)).toBe('1.5e-5');
  });

  /** A label read back as a number: "−150k" → -150000, "2.5e6" → 2500000. */
  const parse = (label: string) => {
    const text = label.replace('\u2212', '-');
    return text.endsWith('k') ? Number(text.slice(0, -1)) * 1000 : Number(text);
  };

  it('(fast-check) on any range, every label of the ticks d3 picks reads back as its tick, and no two share a label', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: 1e-7, max: 1e12, noNaN: true }), (start, span) => {
        // A range narrower than a billionth of its values is beyond what doubles tell apart.
        fc.pre(span >= Math.abs(start) * 1e-9);
        const values = ticks(start, start + span, 6);
        if (values.length < 2) return;
        const step = values[1]! - values[0]!;
        const label = compactTickFormat(values, (value) => String(value));
        const labels = values.map(label);
        expect(new Set(labels).size).toBe(values.length);
        values.forEach((tick, i) => expect(Math.abs(parse(labels[i]!) - tick)).toBeLessThanOrEqual(step * 1e-6 + Math.abs(tick) * 1e-12));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('axisMargins', () => {
  it('widens the left margin for long y labels and the right one for the last x label', () => {
    const base = { top: 16, right: 16, bottom: 40, left: 48 };
    expect(axisMargins(base, { yLabels: [20, 30], xFirst: 10, xLast: 12 })).toEqual(base);
    expect(axisMargins(base, { yLabels: [20, 61.5], xFirst: 10, xLast: 50 })).toEqual({ top: 16, right: 27, bottom: 40, left: 75 });
  });
});
