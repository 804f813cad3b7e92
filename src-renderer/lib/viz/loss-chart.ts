import { onAppearanceChange } from '../theme';
import { axisBottom, axisLeft, line, max, min, scaleLinear, scaleLog, select } from 'd3';
import { axisMargins, compactTickFormat, tickLabelWidths } from './plot-geometry';
import { cssColor } from './color';

export interface LossSeries {
  label: string;
  /** CSS colour variable, e.g. '--accent'. */
  colorVar: string;
  /** Whole-data loss before step 1, then after each step. */
  values: number[];
}

export interface LossChartOptions {
  series: LossSeries[];
  /** Steps shown so far: a marker is drawn at this step. */
  cursor: number;
  labels: { title: string; x: string; y: string };
  /** The x axis runs to this step whatever has arrived (a run that grows from the left); default: the longest series. */
  xMax?: number;
  /** A shared y range (two charts compared side by side); default: the series' own. */
  yDomain?: [number, number];
  /** Vertical marks at steps (the best epoch, the onset of overfitting), each labelled. */
  marks?: LossMark[];
}

export interface LossMark {
  step: number;
  label: string;
  /** CSS colour variable */
  colorVar: string;
  testid?: string;
}

export interface LossChart {
  update(options: LossChartOptions): void;
  destroy(): void;
}

/** Drawn at its box's width (text stays 12 px whatever the column), never narrower than MIN_WIDTH; FALLBACK_WIDTH before layout. */
const MIN_WIDTH = 280;
const FALLBACK_WIDTH = 640;
const HEIGHT = 220;
/** The least room around the chart; the left and right grow to fit the tick labels. */
const BASE_MARGIN = { top: 20, right: 16, bottom: 36, left: 56 };

/**
 * Loss per step for one or two runs; a log axis when the loss spans more than two decades
 * (and is positive), else linear. The part up to the current step is solid, the rest faint.
 */
export function createLossChart(node: HTMLElement, initial: LossChartOptions): LossChart {
  const svg = select(node).append('svg').attr('role', 'img').attr('data-testid', 'loss-chart-svg').style('inline-size', '100%').style('display', 'block');
  let drawnWidth = 0;

  function draw(options: LossChartOptions) {
    const WIDTH = Math.max(MIN_WIDTH, Math.round(node.clientWidth) || FALLBACK_WIDTH);
    drawnWidth = WIDTH;
    svg.selectAll('*').remove();
    svg.attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
    svg.attr('aria-label', options.labels.title);
    const text = cssColor(node, '--text-muted', '#57606a');
    const all = options.series.flatMap((s) => s.values).filter(Number.isFinite);
    const steps = max(options.series, (s) => s.values.length - 1) ?? 1;
    const lo = options.yDomain?.[0] ?? min(all) ?? 0;
    const hi = options.yDomain?.[1] ?? max(all) ?? 1;
    const logScale = lo > 0 && hi / lo > 100;
    // Tick values do not depend on the pixel range: format them first, then make room for them.
    const yScale = logScale ? scaleLog().domain([lo, hi]) : scaleLinear().domain([Math.min(0, lo), hi === lo ? hi + 1 : hi]).nice();
    const xScale = scaleLinear().domain([0, Math.max(options.xMax ?? steps, 1)]);
    const xTicks = xScale.ticks(Math.min(steps, 10));
    const formatX = compactTickFormat(xTicks, xScale.tickFormat(Math.min(steps, 10)));
    const yTicks = yScale.ticks(5);
    // A log axis labels only some of its ticks (d3 leaves the others blank); keep that choice.
    const shownByD3 = yScale.tickFormat(5, logScale ? '~g' : undefined);
    const labelled = yTicks.filter((tick) => shownByD3(tick) !== '');
    const compact = compactTickFormat(labelled, (value) => shownByD3(value));
    const formatY = (value: number) => (shownByD3(value) === '' ? '' : compact(value));
    const widths = (texts: string[]) => tickLabelWidths(svg, texts);
    const xWidths = widths(xTicks.map(formatX));
    const MARGIN = axisMargins(BASE_MARGIN, { yLabels: widths(yTicks.map(formatY)), xFirst: xWidths[0] ?? 0, xLast: xWidths.at(-1) ?? 0 });
    const x = xScale.range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = yScale.range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    svg.append('g').attr('transform', `translate(0, ${HEIGHT - MARGIN.bottom})`).call(axisBottom(x).tickValues(xTicks).tickFormat((value) => formatX(Number(value)))).attr('color', text);
    svg.append('g').attr('transform', `translate(${MARGIN.left}, 0)`).call(axisLeft(y).tickValues(yTicks).tickFormat((value) => formatY(Number(value)))).attr('color', text);
    svg.append('text').attr('x', WIDTH - MARGIN.right).attr('y', HEIGHT - 4).attr('text-anchor', 'end').attr('fill', text).attr('font-size', 12).text(options.labels.x);
    svg.append('text').attr('x', 8).attr('y', 12).attr('fill', text).attr('font-size', 12).text(options.labels.y);
    const path = line<[number, number]>()
      .defined(([, v]) => Number.isFinite(v) && (!logScale || v > 0))
      .x(([i]) => x(i))
      .y(([, v]) => y(v));
    (options.marks ?? []).forEach((mark, index) => {
      const color = cssColor(node, mark.colorVar, '#57606a');
      const at = x(mark.step);
      const group = svg.append('g').attr('data-testid', mark.testid ?? null).attr('data-step', mark.step);
      group.append('line').attr('x1', at).attr('x2', at).attr('y1', MARGIN.top).attr('y2', HEIGHT - MARGIN.bottom).attr('stroke', color).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 3');
      // Labels alternate rows so two marks close together stay readable.
      const anchor = at > WIDTH - MARGIN.right - 60 ? 'end' : 'start';
      // Near the right edge the label would sit on the legend (one row per series, top right): below it.
      const row = anchor === 'end' ? options.series.length + index : index;
      group.append('text').attr('x', anchor === 'end' ? at - 4 : at + 4).attr('y', MARGIN.top + 12 + 14 * row).attr('text-anchor', anchor).attr('fill', color).attr('font-size', 12).text(mark.label);
    });
    options.series.forEach((series, index) => {
      const color = cssColor(node, series.colorVar, '#2f6fdb');
      const points = series.values.map((v, i) => [i, v] as [number, number]);
      svg.append('path').attr('d', path(points)).attr('fill', 'none').attr('stroke', color).attr('stroke-opacity', 0.3).attr('stroke-width', 1.5);
      svg.append('path').attr('d', path(points.slice(0, options.cursor + 1))).attr('fill', 'none').attr('stroke', color).attr('stroke-width', 2.5).attr('data-testid', `loss-line-${index}`);
      const here = points[Math.min(options.cursor, points.length - 1)];
      if (here && Number.isFinite(here[1])) svg.append('circle').attr('cx', x(here[0])).attr('cy', y(here[1])).attr('r', 4).attr('fill', color);
      svg.append('text').attr('x', WIDTH - MARGIN.right).attr('y', MARGIN.top + 14 * index).attr('text-anchor', 'end').attr('fill', color).attr('font-size', 12).text(series.label);
    });
  }

  let current = initial;
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
