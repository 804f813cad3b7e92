import { scaleLinear, select } from 'd3';
import { onAppearanceChange } from '../theme';
import { cssToken, divergingColor } from './color';

export interface RegionPolygon {
  vertices: readonly (readonly [number, number])[];
  /** A number per activation pattern (equal patterns, equal colours). */
  hash: number;
}

export interface RegionMapOptions {
  polygons: readonly RegionPolygon[];
  domain: readonly [readonly [number, number], readonly [number, number]];
  label: string;
}

export interface RegionMap {
  update(options: RegionMapOptions): void;
  destroy(): void;
}

const SIZE = 360;

/**
 * The linear regions of a 2-D ReLU network inside a rectangle, one polygon per activation
 * pattern. Patterns are categories, not signed values, so the colour only tells neighbours
 * apart: a pattern's hash picks a stop of the diverging scale away from its neutral middle.
 */
export function createRegionMap(node: HTMLElement, initial: RegionMapOptions): RegionMap {
  const svg = select(node).append('svg').attr('viewBox', `0 0 ${SIZE} ${SIZE}`).attr('role', 'img').attr('data-testid', 'region-map-svg').style('inline-size', '100%').style('max-inline-size', `${SIZE * 1.5}px`).style('display', 'block');

  function draw(options: RegionMapOptions) {
    svg.selectAll('*').remove();
    svg.attr('aria-label', options.label);
    const edge = cssToken(node, '--surface') || '#ffffff';
    const [[x0, x1], [y0, y1]] = options.domain;
    const x = scaleLinear().domain([x0, x1]).range([0, SIZE]);
    const y = scaleLinear().domain([y0, y1]).range([SIZE, 0]);
    for (const polygon of options.polygons) {
      const points = polygon.vertices.map(([px, py]) => `${x(px).toFixed(2)},${y(py).toFixed(2)}`).join(' ');
      svg.append('polygon').attr('points', points).attr('fill', regionColour(polygon.hash)).attr('stroke', edge).attr('stroke-width', 0.6);
    }
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

/** A category's colour on the diverging scale: |t| in [0.3, 1], away from the neutral zero. */
export function regionColour(hash: number): string {
  const unit = (hash % 997) / 996;
  const signed = unit * 2 - 1;
  const t = Math.sign(signed || 1) * (0.3 + 0.7 * Math.abs(signed));
  return divergingColor(t, 1);
}
