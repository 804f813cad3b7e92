import { onAppearanceChange } from '../theme';
import { contours, extent, geoPath, interpolateViridis, range, scaleLinear, scaleSequentialLog, select, axisBottom, axisLeft, type ScaleLinear, type Selection } from 'd3';
import type { LossSurface } from '../../../shared/core/optim/index';
import { axisMargins, clipSegment, compactTickFormat, tickLabelWidths, type Pixel, type PlotBox } from './plot-geometry';
import { themeColors } from './color';
import { motionFrame, SETTLED, type MotionProgress, type MotionVector, type StepMotion } from './step-motion';

export interface ContourPoint {
  x: number;
  y: number;
}

/**
 * One real update of the optimizer on the two axes: the parameters before and after a step,
 * as the trace (and the step table) has them. Never a scaled or normalised gradient.
 */
export interface StepArrow {
  /** 1-based step number. */
  step: number;
  from: ContourPoint;
  to: ContourPoint;
}

export interface ContourPlotOptions {
  surface: LossSurface | null;
  /** Parameter values on the two axes: the initial point, then after each shown step. */
  path: ContourPoint[];
  /** The update the next step makes, from the current point; null at the end of the run. */
  nextStep: StepArrow | null;
  /** The update the shown step made, ending at the current point; null at the start. */
  lastStep: StepArrow | null;
  /** The shown step's animation (carried velocity, gradient term, their sum); null at the start. */
  motion: StepMotion | null;
  /**
   * `offPlot`: what the chevron at the border says when a step leaves the plot; `carried`,
   * `gradient`, `sum`: the formulas written beside the animation's arrows (e.g. −βΔ, −μg, −Δ).
   */
  labels: { x: string; y: string; title: string; nextStep: string; lastStep: string; offPlot: string; carried: string; gradient: string; sum: string };
  /** CSS colour variable of this run's path, e.g. '--accent'. */
  colorVar: string;
}

export interface ContourPlot {
  update(options: ContourPlotOptions): void;
  /** Draws the shown step's animation at `progress` (only the path, point and arrows are redrawn). */
  frame(progress: MotionProgress): void;
  destroy(): void;
}

const WIDTH = 420;
const HEIGHT = 360;
/** The least room around the plot; the left and right grow to fit the tick labels. */
const BASE_MARGIN = { top: 16, right: 16, bottom: 40, left: 48 };
const LEVELS = 14;
const TICKS = 6;

/**
 * The loss surface over two parameters as filled contours (d3.contours; levels spaced
 * logarithmically so the valley floor keeps its rings), the path of the parameters so far,
 * and two arrows, each a real update from the trace: the step just made (ending at the
 * current point) and the step the optimizer makes next (starting there). Tick labels are
 * compact and the margins fit them.
 */
