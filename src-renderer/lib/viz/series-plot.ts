import { axisBottom, axisLeft, extent, line, scaleLinear, scaleLog, select } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken } from './color';
import { axisMargins, compactTickFormat, followWidth, tickLabelWidths } from './plot-geometry';

/** One line of a series plot: points (x, y); a null or non-finite y (or y <= 0 on a log axis) breaks the line. */
export interface PlotSeries {
  label: string;
  /** A colour token ('--train') or a colour already read from a scale (lib/viz/color.ts). */
  color: `--${string}` | { value: string };
  points: readonly (readonly [number, number | null])[];
  /** Dots at the points (few points, e.g. per layer). */
  dots?: boolean;
  dashed?: boolean;
  /** Dots only, no line (breakpoints). */
  lineless?: boolean;
  /** data-testid of the path */
  testid?: string;
}

export interface SeriesPlotOptions {
  series: readonly PlotSeries[];
  y: 'linear' | 'log';
  /** A horizontal guide line (the update-to-weight ratio's -3) with its label. */
  guide?: { y: number; label: string } | null;
  labels: { title: string; x: string; y: string };
  /** Integer ticks on x (layers, steps). */
  integerX?: boolean;
  /** Tick text in the current digits (lib/i18n localizeDigits). */
  localize: (text: string) => string;
  /** Draw the series' labels as a key (default true when more than one series and at most 6). */
  key?: boolean;
  height?: number;
}

export interface SeriesPlot {
  update(options: SeriesPlotOptions): void;
  destroy(): void;
}

/** Width before the element is laid out (then the element's own width, so text keeps its size). */
const FALLBACK_WIDTH = 640;
const BASE_MARGIN = { top: 24, right: 16, bottom: 36, left: 52 };

/**
 * Lines over a shared x axis, on a linear or log y axis, with an optional guide: the
 * gradient-flow lab's per-layer numbers and step ratios, the depth lab's loss curves and fits.
 * Left to right in every language (the caller's node carries dir="ltr").
 */
