import { interpolateLab, rgb } from 'd3';
import { resolvedTheme, type ResolvedTheme } from '../theme';
import { contrastRatio, parseHex, type Rgb } from '../../styles/contrast';

/**
 * The colour scales of every view (issue 10, requirement 1; STYLE.md 15), for canvas and d3
 * code. CSS reads the same stops as `--diverging-*` and `--sequential-*` (styles/tokens.css);
 * tokens.test.ts fails when the two differ.
 *
 * - Diverging, for every signed value (inputs, weights, gradients, heatmaps): ColorBrewer
 *   RdBu, negative red, zero the surface's neutral, positive blue, interpolated in CIELAB.
 *   In the dark theme zero is the dark surface and magnitude brightens, so zero reads as
 *   "nothing" in both. Always pair it with the Legend component, and never let the colour
 *   carry a sign alone where a number is not also shown or one click away.
 * - Sequential, for magnitudes (0 and up): zero's colour to deep blue (light) / pale blue (dark).
 *
 * Example (a canvas heatmap of gradients, redrawn when the theme changes):
 *
 *     const maxAbs = maxAbsOf(values);
 *     for (...) { const [r, g, b] = divergingRgb(values[i], maxAbs); image.data.set([r, g, b, 255], i * 4); }
 *     onAppearanceChange(redraw); // lib/theme
 */

/** Nine stops from -1 to +1 (index 4 is zero), per theme; mirrored by --diverging-neg-4 … --diverging-pos-4. */
export const DIVERGING_STOPS: Readonly<Record<ResolvedTheme, readonly string[]>> = {
  light: ['#b2182b', '#d6604d', '#f4a582', '#fddbc7', '#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac'],
  dark: ['#ff8f80', '#e0604f', '#a9423a', '#5a2b2b', '#262a30', '#243c57', '#2b6597', '#4b98d3', '#8ec6f2'],
};

/** Six stops from 0 to 1, per theme; mirrored by --sequential-0 … --sequential-5. */
export const SEQUENTIAL_STOPS: Readonly<Record<ResolvedTheme, readonly string[]>> = {
  light: ['#f7f7f7', '#d1e5f0', '#92c5de', '#4393c3', '#2166ac', '#053061'],
  dark: ['#262a30', '#243c57', '#2b6597', '#4b98d3', '#8ec6f2', '#d8edff'],
};

/** Lookup tables: 2·HALF+1 entries for the diverging scale (the middle one is exactly zero's stop), 2·HALF+1 for the sequential. */
const HALF = 256;
const tables = new Map<string, Uint8ClampedArray>();

/** rgb triples of `stops` interpolated in Lab at `size` evenly spaced points (the ends are the stops themselves). */
function lookupTable(stops: readonly string[], size: number): Uint8ClampedArray {
  const table = new Uint8ClampedArray(size * 3);
  const segments = stops.length - 1;
  const interpolators = stops.slice(1).map((stop, i) => interpolateLab(stops[i]!, stop));
  for (let i = 0; i < size; i++) {
    const position = (i / (size - 1)) * segments;
    const segment = Math.min(segments - 1, Math.floor(position));
    const colour = rgb(interpolators[segment]!(position - segment));
    table[i * 3] = colour.r;
    table[i * 3 + 1] = colour.g;
    table[i * 3 + 2] = colour.b;
  }
  return table;
}

function tableFor(kind: 'diverging' | 'sequential', theme: ResolvedTheme): Uint8ClampedArray {
  const key = `${kind}:${theme}`;
  let table = tables.get(key);
  if (!table) {
    table = lookupTable(kind === 'diverging' ? DIVERGING_STOPS[theme] : SEQUENTIAL_STOPS[theme], 2 * HALF + 1);
    tables.set(key, table);
  }
  return table;
}

function entry(table: Uint8ClampedArray, index: number): Rgb {
  return [table[index * 3]!, table[index * 3 + 1]!, table[index * 3 + 2]!];
}

/**
 * The diverging colour of `value` on a scale symmetric about zero, -maxAbs … +maxAbs (values
 * beyond are clamped; zero, NaN and a maxAbs of 0 give zero's colour), as [r, g, b] 0..255.
 * For ImageData and other per-pixel work; `theme` defaults to the one in use.
 */
export function divergingRgb(value: number, maxAbs: number, theme: ResolvedTheme = resolvedTheme()): Rgb {
  const table = tableFor('diverging', theme);
  if (!(maxAbs > 0) || !Number.isFinite(value) || value === 0) return entry(table, HALF);
  const t = Math.max(-1, Math.min(1, value / maxAbs));
  return entry(table, HALF + Math.round(t * HALF));
}

/** `divergingRgb` as a CSS colour, "rgb(r g b)". */
export function divergingColor(value: number, maxAbs: number, theme: ResolvedTheme = resolvedTheme()): string {
  return cssRgb(divergingRgb(value, maxAbs, theme));
}

/** The sequential colour of `share` in 0 … 1 (clamped; NaN gives 0's colour), as [r, g, b]. */
export function sequentialRgb(share: number, theme: ResolvedTheme = resolvedTheme()): Rgb {
  const table = tableFor('sequential', theme);
  const t = Number.isFinite(share) ? Math.max(0, Math.min(1, share)) : 0;
  return entry(table, Math.round(t * 2 * HALF));
}

/** `sequentialRgb` as a CSS colour. */
export function sequentialColor(share: number, theme: ResolvedTheme = resolvedTheme()): string {
  return cssRgb(sequentialRgb(share, theme));
}

/** The largest |value| (0 for none), the usual maxAbs of a diverging scale. */
export function maxAbsOf(values: Iterable<number>): number {
  let max = 0;
  for (const value of values) if (Number.isFinite(value)) max = Math.max(max, Math.abs(value));
  return max;
}

/** Dark or light ink for a number drawn on `background`, whichever contrasts more (WCAG). */
export function inkOn(background: Rgb, dark = '#1a1d23', light = '#ffffff'): string {
  return contrastRatio(background, parseHex(dark)) >= contrastRatio(background, parseHex(light)) ? dark : light;
}

export function cssRgb([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}

/**
 * A colour token's current value (`--accent`, `--train` …), read from the computed style of
 * `node` (so the theme in use). Reading computed style costs a style recalculation: read once
 * per draw, and again from `onAppearanceChange`, not per element.
 */
export function cssToken(node: Element, name: `--${string}`): string {
  return getComputedStyle(node).getPropertyValue(name).trim();
}

/** A colour token's current value, or `fallback` when the theme does not define it. */
export function cssColor(node: Element, name: string, fallback: string): string {
  return getComputedStyle(node).getPropertyValue(name).trim() || fallback;
}

/**
 * The theme's colours as a drawing reads them, each read once (getComputedStyle forces a style
 * recalculation, too slow for every animation frame); `forget` before a full redraw, as after
 * the appearance changed.
 */
export function themeColors(node: Element): { get(name: string, fallback: string): string; forget(): void } {
  const known = new Map<string, string>();
  return {
    get(name, fallback) {
      let value = known.get(name);
      if (value === undefined) {
        value = cssColor(node, name, fallback);
        known.set(name, value);
      }
      return value;
    },
    forget: () => known.clear(),
  };
}
