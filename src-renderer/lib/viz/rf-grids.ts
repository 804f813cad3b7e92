import { onAppearanceChange } from '../theme';
import { select, zoom, zoomIdentity, type ZoomBehavior } from 'd3';
import type { LayerRegion, UnitRegion } from '../../../shared/core/receptive/region';
import { cssColor } from './rf-theme';

/** One layer drawn as a grid of H x W cells (layer 0 is the input). */
export interface GridLayer {
  layer: number;
  label: string;
  size: [number, number];
}

export interface RfGridsOptions {
  /** Input first, then every spatial layer in order. */
  layers: GridLayer[];
  /** The chosen unit's field (from the core), or null. */
  region: UnitRegion | null;
  /** Drawn under the input grid, already at the input's H x W. */
  image: CanvasImageSource | null;
  /** Text of the marker on a box clipped at the layer's edge. */
  clippedLabel: string;
  onSelect(layer: number, y: number, x: number): void;
  onHover(cell: { layer: number; y: number; x: number } | null): void;
}

export interface RfGrids {
  update(options: RfGridsOptions): void;
  /** Back to the initial view. */
  resetZoom(): void;
  destroy(): void;
}

/** Largest side of a grid on screen, CSS pixels, at zoom 1. */
const GRID_SIDE = 240;

/** Cell size and the margin (room for padding cells and the part of a box beyond the layer). */
export function gridMetrics(size: [number, number]): { cell: number; margin: number; width: number; height: number } {
  const cell = Math.min(18, GRID_SIDE / Math.max(size[0], size[1]));
  const margin = Math.min(48, Math.max(14, 4 * cell));
  return { cell, margin, width: size[1] * cell + 2 * margin, height: size[0] * cell + 2 * margin };
}

interface Panel {
  layer: GridLayer;
  figure: HTMLElement;
  canvas: HTMLCanvasElement;
  hover: [number, number] | null;
}

/**
 * The network's spatial layers as grids side by side (input first), in one pan-and-zoom
 * surface (d3-zoom). Each layer is a canvas, so a 224 x 224 input costs one draw, not 50,000
 * elements. The chosen unit's field is drawn in every earlier layer: contributing cells
 * filled, the bounding box outlined, padding cells hatched in the warning colour, and the part
 * of the box beyond the layer dashed and marked as clipped.
 */
