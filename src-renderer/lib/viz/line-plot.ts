import { axisBottom, axisLeft, line, scaleLinear, scaleLog, select, type ScaleContinuousNumeric } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken } from './color';
import { axisMargins, compactTickFormat, tickLabelWidths } from './plot-geometry';

/** One curve: y against x, drawn in a theme colour. */
export interface PlotSeries {
  /** Stable id: test hooks (`${testid}-line-${id}`) and the point callback. */
  id: string;
  /** In the legend; omit to leave the curve out of it (the thin fits of a fan). */
  label?: string;
  colorVar: `--${string}`;
  x: readonly number[];
  y: readonly number[];
  /** Stroke width in viewBox units (default 2). */
  width?: number;
  /** Stroke opacity (default 1). */
  opacity?: number;
  dashed?: boolean;
  /**
   * Each point becomes a target: a click (or Enter / Space on a focused point) calls
   * `onPoint(id, index, element)`; `pointLabel(index)` is its accessible name.
   */
  clickable?: boolean;
  pointLabel?: (index: number) => string;
  /** Keyboard stops on the points (default: only when there are at most 40). */
  focusable?: boolean;
}

/** Points without a line (the training data). */
export interface PlotScatter {
  id: string;
  label?: string;
  colorVar: `--${string}`;
  x: readonly number[];
  y: readonly number[];
}

/** A vertical line across the plot with a label at its top (the chosen model, the threshold p = n). */
export interface PlotMarker {
  id: string;
  x: number;
  label: string;
  colorVar: `--${string}`;
  dashed?: boolean;
}

export interface LinePlotOptions {
  series: readonly PlotSeries[];
  scatter?: readonly PlotScatter[];
  markers?: readonly PlotMarker[];
  /** `auto` (default): logarithmic when every value is positive and they span more than two decades. */
  yScale?: 'auto' | 'linear' | 'log';
  /** A fixed y range (curves beyond it are clipped), e.g. around the true function for a fan of wild fits. */
  yDomain?: readonly [number, number];
  xDomain?: readonly [number, number];
  /** x grows to the left (k-NN: fewer neighbours, more complexity, to the right). */
  reverseX?: boolean;
  /** Integer ticks only on x (degrees, k, p). */
  integerX?: boolean;
  labels: { title: string; x: string; y: string };
  /** Tick text in the current digits (lib/i18n localizeDigits). */
  localize: (text: string) => string;
  onPoint?: (seriesId: string, index: number, element: SVGElement) => void;
  height?: number;
  testid: string;
}

export interface LinePlot {
  update(options: LinePlotOptions): void;
  destroy(): void;
}

/** Width when the node has none yet (not laid out); otherwise the plot is drawn at the node's own width, so its text keeps its size. */
const FALLBACK_WIDTH = 640;
const MIN_WIDTH = 280;
const BASE_MARGIN = { top: 28, right: 16, bottom: 40, left: 48 };
const MAX_FOCUSABLE_POINTS = 40;
let clipCount = 0;

function decideLog(options: LinePlotOptions, values: number[]): boolean {
  if (options.yScale === 'log') return true;
  if (options.yScale === 'linear' || options.yDomain) return false;
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0 || finite.some((value) => value <= 0)) return false;
  return Math.max(...finite) / Math.min(...finite) > 100;
}

/**
 * Curves against one x axis (the labs' fits, error curves against complexity): linear or
 * logarithmic y, a legend, vertical markers, clickable points for the derivations. Colours
 * are theme tokens read at draw time; a theme change redraws (lib/theme).
 */