export function createContourPlot(node: HTMLElement, initial: ContourPlotOptions): ContourPlot {
  const colors = themeColors(node);
  const svg = select(node).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('role', 'img').style('inline-size', '100%').style('max-inline-size', `${WIDTH}px`);
  const clip = `contour-clip-${Math.random().toString(36).slice(2, 8)}`;
  const layer = svg.append('g');
  /** Set by each full draw: the pixel map and the group the animation redraws. */
  let scales: { x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; box: PlotBox } | null = null;
  let overlay: Selection<SVGGElement, unknown, null, undefined> | null = null;

  /**
   * A step's real update as an arrow from its `from` to its `to` parameters, clipped to the
   * plot: when the head leaves the plot the line stops at the border and a double chevron
   * there says the step continues. The data attributes carry the step's numbers.
   */
  function stepArrow(group: Selection<SVGGElement, unknown, null, undefined>, arrow: StepArrow, scales: { x: ScaleLinear<number, number>; y: ScaleLinear<number, number>; box: PlotBox }, style: { color: string; testid: string; dashed: boolean; label: string; offPlot: string; width: number; text: string; side?: 1 | -1 }) {
    const from: Pixel = [scales.x(arrow.from.x), scales.y(arrow.from.y)];
    const to: Pixel = [scales.x(arrow.to.x), scales.y(arrow.to.y)];
    const shown = clipSegment(from, to, scales.box);
    // Under a pixel there is nothing to draw (the point itself shows where it is).
    const drawn = shown ? Math.hypot(shown.to[0] - shown.from[0], shown.to[1] - shown.from[1]) : 0;
    if (!shown || drawn < 1) return;
    const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
    const [ux, uy] = [(to[0] - from[0]) / length, (to[1] - from[1]) / length];
    // The head's tip is the step's end; a short step gets a smaller head so the arrow keeps its length.
    const head = shown.endClipped ? 0 : Math.min(11, 0.45 * drawn);
    // The line stops under the head, so its square end never shows beside the tip.
    const lineEnd: Pixel = [shown.to[0] - ux * head * 0.6, shown.to[1] - uy * head * 0.6];
    const line = group
      .append('line')
      .attr('x1', shown.from[0])
      .attr('y1', shown.from[1])
      .attr('x2', lineEnd[0])
      .attr('y2', lineEnd[1])
      .attr('stroke', style.color)
      .attr('stroke-width', style.width)
      .attr('stroke-dasharray', style.dashed ? '5 3' : null)
      .attr('data-testid', style.testid)
      .attr('data-step', arrow.step)
      .attr('data-from-x', arrow.from.x)
      .attr('data-from-y', arrow.from.y)
      .attr('data-to-x', arrow.to.x)
      .attr('data-to-y', arrow.to.y)
      .attr('data-clipped', shown.endClipped || shown.startClipped ? 'true' : 'false');
    line.append('title').text(style.label);
    /** The point `back` pixels behind `tip` along the step, moved `side` pixels across it. */
    const offset = (tip: Pixel, back: number, side: number): string => `${tip[0] - ux * back - uy * side},${tip[1] - uy * back + ux * side}`;
    if (style.text) {
      // The formula beside the arrow's middle: the parts on one side, their sum on the other.
      const middle: Pixel = [(shown.from[0] + shown.to[0]) / 2, (shown.from[1] + shown.to[1]) / 2];
      const side = (style.side ?? 1) * 14;
      group
        .append('text')
        .attr('x', middle[0] + uy * side)
        .attr('y', middle[1] - ux * side + 4)
        .attr('text-anchor', 'middle')
        .attr('font-size', 12)
        .attr('font-weight', 600)
        .attr('fill', style.color)
        .attr('paint-order', 'stroke')
        .attr('stroke', colors.get('--surface', '#fff'))
        .attr('stroke-width', 3)
        .attr('data-testid', `${style.testid}-label`)
        .text(style.text);
    }
    if (!shown.endClipped) {
      group
        .append('path')
        .attr('d', `M${shown.to[0]},${shown.to[1]} L${offset(shown.to, head, head * 0.45)} L${offset(shown.to, head, -head * 0.45)} Z`)
        .attr('fill', style.color)
        .attr('data-testid', `${style.testid}-head`);
      return;
    }
    // Two chevrons pointing on, their tips on the border.
    const chevron = (back: number) => {
      const tip: Pixel = [shown.to[0] - ux * back, shown.to[1] - uy * back];
      return `M${offset(tip, 6, 5)} L${tip[0]},${tip[1]} L${offset(tip, 6, -5)}`;
    };
    group
      .append('path')
      .attr('d', `${chevron(0)} ${chevron(5)}`)
      .attr('fill', 'none')
      .attr('stroke', style.color)
      .attr('stroke-width', 2)
      .attr('data-testid', `${style.testid}-continues`)
      .append('title')
      .text(style.offPlot);
  }

  function draw(options: ContourPlotOptions) {
    colors.forget();
    layer.selectAll('*').remove();
    svg.attr('aria-label', options.labels.title);
    const text = colors.get('--text-muted', '#57606a');
    const ink = colors.get('--text', '#1b1f24');
    const { surface } = options;
    scales = null;
    overlay = null;
    if (!surface) return;
    const nx = surface.xs.length;
    const ny = surface.ys.length;
    const [x0, x1] = [surface.xs[0]!, surface.xs[nx - 1]!];
    const [y0, y1] = [surface.ys[0]!, surface.ys[ny - 1]!];
    // Tick values do not depend on the pixel range: format them first, then make room for them.
    const xTicks = scaleLinear().domain([x0, x1]).ticks(TICKS);
    const yTicks = scaleLinear().domain([y0, y1]).ticks(TICKS);
    const formatX = compactTickFormat(xTicks, scaleLinear().domain([x0, x1]).tickFormat(TICKS));
    const formatY = compactTickFormat(yTicks, scaleLinear().domain([y0, y1]).tickFormat(TICKS));
    const xWidths = tickLabelWidths(svg, xTicks.map(formatX));
    const MARGIN = axisMargins(BASE_MARGIN, { yLabels: tickLabelWidths(svg, yTicks.map(formatY)), xFirst: xWidths[0] ?? 0, xLast: xWidths.at(-1) ?? 0 });
    const x = scaleLinear().domain([x0, x1]).range([MARGIN.left, WIDTH - MARGIN.right]);
    const y = scaleLinear().domain([y0, y1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const box: PlotBox = { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: HEIGHT - MARGIN.bottom };
    // The data-to-pixel map, for tests and tools that check a drawn step against the step table.
    svg.attr('data-x-domain', `${x0},${x1}`).attr('data-x-range', `${box.left},${box.right}`).attr('data-y-domain', `${y0},${y1}`).attr('data-y-range', `${box.bottom},${box.top}`);

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

    layer.append('g').attr('transform', `translate(0, ${HEIGHT - MARGIN.bottom})`).call(axisBottom(x).tickValues(xTicks).tickFormat((value) => formatX(Number(value)))).attr('color', text).attr('data-testid', 'contour-x-axis');
    layer.append('g').attr('transform', `translate(${MARGIN.left}, 0)`).call(axisLeft(y).tickValues(yTicks).tickFormat((value) => formatY(Number(value)))).attr('color', text).attr('data-testid', 'contour-y-axis');
    layer.append('text').attr('x', WIDTH - MARGIN.right).attr('y', HEIGHT - 6).attr('text-anchor', 'end').attr('fill', text).attr('font-size', 12).text(options.labels.x);
    layer.append('text').attr('x', 6).attr('y', MARGIN.top - 4).attr('fill', text).attr('font-size', 12).text(options.labels.y);

    const [lo, hi] = extent(surface.values.filter(Number.isFinite));
    svg.attr('data-min', lo ?? '').attr('data-max', hi ?? '');
    scales = { x, y, box };
    overlay = layer.append('g').attr('data-testid', 'contour-overlay');
    drawOverlay(options, progress);
  }

  /**
   * The path, the current point and the arrows at `at` of the shown step's animation. Settled:
   * the whole path, the step just made (dashed, its two parts beside it) and the next step.
   * Moving: the carried velocity and the gradient term grow head to tail, their sum, then the
   * point glides along the sum to the step's new parameters.
   */
  function drawOverlay(options: ContourPlotOptions, at: MotionProgress) {
    if (!overlay || !scales) return;
    overlay.selectAll('*').remove();
    const { x, y } = scales;
    const pathColor = colors.get(options.colorVar, '#2f6fdb');
    const settled = at.glide >= 1 && at.sum >= 1;
    const motion = options.motion;
    const frame = motion ? motionFrame(motion, at) : null;
    const finite = (p: ContourPoint) => Number.isFinite(p.x) && Number.isFinite(p.y);
    // While the point glides, the path so far ends at the moving point (the new point is not reached yet).
    const trail = frame && !settled ? [...options.path.slice(0, -1), frame.point] : options.path;
    const points = trail.filter(finite);
    const track = overlay.append('g').attr('clip-path', `url(#${clip})`);
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
      .attr('stroke', colors.get('--surface', '#fff'))
      .attr('stroke-width', 1)
      .attr('data-testid', (_, i) => (i === points.length - 1 ? 'current-point' : null))
      .attr('data-x', (p) => p.x)
      .attr('data-y', (p) => p.y);
    const arrows = overlay.append('g');
    const danger = colors.get('--danger', '#cf222e');
    const warning = colors.get('--warning', '#bf8700');
    const current = colors.get('--current', '#8250df');
    const muted = colors.get('--text-muted', '#57606a');
    const off = options.labels.offPlot;
    // The two parts of the step, head to tail, growing; they stay (thinner) once the step is made.
    const part = (vector: MotionVector | null, color: string, testid: string, label: string) => {
      if (!vector || !motion) return;
      stepArrow(arrows, { step: motion.step, ...vector }, scales!, { color, testid, dashed: false, label, offPlot: off, width: settled ? 1.5 : 2.5, text: label });
    };
    if (frame) {
      part(frame.carried, warning, 'carried-arrow', options.labels.carried);
      part(frame.gradient, danger, 'gradient-arrow', options.labels.gradient);
    }
    if (settled) {
      if (options.lastStep) stepArrow(arrows, options.lastStep, scales, { color: current, testid: 'last-step-arrow', dashed: true, label: options.labels.lastStep, offPlot: off, width: 2.5, text: options.labels.sum, side: -1 });
      if (options.nextStep) stepArrow(arrows, options.nextStep, scales, { color: muted, testid: 'next-step-arrow', dashed: false, label: options.labels.nextStep, offPlot: off, width: 2, text: '' });
    } else if (frame?.sum && motion) {
      stepArrow(arrows, { step: motion.step, ...frame.sum }, scales, { color: current, testid: 'sum-arrow', dashed: true, label: options.labels.lastStep, offPlot: off, width: 2.5, text: options.labels.sum, side: -1 });
    }
  }

  let current = initial;
  let progress: MotionProgress = SETTLED;
  draw(current);
  // Colours come from the theme: redraw when it changes (lib/theme).
  const stopFollowingTheme = onAppearanceChange(() => draw(current));
  return {
    update(next) {
      current = next;
      draw(next);
    },
    frame(next) {
      progress = next;
      drawOverlay(current, next);
    },
    destroy() {
      stopFollowingTheme();
      svg.remove();
    },
  };
}
