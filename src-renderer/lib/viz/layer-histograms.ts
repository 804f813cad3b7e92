import { max, select } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken } from './color';
import { followWidth } from './plot-geometry';

/** One layer's histogram: bin edges and counts (the core's), with its title and range text. */
export interface LayerHistogram {
  /** "L3" */
  title: string;
  /** "sat 45%" (or empty) */
  note: string;
  edges: readonly number[];
  counts: readonly number[];
  /** "−1 … 1" */
  range: string;
  /** Bins whose centre lies in the saturated / inactive zone are drawn in the warning colour. */
  flagged?: (centre: number) => boolean;
}

export interface LayerHistogramsOptions {
  layers: readonly LayerHistogram[];
  label: string;
}

export interface LayerHistograms {
  update(options: LayerHistogramsOptions): void;
  destroy(): void;
}

/** Width before the element is laid out (then the element's own width, so text keeps its size). */
const FALLBACK_WIDTH = 640;
const PANEL_HEIGHT = 70;
/** A panel is about this wide; as many columns as fit. */
const PANEL_WIDTH = 104;

/**
 * Small multiples, one histogram of activations per layer (Karpathy's diagnostic): each
 * scaled to its own tallest bin, the flagged bins (saturated or inactive) in the warning colour.
 */
export function createLayerHistograms(node: HTMLElement, initial: LayerHistogramsOptions): LayerHistograms {
  const svg = select(node).append('svg').attr('role', 'img').attr('data-testid', 'layer-histograms-svg').style('inline-size', '100%').style('block-size', 'auto').style('display', 'block');

  function draw(options: LayerHistogramsOptions) {
    svg.selectAll('*').remove();
    const width = Math.max(320, Math.round(node.getBoundingClientRect().width) || FALLBACK_WIDTH);
    const COLUMNS = Math.max(2, Math.floor(width / PANEL_WIDTH));
    const rows = Math.max(1, Math.ceil(options.layers.length / COLUMNS));
    const height = rows * PANEL_HEIGHT + 4;
    svg.attr('viewBox', `0 0 ${width} ${height}`).attr('aria-label', options.label);
    const accent = cssToken(node, '--accent') || '#2f6fdb';
    const warning = cssToken(node, '--warning') || '#bf8700';
    const muted = cssToken(node, '--text-muted') || '#57606a';
    const border = cssToken(node, '--border') || '#d0d7de';
    const panelWidth = width / COLUMNS;
    options.layers.forEach((layer, index) => {
      const left = (index % COLUMNS) * panelWidth + 4;
      const top = Math.floor(index / COLUMNS) * PANEL_HEIGHT + 2;
      const inner = panelWidth - 10;
      const plotTop = top + 14;
      const plotHeight = PANEL_HEIGHT - 32;
      const group = svg.append('g').attr('data-testid', `histogram-${index + 1}`);
      group.append('text').attr('x', left).attr('y', top + 10).attr('font-size', 10).attr('font-weight', 600).attr('fill', muted).text(layer.title);
      if (layer.note) group.append('text').attr('x', left + inner).attr('y', top + 10).attr('font-size', 9).attr('text-anchor', 'end').attr('fill', warning).text(layer.note);
      group.append('line').attr('x1', left).attr('x2', left + inner).attr('y1', plotTop + plotHeight).attr('y2', plotTop + plotHeight).attr('stroke', border);
      const tallest = max(layer.counts) ?? 0;
      const bins = layer.counts.length;
      if (tallest > 0 && bins > 0) {
        const barWidth = inner / bins;
        layer.counts.forEach((count, bin) => {
          if (count === 0) return;
          const barHeight = Math.max(1, (count / tallest) * plotHeight);
          const centre = ((layer.edges[bin] ?? 0) + (layer.edges[bin + 1] ?? 0)) / 2;
          group
            .append('rect')
            .attr('x', left + bin * barWidth)
            .attr('y', plotTop + plotHeight - barHeight)
            .attr('width', Math.max(0.5, barWidth - 0.5))
            .attr('height', barHeight)
            .attr('fill', layer.flagged?.(centre) ? warning : accent);
        });
      }
      group.append('text').attr('x', left + inner / 2).attr('y', plotTop + plotHeight + 11).attr('font-size', 9).attr('text-anchor', 'middle').attr('fill', muted).text(layer.range);
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
