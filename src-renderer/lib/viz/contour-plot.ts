import { contours, extent, geoPath, interpolateViridis, range, scaleLinear, scaleSequentialLog, select, axisBottom, axisLeft, type Selection } from 'd3';
import type { LossSurface } from '../../../shared/core/optim/index';

export interface ContourPoint {
  x: number;
  y: number;
}

export interface ContourPlotOptions {
  surface: LossSurface | null;
  /** Parameter values on the two axes: the initial point, then after each shown step. */
  path: ContourPoint[];
  /** The plain gradient step -lr*g at the current point (axes' components), or null. */
  gradient: ContourPoint | null;
  /** The last update actually made (momentum's velocity), or null. */
  velocity: ContourPoint | null;
  labels: { x: string; y: string; title: string; gradient: string; velocity: string };
  /** CSS colour variable of this run's path, e.g. '--accent'. */
  colorVar: string;
}

export interface ContourPlot {
  update(options: ContourPlotOptions): void;
  destroy(): void;
}

const WIDTH = 420;
const HEIGHT = 360;
const MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };
const LEVELS = 14;

function cssColor(node: Element, name: string, fallback: string): string {
  return getComputedStyle(node).getPropertyValue(name).trim() || fallback;
}

/**
 * The loss surface over two parameters as filled contours (d3.contours; levels spaced
 * logarithmically so the valley floor keeps its rings), the path of the parameters so far,
 * and two arrows at the current point: the plain gradient step and the last update made.
 */