export function createSeriesPlot(node: HTMLElement, initial: SeriesPlotOptions): SeriesPlot {
  const svg = select(node).append('svg').attr('role', 'img').style('inline-size', '100%').style('block-size', 'auto').style('display', 'block');

  function draw(options: SeriesPlotOptions) {
    const height = options.height ?? 200;
    svg.selectAll('*').remove();
    const width = Math.max(320, Math.round(node.getBoundingClientRect().width) || FALLBACK_WIDTH);
    svg.attr('viewBox', `0 0 ${width} ${height}`).attr('aria-label', options.labels.title);
    const muted = cssToken(node, '--text-muted') || '#57606a';
    const faint = cssToken(node, '--border-strong') || '#8c959f';
    const usable = (y: number | null): y is number => y !== null && Number.isFinite(y) && (options.y === 'linear' || y > 0);
    const xs = options.series.flatMap((s) => s.points.map(([x]) => x)).filter(Number.isFinite);
    const ys = options.series.flatMap((s) => s.points.map(([, y]) => y)).filter(usable);
    if (options.guide && usable(options.guide.y)) ys.push(options.guide.y);
    const [x0, x1] = extent(xs) as [number | undefined, number | undefined];
    const [y0, y1] = extent(ys) as [number | undefined, number | undefined];
    const xDomain: [number, number] = x0 === undefined || x1 === undefined ? [0, 1] : x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1];
    let yScale;
    if (options.y === 'log') {
      const lo = y0 ?? 1e-3;
      const hi = y1 ?? 1;
      yScale = scaleLog().domain(lo === hi ? [lo / 10, hi * 10] : [lo, hi]).nice();
    } else {
      const lo = y0 ?? 0;
      const hi = y1 ?? 1;
      yScale = scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice();
    }
    const xScale = scaleLinear().domain(xDomain);
    const span = xDomain[1] - xDomain[0];
    const xTicks = options.integerX ? xScale.ticks(Math.min(10, Math.max(1, Math.round(span)))).filter(Number.isInteger) : xScale.ticks(8);
    const yTicks = options.y === 'log' ? logTicks(yScale.domain() as [number, number]) : yScale.ticks(5);
    const plain = (value: number) => String(Number(value.toPrecision(4)));
    const formatX = (value: number) => options.localize(compactTickFormat(xTicks, plain)(value));
    const yCompact = options.y === 'log' ? (value: number) => exponentLabel(value) : compactTickFormat(yTicks, plain);
    const formatY = (value: number) => options.localize(yCompact(value));
    const margin = axisMargins(BASE_MARGIN, { yLabels: tickLabelWidths(svg, yTicks.map(formatY)), xFirst: tickLabelWidths(svg, [formatX(xTicks[0] ?? 0)])[0] ?? 0, xLast: tickLabelWidths(svg, [formatX(xTicks.at(-1) ?? 0)])[0] ?? 0 });
    const x = xScale.range([margin.left, width - margin.right]);
    const y = yScale.range([height - margin.bottom, margin.top]);
    svg.append('g').attr('transform', `translate(0, ${height - margin.bottom})`).call(axisBottom(x).tickValues(xTicks).tickFormat((value) => formatX(Number(value)))).attr('color', muted);
    svg.append('g').attr('transform', `translate(${margin.left}, 0)`).call(axisLeft(y).tickValues(yTicks).tickFormat((value) => formatY(Number(value)))).attr('color', muted);
    svg.append('text').attr('x', width - margin.right).attr('y', height - 4).attr('text-anchor', 'end').attr('fill', muted).attr('font-size', 12).text(options.labels.x);
    svg.append('text').attr('x', 4).attr('y', 14).attr('fill', muted).attr('font-size', 12).text(options.labels.y);
    if (options.guide && usable(options.guide.y)) {
      const gy = y(options.guide.y);
      svg.append('line').attr('x1', margin.left).attr('x2', width - margin.right).attr('y1', gy).attr('y2', gy).attr('stroke', faint).attr('stroke-dasharray', '6 4').attr('stroke-width', 1.5).attr('data-testid', 'plot-guide');
      svg.append('text').attr('x', margin.left + 6).attr('y', gy - 5).attr('fill', muted).attr('font-size', 11).text(options.guide.label);
    }
    const path = line<readonly [number, number | null]>()
      .defined(([px, py]) => Number.isFinite(px) && usable(py))
      .x(([px]) => x(px))
      .y(([, py]) => y(py as number));
    const showKey = options.key ?? (options.series.length > 1 && options.series.length <= 6);
    options.series.forEach((series, index) => {
      const colour = typeof series.color === 'string' ? cssToken(node, series.color) || '#2f6fdb' : series.color.value;
      const drawn = svg.append('path').attr('d', series.lineless ? '' : (path(series.points) ?? '')).attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 2.5);
      if (series.dashed) drawn.attr('stroke-dasharray', '5 3');
      if (series.testid) drawn.attr('data-testid', series.testid);
      if (series.dots || series.lineless) {
        for (const [px, py] of series.points) {
          if (Number.isFinite(px) && usable(py)) svg.append('circle').attr('cx', x(px)).attr('cy', y(py)).attr('r', series.lineless ? 3.5 : 2.5).attr('fill', colour);
        }
      }
      if (showKey) {
        const ky = margin.top + 4 + 15 * index;
        const kx = width - margin.right - 4;
        svg.append('line').attr('x1', kx - 22).attr('x2', kx - 4).attr('y1', ky).attr('y2', ky).attr('stroke', colour).attr('stroke-width', 2.5).attr('stroke-dasharray', series.dashed ? '5 3' : null);
        svg.append('text').attr('x', kx - 28).attr('y', ky + 4).attr('text-anchor', 'end').attr('fill', colour).attr('font-size', 12).text(series.label);
      }
    });
  }

  let current = initial;
  draw(current);
  const stopFollowingTheme = onAppearanceChange(() => draw(current));
  const stopFollowingSize = followWidth(node, () => draw(current));
  return {
    update(next) {
      current = next;
      draw(next);
    },
    destroy() {
      stopFollowingTheme();
      stopFollowingSize();
      svg.remove();
    },
  };
}

/** Powers of ten inside [lo, hi] (at most about 7, every k-th decade when the span is wide). */
export function logTicks([lo, hi]: [number, number]): number[] {
  const first = Math.ceil(Math.log10(lo) - 1e-9);
  const last = Math.floor(Math.log10(hi) + 1e-9);
  const decades = last - first + 1;
  if (decades <= 0) return [lo, hi];
  const every = Math.max(1, Math.ceil(decades / 7));
  const ticks: number[] = [];
  for (let e = first; e <= last; e += every) ticks.push(10 ** e);
  return ticks;
}

/** 1e-7 → "1e-7", 100 → "100", 1 → "1": a log axis labelled by its decades. */
export function exponentLabel(value: number): string {
  const exponent = Math.round(Math.log10(value));
  if (Math.abs(value - 10 ** exponent) > 1e-9 * value) return String(Number(value.toPrecision(3)));
  return exponent >= -2 && exponent <= 3 ? String(10 ** exponent) : `1e${exponent}`;
}