export function createLinePlot(node: HTMLElement, initial: LinePlotOptions): LinePlot {
  const clipId = `line-plot-clip-${++clipCount}`;
  const svg = select(node).append('svg').attr('role', 'img').style('inline-size', '100%').style('display', 'block');

  function draw(options: LinePlotOptions) {
    const height = options.height ?? 260;
    const WIDTH = Math.max(MIN_WIDTH, Math.round(node.clientWidth) || FALLBACK_WIDTH);
    drawnWidth = WIDTH;
    svg.selectAll('*').remove();
    svg.attr('viewBox', `0 0 ${WIDTH} ${height}`).attr('aria-label', options.labels.title).attr('data-testid', options.testid);
    const ink = cssToken(node, '--text-muted');
    const faint = cssToken(node, '--border');
    const scatter = options.scatter ?? [];
    const xs = [...options.series.flatMap((s) => s.x), ...scatter.flatMap((s) => s.x)].filter(Number.isFinite);
    const ys = [...options.series.flatMap((s) => s.y), ...scatter.flatMap((s) => s.y)].filter(Number.isFinite);
    const logScale = decideLog(options, ys);
    const positive = ys.filter((value) => value > 0);
    const xDomain = options.xDomain ?? [Math.min(...xs, 0), Math.max(...xs, 1)];
    const xScale = scaleLinear().domain([xDomain[0], xDomain[1]]);
    let yScale: ScaleContinuousNumeric<number, number>;
    if (logScale) {
      const high = options.yDomain?.[1] ?? Math.max(...positive);
      // A fit that interpolates has a training error of rounding size (1e-28): keep five decades, clip the rest.
      const low = options.yDomain?.[0] ?? Math.max(Math.min(...positive), high * 1e-5);
      yScale = scaleLog().domain([low, high === low ? low * 10 : high]).nice();
    } else {
      const [low, high] = options.yDomain ?? [Math.min(0, ...ys), Math.max(...ys, 0)];
      yScale = scaleLinear().domain([low, high === low ? high + 1 : high]);
      if (!options.yDomain) yScale.nice();
    }
    const xTickCount = options.integerX ? Math.min(10, Math.abs(xDomain[1] - xDomain[0])) : 8;
    const xTicks = xScale.ticks(xTickCount).filter((tick) => !options.integerX || Number.isInteger(tick));
    const plainX = xScale.tickFormat(xTickCount);
    const formatX = (value: number) => options.localize(compactTickFormat(xTicks, plainX)(value));
    const yTicks = yScale.ticks(5);
    // A log axis labels only some of its ticks (d3 leaves the others blank); keep that choice.
    const shownByD3 = yScale.tickFormat(5, logScale ? '~g' : undefined);
    const labelled = yTicks.filter((tick) => shownByD3(tick) !== '');
    const compact = compactTickFormat(labelled, (value) => shownByD3(value));
    const formatY = (value: number) => (shownByD3(value) === '' ? '' : options.localize(compact(value)));
    const xWidths = tickLabelWidths(svg, xTicks.map(formatX));
    const margin = axisMargins(BASE_MARGIN, { yLabels: tickLabelWidths(svg, yTicks.map(formatY)), xFirst: xWidths[0] ?? 0, xLast: xWidths.at(-1) ?? 0 });
    const x = xScale.range(options.reverseX ? [WIDTH - margin.right, margin.left] : [margin.left, WIDTH - margin.right]);
    const y = yScale.range([height - margin.bottom, margin.top]);

    svg
      .append('clipPath')
      .attr('id', clipId)
      .append('rect')
      .attr('x', margin.left)
      .attr('y', margin.top)
      .attr('width', WIDTH - margin.left - margin.right)
      .attr('height', height - margin.top - margin.bottom);
    svg
      .append('g')
      .attr('transform', `translate(0, ${height - margin.bottom})`)
      .attr('data-testid', `${options.testid}-x-axis`)
      .call(axisBottom(x).tickValues(xTicks).tickFormat((value) => formatX(Number(value))))
      .attr('color', ink);
    svg
      .append('g')
      .attr('transform', `translate(${margin.left}, 0)`)
      .attr('data-testid', `${options.testid}-y-axis`)
      .call(
        axisLeft(y)
          .tickValues(yTicks)
          .tickFormat((value) => formatY(Number(value)))
          .tickSize(-(WIDTH - margin.left - margin.right)),
      )
      .call((axis) => axis.selectAll('.tick line').attr('stroke', faint).attr('stroke-opacity', 0.6))
      .call((axis) => axis.select('.domain').remove())
      .attr('color', ink);
    svg.append('text').attr('x', WIDTH - margin.right).attr('y', height - 6).attr('text-anchor', 'end').attr('fill', ink).attr('font-size', 12).text(options.labels.x);
    svg.append('text').attr('x', margin.left).attr('y', 14).attr('fill', ink).attr('font-size', 12).text(options.labels.y);

    const plotArea = svg.append('g').attr('clip-path', `url(#${clipId})`);
    const defined = (value: number) => Number.isFinite(value) && (!logScale || value > 0);
    for (const series of options.series) {
      const colour = cssToken(node, series.colorVar);
      const curve = line<[number, number]>()
        .defined(([, value]) => defined(value))
        .x(([at]) => x(at))
        .y(([, value]) => y(value));
      const points = series.x.map((at, i) => [at, series.y[i]!] as [number, number]);
      plotArea
        .append('path')
        .attr('d', curve(points))
        .attr('fill', 'none')
        .attr('stroke', colour)
        .attr('stroke-width', series.width ?? 2)
        .attr('stroke-opacity', series.opacity ?? 1)
        .attr('stroke-dasharray', series.dashed ? '6 4' : null)
        .attr('data-testid', `${options.testid}-line-${series.id}`);
      if (!series.clickable) continue;
      const focusable = series.focusable ?? points.length <= MAX_FOCUSABLE_POINTS;
      points.forEach(([at, value], index) => {
        if (!defined(value)) return;
        const target = plotArea
          .append('circle')
          .attr('cx', x(at))
          .attr('cy', y(value))
          .attr('r', points.length > 60 ? 2.5 : 4)
          .attr('fill', colour)
          .attr('class', 'plot-point')
          .attr('role', 'button')
          .attr('tabindex', focusable ? 0 : -1)
          .attr('aria-label', series.pointLabel?.(index) ?? '')
          .attr('data-testid', `${options.testid}-point-${series.id}-${index}`)
          .style('cursor', 'pointer');
        const element = target.node()!;
        target.on('click', () => options.onPoint?.(series.id, index, element));
        target.on('keydown', (event: KeyboardEvent) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          options.onPoint?.(series.id, index, element);
        });
        if (series.pointLabel) target.append('title').text(series.pointLabel(index));
      });
    }
    for (const cloud of scatter) {
      const colour = cssToken(node, cloud.colorVar);
      const group = plotArea.append('g').attr('data-testid', `${options.testid}-scatter-${cloud.id}`);
      cloud.x.forEach((at, i) => {
        const value = cloud.y[i]!;
        if (!defined(value)) return;
        group.append('circle').attr('cx', x(at)).attr('cy', y(value)).attr('r', 3).attr('fill', colour).attr('stroke', cssToken(node, '--surface')).attr('stroke-width', 1);
      });
    }
    for (const marker of options.markers ?? []) {
      const colour = cssToken(node, marker.colorVar);
      const at = x(marker.x);
      if (!Number.isFinite(at)) continue;
      const group = svg.append('g').attr('data-testid', `${options.testid}-marker-${marker.id}`).attr('data-x', marker.x);
      group
        .append('line')
        .attr('x1', at)
        .attr('x2', at)
        .attr('y1', margin.top)
        .attr('y2', height - margin.bottom)
        .attr('stroke', colour)
        .attr('stroke-width', 1.5)
        .attr('stroke-dasharray', marker.dashed ? '4 3' : null);
      const nearEnd = at > WIDTH - margin.right - 120;
      group
        .append('text')
        .attr('x', nearEnd ? at - 4 : at + 4)
        .attr('y', margin.top + 12)
        .attr('text-anchor', nearEnd ? 'end' : 'start')
        .attr('fill', colour)
        .attr('font-size', 11)
        // a halo of the card's colour keeps the label readable where a curve passes under it
        .attr('stroke', cssToken(node, '--surface'))
        .attr('stroke-width', 3)
        .attr('stroke-linejoin', 'round')
        .attr('paint-order', 'stroke')
        .text(marker.label);
    }
    const legendEntries = [...options.series, ...scatter].filter((entry) => entry.label);
    const legend = svg.append('g').attr('data-testid', `${options.testid}-legend`);
    let offset = WIDTH - margin.right;
    for (const entry of [...legendEntries].reverse()) {
      const colour = cssToken(node, entry.colorVar);
      const label = legend.append('text').attr('y', 14).attr('font-size', 11).attr('fill', ink).attr('text-anchor', 'end').text(entry.label!);
      const width = label.node()!.getBBox().width;
      label.attr('x', offset);
      legend
        .append('rect')
        .attr('x', offset - width - 14)
        .attr('y', 5)
        .attr('width', 10)
        .attr('height', 10)
        .attr('rx', 2)
        .attr('fill', colour);
      offset -= width + 26;
    }
  }

  let current = initial;
  let drawnWidth = 0;
  draw(current);
  // Drawn at the node's width: redraw when the layout gives it another one.
  const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => {
    if (Math.max(MIN_WIDTH, Math.round(node.clientWidth)) !== drawnWidth && node.clientWidth > 0) draw(current);
  });
  resize?.observe(node);
  // Colours come from the theme: redraw when it changes (lib/theme).
  const stopFollowingTheme = onAppearanceChange(() => draw(current));
  return {
    update(next) {
      current = next;
      draw(next);
    },
    destroy() {
      resize?.disconnect();
      stopFollowingTheme();
      svg.remove();
    },
  };
}