export function createContourPlot(node: HTMLElement, initial: ContourPlotOptions): ContourPlot {
  const svg = select(node).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('role', 'img').style('inline-size', '100%').style('max-inline-size', `${WIDTH}px`);
  const defs = svg.append('defs');
  const markerId = (name: string) => `arrow-${name}-${Math.random().toString(36).slice(2, 8)}`;
  const markers = { gradient: markerId('g'), velocity: markerId('v') };
  const addMarker = (id: string) =>
    defs.append('marker').attr('id', id).attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5).attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse').append('path').attr('d', 'M0,0 L10,5 L0,10 z');
  const gradientHead = addMarker(markers.gradient);
  const velocityHead = addMarker(markers.velocity);
  const layer = svg.append('g');

  function arrow(group: Selection<SVGGElement, unknown, null, undefined>, from: [number, number], to: [number, number], color: string, marker: string, testid: string, dashed: boolean) {
    if (Math.hypot(to[0] - from[0], to[1] - from[1]) < 1) return;
    group.append('line').attr('x1', from[0]).attr('y1', from[1]).attr('x2', to[0]).attr('y2', to[1]).attr('stroke', color).attr('stroke-width', 2.5).attr('stroke-dasharray', dashed ? '5 3' : null).attr('marker-end', `url(#${marker})`).attr('data-testid', testid);
  }

  function draw(options: ContourPlotOptions) {
    layer.selectAll('*').remove();
    svg.attr('aria-label', options.labels.title);
    const text = cssColor(node, '--text-muted', '#57606a');
    const ink = cssColor(node, '--text', '#1b1f24');
    const pathColor = cssColor(node, options.colorVar, '#2f6fdb');
    const danger = cssColor(node, '--danger', '#cf222e');
    const warning = cssColor(node, '--warning', '#bf8700');
    gradientHead.attr('fill', danger);
    velocityHead.attr('fill', warning);
    const { surface } = options;
    if (!surface) return;
    const nx = surface.xs.length;
    const ny = surface.ys.length;
    const [x0, x1] = [surface.xs[0]!, surface.xs[nx - 1]!];
    const [y0, y1] = [surface.ys[0]!, surface.ys[ny - 1]!];
    const x = scaleLinear().domain([x0, x1]).range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = scaleLinear().domain([y0, y1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);

    // Levels on a log scale above the minimum; undefined points (NaN) count as the top level.
    const floor = Number.isFinite(surface.min) ? surface.min : 0;
    const top = Number.isFinite(surface.max) ? surface.max : floor + 1;
    const shifted = surface.values.map((v) => (Number.isFinite(v) ? v - floor + 1e-9 : top - floor));
    const spread = Math.max(top - floor, 1e-9);
    const thresholds = range(LEVELS).map((i) => 1e-9 + spread * Math.pow(i / LEVELS, 2.2));
    const bands = contours().size([nx, ny]).thresholds(thresholds)(shifted);
    const color = scaleSequentialLog(interpolateViridis).domain([1e-9 + spread * 1e-4, spread + 1e-9]);
    // Grid index space → pixels: column i ↦ x(xs[i]), row j ↦ y(ys[j]).
    const sx = (WIDTH - MARGIN.right - MARGIN.left) / (nx - 1);
    const sy = (HEIGHT - MARGIN.bottom - MARGIN.top) / (ny - 1);
    const clip = `clip-${markers.gradient}`;
    layer.append('clipPath').attr('id', clip).append('rect').attr('x', MARGIN.left).attr('y', MARGIN.top).attr('width', WIDTH - MARGIN.left - MARGIN.right).attr('height', HEIGHT - MARGIN.top - MARGIN.bottom);
    // The clip rectangle is in the clipped element's user space: clip an untransformed group, scale inside it.
    layer
      .append('g')
      .attr('clip-path', `url(#${clip})`)
      .append('g')
      .attr('transform', `translate(${MARGIN.left - sx / 2}, ${HEIGHT - MARGIN.bottom + sy / 2}) scale(${sx}, ${-sy})`)
      .selectAll('path')
      .data(bands)
      .join('path')
      .attr('d', geoPath())
      .attr('fill', (band) => color(Math.max(band.value, spread * 1e-4)))
      .attr('fill-opacity', 0.55)
      .attr('stroke', ink)
      .attr('stroke-opacity', 0.25)
      .attr('stroke-width', 0.6 / Math.max(sx, sy))
      .attr('data-testid', 'contour-band');

    layer.append('g').attr('transform', `translate(0, ${HEIGHT - MARGIN.bottom})`).call(axisBottom(x).ticks(6)).attr('color', text);
    layer.append('g').attr('transform', `translate(${MARGIN.left}, 0)`).call(axisLeft(y).ticks(6)).attr('color', text);
    layer.append('text').attr('x', WIDTH - MARGIN.right).attr('y', HEIGHT - 6).attr('text-anchor', 'end').attr('fill', text).attr('font-size', 12).text(options.labels.x);
    layer.append('text').attr('x', 6).attr('y', MARGIN.top - 4).attr('fill', text).attr('font-size', 12).text(options.labels.y);

    const points = options.path.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const track = layer.append('g').attr('clip-path', `url(#${clip})`);
    track
      .append('polyline')
      .attr('points', points.map((p) => `${x(p.x)},${y(p.y)}`).join(' '))
      .attr('fill', 'none')
      .attr('stroke', pathColor)
      .attr('stroke-width', 2)
      .attr('data-testid', 'contour-path');
    track
      .selectAll('circle')
      .data(points)
      .join('circle')
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => y(p.y))
      .attr('r', (_, i) => (i === points.length - 1 ? 5 : 2.5))
      .attr('fill', pathColor)
      .attr('stroke', cssColor(node, '--surface', '#fff'))
      .attr('stroke-width', 1);
    const current = points.at(-1);
    if (current) {
      const arrows = layer.append('g');
      const from: [number, number] = [x(current.x), y(current.y)];
      if (options.gradient) arrow(arrows, from, [x(current.x + options.gradient.x), y(current.y + options.gradient.y)], danger, markers.gradient, 'gradient-arrow', false);
      if (options.velocity) {
        const previous = points.at(-2) ?? current;
        arrow(arrows, [x(previous.x), y(previous.y)], [x(previous.x + options.velocity.x), y(previous.y + options.velocity.y)], warning, markers.velocity, 'velocity-arrow', true);
      }
    }
    const [lo, hi] = extent(surface.values.filter(Number.isFinite));
    svg.attr('data-min', lo ?? '').attr('data-max', hi ?? '');
  }

  draw(initial);
  return {
    update: draw,
    destroy() {
      svg.remove();
    },
  };
}
