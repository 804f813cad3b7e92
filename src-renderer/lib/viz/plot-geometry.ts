import { format, formatPrefix, precisionPrefix, precisionRound, type Selection } from 'd3';
import { localizeDigits } from '../i18n/locale.svelte';

/** A point in plot pixels (viewBox units). */
export type Pixel = readonly [x: number, y: number];

/** The plot area in pixels: x from left to right, y from top to bottom. */
export interface PlotBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ClippedSegment {
  from: Pixel;
  to: Pixel;
  /** The start (or the end) lay outside the box and was moved onto its border. */
  startClipped: boolean;
  endClipped: boolean;
}

/**
 * The part of the segment from → to inside the box (Liang–Barsky), or null when none of it
 * is. An arrow drawn from the result stays inside the plot; `endClipped` says its head left it.
 */
export function clipSegment(from: Pixel, to: Pixel, box: PlotBox): ClippedSegment | null {
  if (![...from, ...to].every(Number.isFinite)) return null;
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  let enter = 0;
  let leave = 1;
  // Each border as p·t <= q: the segment parameter t in [0, 1] that stays on its inner side.
  const borders: [p: number, q: number][] = [
    [-dx, from[0] - box.left],
    [dx, box.right - from[0]],
    [-dy, from[1] - box.top],
    [dy, box.bottom - from[1]],
  ];
  for (const [p, q] of borders) {
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const t = q / p;
    if (p < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    if (enter > leave) return null;
  }
  const at = (t: number): Pixel => [from[0] + t * dx, from[1] + t * dy];
  return { from: enter > 0 ? at(enter) : from, to: leave < 1 ? at(leave) : to, startClipped: enter > 0, endClipped: leave < 1 };
}

/**
 * Tick labels that stay short whatever the range: plain numbers for everyday values
 * ("0.5", "−20"), thousands from 10,000 ("20k", "−150k"), and powers of ten beyond a
 * million or below 0.001 ("2.5e6", "1.5e-5"), so an axis over large parameters never needs
 * "−3,000,000". Digits follow the spacing of the ticks (d3's precisionPrefix/precisionRound),
 * so two ticks never share a label. `ticks` are the values the axis will label; `plain`
 * formats everyday ones. This is every plot's one tick formatter: the label is written in the
 * current locale's digits (Persian digits and ٫ in Persian unless the Latin-digits setting is
 * on), so a plot reads like the sentences around it; the axis itself stays left to right.
 */
export function compactTickFormat(ticks: readonly number[], plain: (value: number) => string): (value: number) => string {
  const label = compactAsciiTickFormat(ticks, plain);
  return (value) => localizeDigits(label(value));
}

/** The compact label in ASCII digits (d3's own formats), before the locale's digits. */
function compactAsciiTickFormat(ticks: readonly number[], plain: (value: number) => string): (value: number) => string {
  const finite = [...new Set(ticks.filter(Number.isFinite))].sort((a, b) => a - b);
  const largest = Math.max(0, ...finite.map(Math.abs));
  const gaps = finite.slice(1).map((value, i) => value - finite[i]!);
  const step = gaps.length > 0 ? Math.min(...gaps) : largest;
  if (largest >= 1e6 || (largest > 0 && largest < 1e-3)) {
    const scientific = format(`.${Math.max(0, precisionRound(step, largest) - 1)}~e`);
    return (value) => (value === 0 ? '0' : scientific(value).replace('e+', 'e'));
  }
  if (largest >= 1e4) {
    const thousands = formatPrefix(`.${precisionPrefix(step, 1e3)}~`, 1e3);
    return (value) => (value === 0 ? '0' : thousands(value));
  }
  return plain;
}

/** Room the axes need around the plot area for labels of these widths (pixels). */
export function axisMargins(
  base: { top: number; right: number; bottom: number; left: number },
  widths: { yLabels: readonly number[]; xFirst: number; xLast: number },
): { top: number; right: number; bottom: number; left: number } {
  // d3's axis: 6 px tick, 3 px gap, then the label; a few pixels spare so no glyph touches the edge.
  const yRoom = Math.max(0, ...widths.yLabels) + 6 + 3 + 4;
  return {
    top: base.top,
    bottom: base.bottom,
    left: Math.ceil(Math.max(base.left, yRoom, widths.xFirst / 2 + 2)),
    right: Math.ceil(Math.max(base.right, widths.xLast / 2 + 2)),
  };
}

/** d3's axis draws its labels at this size in the svg's default sans-serif. */
const TICK_FONT_SIZE = 10;

/** Widths of tick labels as d3's axis will draw them, measured in the svg (viewBox units). */
export function tickLabelWidths(svg: Selection<SVGSVGElement, unknown, null, undefined>, texts: readonly string[]): number[] {
  const probe = svg.append('g').attr('font-size', TICK_FONT_SIZE).attr('font-family', 'sans-serif').attr('visibility', 'hidden');
  const widths = texts.map((text) => probe.append('text').text(text).node()!.getBBox().width);
  probe.remove();
  return widths;
}

/**
 * Calls `redraw` when the element's width changes (a plot drawn at its own pixel width keeps
 * its text at the size the tokens give, whatever the column). Returns the unsubscribe.
 */
export function followWidth(node: HTMLElement, redraw: () => void): () => void {
  if (typeof ResizeObserver === 'undefined') return () => {};
  let width = Math.round(node.getBoundingClientRect().width);
  let frame = 0;
  const observer = new ResizeObserver(() => {
    const next = Math.round(node.getBoundingClientRect().width);
    if (next === width) return;
    width = next;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(redraw);
  });
  observer.observe(node);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
