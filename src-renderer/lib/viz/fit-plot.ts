import { axisBottom, axisLeft, extent, line, scaleLinear, select } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken } from './color';
import { axisMargins, tickLabelWidths } from './plot-geometry';

export interface FitPlotOptions {
  /** the grid of the fit and the truth */
  grid: number[];
  truth: number[] | null;
  /** the network's output on the grid, or null (not yet trained) */
  fit: number[] | null;
  train: { x: number[][]; y: number[] };
  validation: { x: number[][]; y: number[] };
  extra: { x: number[][]; y: number[] } | null;
  labels: { title: string; truth: string; fit: string };
}

export interface FitPlot {
  update(options: FitPlotOptions): void;
  destroy(): void;
}

const WIDTH = 400;
const HEIGHT = 300;
const BASE_MARGIN = { top: 24, right: 12, bottom: 28, left: 40 };

/**
 * A 1-D regression fit: the true function (dashed), the network's fit, the training points
 * (filled, --train) and the validation points (rings, --validation). The y range holds every
 * point and the truth; a fit that leaves it is clipped, so the axes stay still while it trains.
 */
export function createFitPlot(node: HTMLElement, initial: FitPlotOptions): FitPlot {
  const svg = select(node).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('role', 'img').attr('data-testid', 'fit-plot-svg').style('inline-size', '100%').style('max-inline-size', `${WIDTH}px`);

  function draw(options: FitPlotOptions) {
    svg.selectAll('*').remove();
    svg.attr('aria-label', options.labels.title);
    const muted = cssToken(node, '--text-muted');
    const ys = [...options.train.y, ...options.validation.y, ...(options.extra?.y ?? []), ...(options.truth ?? [])];
    const [lo = -1, hi = 1] = extent(ys);
    const pad = (hi - lo) / 10 || 0.5;
    const yScale = scaleLinear().domain([lo - pad, hi + pad]).nice();
    const xScale = scaleLinear().domain([options.grid[0]!, options.grid.at(-1)!]);
    const widths = tickLabelWidths(svg, yScale.ticks(5).map(yScale.tickFormat(5)));
    const xLabels = tickLabelWidths(svg, xScale.ticks(5).map(xScale.tickFormat(5)));
    const margin = axisMargins(BASE_MARGIN, { yLabels: widths, xFirst: xLabels[0] ?? 0, xLast: xLabels.at(-1) ?? 0 });
    const x = xScale.range([margin.left, WIDTH - margin.right]);
    const y = yScale.range([HEIGHT - margin.bottom, margin.top]);
    svg.append('g').attr('transform', `translate(0, ${HEIGHT - margin.bottom})`).call(axisBottom(x).ticks(5)).attr('color', muted);
    svg.append('g').attr('transform', `translate(${margin.left}, 0)`).call(axisLeft(y).ticks(5)).attr('color', muted);
    const clip = `fit-clip-${Math.random().toString(36).slice(2)}`;
    svg.append('clipPath').attr('id', clip).append('rect').attr('x', margin.left).attr('y', margin.top).attr('width', WIDTH - margin.left - margin.right).attr('height', HEIGHT - margin.top - margin.bottom);
    const path = line<number>()
      .defined(Number.isFinite)
      .x((_, i) => x(options.grid[i]!))
      .y((value) => y(value));
    if (options.truth) svg.append('path').attr('d', path(options.truth)).attr('fill', 'none').attr('stroke', muted).attr('stroke-width', 1.5).attr('stroke-dasharray', '5 4');
    const points = (set: { x: number[][]; y: number[] }, colour: string, filled: boolean) =>
      set.x.forEach(([px], n) => {
        svg
          .append('circle')
          .attr('cx', x(px!))
          .attr('cy', y(set.y[n]!))
          .attr('r', 3.5)
          .attr('fill', filled ? colour : 'none')
          .attr('stroke', colour)
          .attr('stroke-width', filled ? 1 : 2);
      });
    const train = cssToken(node, '--train');
    points(options.train, train, true);
    if (options.extra) points(options.extra, train, true);
    points(options.validation, cssToken(node, '--validation'), false);
    if (options.fit) svg.append('path').attr('d', path(options.fit)).attr('clip-path', `url(#${clip})`).attr('fill', 'none').attr('stroke', cssToken(node, '--accent')).attr('stroke-width', 2.5).attr('data-testid', 'fit-line');
    svg.append('text').attr('x', WIDTH - margin.right).attr('y', 14).attr('text-anchor', 'end').attr('font-size', 12).attr('fill', cssToken(node, '--accent')).text(options.labels.fit);
    svg.append('text').attr('x', margin.left).attr('y', 14).attr('font-size', 12).attr('fill', muted).text(options.labels.truth);
  }

  let current = initial;
  draw(current);
  const stopFollowingTheme = onAppearanceChange(() => draw(current));
  return {
    update(next) {
      current = next;
      draw(next);
    },
    destroy() {
      stopFollowingTheme();
      svg.remove();
    },
  };
}