export function createRfGrids(node: HTMLElement, initial: RfGridsOptions): RfGrids {
  let options = initial;
  let panels: Panel[] = [];
  const surface = document.createElement('div');
  surface.className = 'rf-grids-surface';
  surface.style.transformOrigin = '0 0';
  // d3-zoom measures the pointer from the node's padding box, so the surface must start there
  // (its gutter is its own padding, not the node's) for a zoom to stay centred on the pointer.
  surface.style.padding = '0.5rem';
  // Layers wrap into rows as wide as the view, so every layer is on screen at zoom 1.
  surface.style.display = 'flex';
  surface.style.flexWrap = 'wrap';
  surface.style.alignItems = 'flex-end';
  surface.style.gap = '1rem 1.25rem';
  node.append(surface);

  /**
   * Where the pointer last was over a grid, in client pixels as pointer events give them
   * (fractions of a pixel). The unit under it is the one the readout names and a click
   * chooses: a click event's own coordinates are whole pixels in Chromium, which with cells
   * under 2 px wide lands in the neighbouring cell.
   */
  let pointer: { panel: Panel; clientX: number; clientY: number } | null = null;

  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .scaleExtent([0.25, 16])
    .on('zoom', (event: { transform: { x: number; y: number; k: number } }) => {
      const { x, y, k } = event.transform;
      surface.style.transform = `translate(${x}px, ${y}px) scale(${k})`;
      // The grids moved under a pointer that did not: the unit under it may be another one now.
      if (pointer) setHover(pointer.panel, cellAt(pointer.panel, pointer.clientX, pointer.clientY));
    });
  const selection = select<HTMLElement, unknown>(node);
  selection.call(behavior).on('dblclick.zoom', null);

  function cellAt(panel: Panel, clientX: number, clientY: number): [number, number] | null {
    const rect = panel.canvas.getBoundingClientRect();
    const metrics = gridMetrics(panel.layer.size);
    const scale = rect.width / metrics.width;
    const localX = (clientX - rect.left) / scale - metrics.margin;
    const localY = (clientY - rect.top) / scale - metrics.margin;
    const x = Math.floor(localX / metrics.cell);
    const y = Math.floor(localY / metrics.cell);
    if (y < 0 || x < 0 || y >= panel.layer.size[0] || x >= panel.layer.size[1]) return null;
    return [y, x];
  }

  /** Outlines the unit under the pointer and tells the view, when it changed. */
  function setHover(panel: Panel, cell: [number, number] | null) {
    const same = cell && panel.hover && cell[0] === panel.hover[0] && cell[1] === panel.hover[1];
    if (same || (!cell && !panel.hover)) return;
    panel.hover = cell;
    draw(panel);
    options.onHover(cell ? { layer: panel.layer.layer, y: cell[0], x: cell[1] } : null);
  }

  function trackPointer(panel: Panel, event: PointerEvent) {
    pointer = { panel, clientX: event.clientX, clientY: event.clientY };
    setHover(panel, cellAt(panel, event.clientX, event.clientY));
  }

  function build() {
    surface.replaceChildren();
    pointer = null;
    panels = options.layers.map((layer) => {
      const figure = document.createElement('figure');
      figure.style.margin = '0';
      figure.setAttribute('data-testid', `rf-layer-${layer.layer}`);
      const canvas = document.createElement('canvas');
      const metrics = gridMetrics(layer.size);
      const ratio = Math.max(1, Math.ceil(window.devicePixelRatio || 1));
      canvas.width = Math.ceil(metrics.width * ratio);
      canvas.height = Math.ceil(metrics.height * ratio);
      canvas.style.inlineSize = `${metrics.width}px`;
      canvas.style.blockSize = `${metrics.height}px`;
      canvas.style.display = 'block';
      canvas.style.cursor = 'crosshair';
      canvas.setAttribute('data-testid', `rf-canvas-${layer.layer}`);
      canvas.setAttribute('data-cell', String(metrics.cell));
      canvas.setAttribute('data-margin', String(metrics.margin));
      const caption = document.createElement('figcaption');
      caption.textContent = layer.label;
      caption.style.fontSize = '0.85rem';
      caption.style.color = 'var(--text-muted)';
      caption.style.textAlign = 'center';
      figure.append(canvas, caption);
      surface.append(figure);
      const panel: Panel = { layer, figure, canvas, hover: null };
      canvas.addEventListener('pointermove', (event) => trackPointer(panel, event));
      // A touch or pen press may come without a move before it.
      canvas.addEventListener('pointerdown', (event) => trackPointer(panel, event));
      canvas.addEventListener('pointerleave', () => {
        if (pointer?.panel === panel) pointer = null;
        setHover(panel, null);
      });
      canvas.addEventListener('click', (event) => {
        const cell = panel.hover ?? cellAt(panel, event.clientX, event.clientY);
        if (cell) options.onSelect(layer.layer, cell[0], cell[1]);
      });
      return panel;
    });
  }

  function draw(panel: Panel) {
    const context = panel.canvas.getContext('2d');
    if (!context) return;
    const { cell, margin, width, height } = gridMetrics(panel.layer.size);
    const ratio = panel.canvas.width / width;
    const [rows, columns] = panel.layer.size;
    const colors = {
      surface: cssColor(node, '--surface', '#fff'),
      grid: cssColor(node, '--border', '#d8dee4'),
      cellBg: cssColor(node, '--surface-raised', '#fbfbfc'),
      accent: cssColor(node, '--accent', '#2f6fdb'),
      warning: cssColor(node, '--warning', '#bf8700'),
      danger: cssColor(node, '--danger', '#cf222e'),
      text: cssColor(node, '--text', '#1b1f24'),
    };
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.fillStyle = colors.cellBg;
    context.fillRect(margin, margin, columns * cell, rows * cell);
    if (panel.layer.layer === 0 && options.image) {
      context.imageSmoothingEnabled = false;
      context.drawImage(options.image, margin, margin, columns * cell, rows * cell);
    }
    if (cell >= 5) {
      context.strokeStyle = colors.grid;
      context.lineWidth = 0.5;
      context.beginPath();
      for (let r = 0; r <= rows; r++) {
        context.moveTo(margin, margin + r * cell);
        context.lineTo(margin + columns * cell, margin + r * cell);
      }
      for (let c = 0; c <= columns; c++) {
        context.moveTo(margin + c * cell, margin);
        context.lineTo(margin + c * cell, margin + rows * cell);
      }
      context.stroke();
    } else {
      context.strokeStyle = colors.grid;
      context.lineWidth = 1;
      context.strokeRect(margin, margin, columns * cell, rows * cell);
    }
    const region = options.region?.layers.find((entry) => entry.layer === panel.layer.layer);
    if (region) drawRegion(context, region, cell, margin, width, height, colors, options.region!.unit.layer === panel.layer.layer);
    if (panel.hover) {
      context.strokeStyle = colors.text;
      context.lineWidth = 1;
      context.strokeRect(margin + panel.hover[1] * cell, margin + panel.hover[0] * cell, cell, cell);
    }
  }

  function drawRegion(
    context: CanvasRenderingContext2D,
    region: LayerRegion,
    cell: number,
    margin: number,
    width: number,
    height: number,
    colors: Record<'accent' | 'warning' | 'danger' | 'text', string>,
    own: boolean,
  ) {
    const x = (column: number) => margin + column * cell;
    const y = (row: number) => margin + row * cell;
    // contributing cells
    context.globalAlpha = own ? 0.9 : 0.5;
    context.fillStyle = colors.accent;
    if (region.dense && region.clippedBox) {
      const [top, left, bottom, right] = region.clippedBox;
      context.fillRect(x(left), y(top), (right - left + 1) * cell, (bottom - top + 1) * cell);
    } else {
      for (const row of region.rows.contributing) for (const column of region.columns.contributing) context.fillRect(x(column), y(row), cell, cell);
    }
    // padding cells: read by a window, outside the layer (drawn into the margin, as far as it reaches)
    context.globalAlpha = 0.55;
    context.fillStyle = colors.warning;
    const rowsRead = [...region.rows.padding, ...region.rows.contributing];
    const columnsRead = [...region.columns.padding, ...region.columns.contributing];
    const rowPadding = new Set(region.rows.padding);
    const columnPadding = new Set(region.columns.padding);
    for (const row of rowsRead) {
      for (const column of columnsRead) {
        if (!rowPadding.has(row) && !columnPadding.has(column)) continue;
        const px = x(column);
        const py = y(row);
        if (px + cell < 0 || py + cell < 0 || px > width || py > height) continue;
        context.fillRect(px, py, cell, cell);
      }
    }
    context.globalAlpha = 1;
    const [top, left, bottom, right] = region.box;
    if (top > bottom || left > right) return;
    // the whole box, dashed where it lies beyond the layer
    context.lineWidth = own ? 2 : 1.5;
    context.setLineDash([4, 3]);
    context.strokeStyle = colors.danger;
    if (region.outside) context.strokeRect(x(left), y(top), (right - left + 1) * cell, (bottom - top + 1) * cell);
    context.setLineDash([]);
    if (region.clippedBox) {
      const [ct, cl, cb, cr] = region.clippedBox;
      context.strokeStyle = own ? colors.text : colors.accent;
      context.strokeRect(x(cl), y(ct), (cr - cl + 1) * cell, (cb - ct + 1) * cell);
    }
    if (region.outside) {
      context.fillStyle = colors.danger;
      context.font = '10px system-ui, sans-serif';
      context.textBaseline = 'top';
      context.fillText(options.clippedLabel, 2, 2);
    }
  }

  function drawAll() {
    for (const panel of panels) draw(panel);
  }

  build();
  drawAll();
  // Colours come from the theme: redraw when it changes (lib/theme).
  const stopFollowingTheme = onAppearanceChange(drawAll);

  return {
    update(next) {
      const rebuild =
        next.layers.length !== options.layers.length ||
        next.layers.some((layer, i) => layer.layer !== options.layers[i]?.layer || layer.size[0] !== options.layers[i]?.size[0] || layer.size[1] !== options.layers[i]?.size[1] || layer.label !== options.layers[i]?.label);
      options = next;
      if (rebuild) build();
      drawAll();
    },
    resetZoom() {
      selection.call(behavior.transform, zoomIdentity);
    },
    destroy() {
      stopFollowingTheme();
      selection.on('.zoom', null);
      surface.remove();
    },
  };
}
