import { onAppearanceChange } from '../theme';
import { axisBottom, axisLeft, line, max, scaleLinear, scalePoint, select } from 'd3';
import { compactTickFormat } from './plot-geometry';
import { cssColor } from './color';

/** Receptive field of one spatial layer (the engine's numbers, height axis). */
export interface GrowthPoint {
  layer: number;
  /** Tick label, e.g. "3 maxpool2d". */
  label: string;
  size: number;
  jump: number;
}

/** A student's typed receptive field for a layer, as the core marked it. */
export interface AnswerPoint {
  layer: number;
  /** Where to draw it: the side (height axis) the answer names. */
  size: number;
  /** The core marked it right. */
  correct: boolean;
  /** Tooltip: the typed text, the verdict and the core's reason. */
  title: string;
}

export interface RfGrowthChartOptions {
  points: GrowthPoint[];
  answers: AnswerPoint[];
  labels: { size: string; jump: string; answer: string; axis: string };
}

export interface RfGrowthChart {
  update(options: RfGrowthChartOptions): void;
  destroy(): void;
}

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 28, right: 16, bottom: 70, left: 48 };

/**
 * Receptive-field size and jump per layer as two lines on one linear axis (pixels), with the
 * student's own answers as rings (right) or crosses (wrong) on the size line's layers, as the
 * core marked them (this chart reads no answer itself).
 */
export function createRfGrowthChart(node: HTMLElement, initial: RfGrowthChartOptions): RfGrowthChart {
  const svg = select(node).append('svg').attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`).attr('role', 'img').attr('data-testid', 'rf-growth-svg').style('inline-size', '100%').style('max-inline-size', `${WIDTH}px`);

  function draw(options: RfGrowthChartOptions) {
    svg.selectAll('*').remove();
    svg.attr('aria-label', options.labels.axis);
    const text = cssColor(node, '--text-muted', '#57606a');
    const accent = cssColor(node, '--accent', '#2f6fdb');
    const warning = cssColor(node, '--warning', '#bf8700');
    const danger = cssColor(node, '--danger', '#cf222e');
    const good = cssColor(node, '--text', '#1b1f24');
    const x = scalePoint<number>()
      .domain(options.points.map((point) => point.layer))
      .range([MARGIN.left, WIDTH - MARGIN.right])
      .padding(0.5);
    const top = max([...options.points.flatMap((point) => [point.size, point.jump]), ...options.answers.map((answer) => answer.size), 1]) ?? 1;
    const y = scaleLinear().domain([0, top]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
    const labelOf = new Map(options.points.map((point) => [point.layer, point.label]));
    svg
      .append('g')
      .attr('transform', `translate(0, ${HEIGHT - MARGIN.bottom})`)
      .call(axisBottom(x).tickFormat((layer) => labelOf.get(layer) ?? String(layer)))
      .call((axis) => axis.selectAll('text').attr('transform', 'rotate(-35)').style('text-anchor', 'end'))
      .attr('color', text);
    const yTicks = y.ticks(6);
    const formatY = compactTickFormat(yTicks, y.tickFormat(6));
    svg.append('g').attr('transform', `translate(${MARGIN.left}, 0)`).call(axisLeft(y).tickValues(yTicks).tickFormat((value) => formatY(Number(value)))).attr('color', text);
    svg.append('text').attr('x', MARGIN.left).attr('y', 14).attr('fill', text).attr('font-size', 11).text(options.labels.axis);
    const series = [
      { key: 'size' as const, colour: accent, label: options.labels.size },
      { key: 'jump' as const, colour: warning, label: options.labels.jump },
    ];
    for (const { key, colour } of series) {
      svg
        .append('path')
        .datum(options.points)
        .attr('fill', 'none')
        .attr('stroke', colour)
        .attr('stroke-width', 2)
        .attr(
          'd',
          line<GrowthPoint>()
            .x((point) => x(point.layer) ?? 0)
            .y((point) => y(point[key])),
        );
      svg
        .append('g')
        .selectAll('circle')
        .data(options.points)
        .join('circle')
        .attr('cx', (point) => x(point.layer) ?? 0)
        .attr('cy', (point) => y(point[key]))
        .attr('r', 3)
        .attr('fill', colour)
        .attr('data-testid', (point) => `rf-growth-${key}-${point.layer}`)
        .append('title')
        .text((point) => `${point.label}: ${options.labels[key]} ${point[key]}`);
    }
    const answers = svg.append('g').attr('data-testid', 'rf-growth-answers');
    for (const answer of options.answers) {
      const cx = x(answer.layer);
      if (cx === undefined) continue;
      const cy = y(answer.size);
      const mark = answers.append('g').attr('data-testid', `rf-answer-${answer.layer}`).attr('data-correct', String(answer.correct));
      if (answer.correct) {
        mark.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 7).attr('fill', 'none').attr('stroke', good).attr('stroke-width', 1.5);
      } else {
        mark
          .append('path')
          .attr('d', `M${cx - 5},${cy - 5}L${cx + 5},${cy + 5}M${cx - 5},${cy + 5}L${cx + 5},${cy - 5}`)
          .attr('stroke', danger)
          .attr('stroke-width', 2);
      }
      mark.append('title').text(answer.title);
    }
    const legend = svg.append('g').attr('transform', `translate(${WIDTH - MARGIN.right - 300}, 10)`);
    [...series.map((s) => ({ colour: s.colour, label: s.label })), ...(options.answers.length > 0 ? [{ colour: danger, label: options.labels.answer }] : [])].forEach((entry, i) => {
      legend.append('rect').attr('x', i * 100).attr('y', 0).attr('width', 10).attr('height', 10).attr('fill', entry.colour);
      legend.append('text').attr('x', i * 100 + 14).attr('y', 9).attr('font-size', 11).attr('fill', text).text(entry.label);
    });
  }

  let current = initial;
  draw(current);
  // Colours come from the theme: redraw when it changes (lib/theme).
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
