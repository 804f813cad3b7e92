import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIVERGING_STOPS, SEQUENTIAL_STOPS } from '../lib/viz/color';
import { DURATIONS } from '../lib/motion';
import { contrastRatio, parseHex } from './contrast';

/**
 * The design tokens (styles/tokens.css): every text and UI pairing meets WCAG AA in both
 * themes, and the colour scales and durations that TypeScript mirrors are the stylesheet's own.
 */
const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');

/** Custom properties declared in the rule whose selector list contains `selector`. */
function block(selector: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = match[1]!.split(',').map((each) => each.trim());
    if (!selectors.includes(selector)) continue;
    for (const declaration of match[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) found.set(declaration[1]!, declaration[2]!.trim());
  }
  return found;
}

const themes = {
  light: block(":root[data-theme='light']"),
  dark: block(":root[data-theme='dark']"),
};

/** Text (4.5:1, WCAG 1.4.3): each ink on each background it is used on. */
const TEXT_PAIRS: [string, string][] = [
  ...['--text', '--text-muted', '--text-faint'].flatMap((ink) =>
    ['--bg', '--surface', '--surface-raised', '--surface-sunken', '--surface-overlay', '--hover', '--pressed', '--accent-bg', '--button-bg', '--chip-bg'].map((bg): [string, string] => [ink, bg]),
  ),
  ...['--text'].flatMap((ink) => ['--danger-bg', '--warning-bg', '--success-bg', '--current-bg'].map((bg): [string, string] => [ink, bg])),
  ...['--bg', '--surface', '--surface-raised', '--accent-bg', '--hover'].map((bg): [string, string] => ['--accent-text', bg]),
  ['--on-accent', '--accent'],
  ['--on-accent', '--accent-hover'],
  ['--danger-text', '--surface'],
  ['--danger-text', '--danger-bg'],
  ['--danger-text', '--bg'],
  ['--success-text', '--surface'],
  ['--success-text', '--success-bg'],
  ['--warning-text', '--surface'],
  ['--warning-text', '--warning-bg'],
  ['--current', '--surface'],
  ['--current', '--current-bg'],
  ['--current', '--bg'],
];

/** Controls, focus rings, chart lines and marks (3:1, WCAG 1.4.11) against what surrounds them. */
const UI_PAIRS: [string, string][] = [
  ...['--bg', '--surface', '--surface-raised', '--button-bg', '--chip-bg'].map((bg): [string, string] => ['--border-strong', bg]),
  ...['--bg', '--surface', '--surface-raised', '--accent-bg', '--surface-overlay'].map((bg): [string, string] => ['--focus-ring', bg]),
  ...['--bg', '--surface'].map((bg): [string, string] => ['--accent', bg]),
  ...['--train', '--validation', '--danger', '--success', '--warning', '--current'].flatMap((mark) => ['--surface', '--bg'].map((bg): [string, string] => [mark, bg])),
  // The ends of the scales stand out from the page they are drawn on.
  ...['--diverging-neg-4', '--diverging-pos-4', '--sequential-5'].map((end): [string, string] => [end, '--surface']),
];

describe.each(Object.entries(themes))('%s theme', (name, tokens) => {
  const value = (token: string) => {
    const found = tokens.get(token);
    if (!found) throw new Error(`${name} theme has no ${token}`);
    return parseHex(found);
  };

  it.each(TEXT_PAIRS)('text %s on %s is at least 4.5:1', (ink, background) => {
    expect(contrastRatio(value(ink), value(background))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(UI_PAIRS)('%s against %s is at least 3:1', (mark, background) => {
    expect(contrastRatio(value(mark), value(background))).toBeGreaterThanOrEqual(3);
  });

  it('the diverging stops are lib/viz/color.ts DIVERGING_STOPS, zero in the middle, lightness growing away from zero in each direction', () => {
    const names = ['neg-4', 'neg-3', 'neg-2', 'neg-1', 'zero', 'pos-1', 'pos-2', 'pos-3', 'pos-4'].map((suffix) => `--diverging-${suffix}`);
    const stops = names.map((token) => tokens.get(token));
    expect(stops).toEqual(DIVERGING_STOPS[name as 'light' | 'dark']);
    // Every step away from zero contrasts more with zero's colour than the one before.
    const zero = value('--diverging-zero');
    for (const side of [names.slice(0, 4).reverse(), names.slice(5)]) {
      const ratios = side.map((token) => contrastRatio(value(token), zero));
      for (let i = 1; i < ratios.length; i++) expect(ratios[i]!).toBeGreaterThan(ratios[i - 1]!);
    }
  });

  it('the sequential stops are lib/viz/color.ts SEQUENTIAL_STOPS', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => tokens.get(`--sequential-${i}`))).toEqual(SEQUENTIAL_STOPS[name as 'light' | 'dark']);
  });

  it('zero of the diverging scale reads as "nothing": within 1.25:1 of the surface', () => {
    expect(contrastRatio(value('--diverging-zero'), value('--surface'))).toBeLessThanOrEqual(1.25);
  });
});

describe('both themes define the same colour tokens', () => {
  it('every colour token of the light theme has a dark value and the reverse', () => {
    expect([...themes.dark.keys()].sort()).toEqual([...themes.light.keys()].sort());
  });
});

describe('motion tokens', () => {
  it('--duration-* are lib/motion DURATIONS, and reduced motion sets every one to 0ms', () => {
    const root = block(':root');
    const reduce = block(":root[data-motion='reduce']");
    for (const [name, ms] of Object.entries(DURATIONS)) {
      expect(root.get(`--duration-${name}`)).toBe(`${ms}ms`);
      expect(reduce.get(`--duration-${name}`)).toBe('0ms');
    }
  });
});
