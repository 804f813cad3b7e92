import { onAppearanceChange } from '../theme';
import { pointer as pointerIn, select, zoom, zoomIdentity, type ZoomBehavior, type D3ZoomEvent } from 'd3';
import type { LayerRegion, UnitRegion } from '../../../shared/core/receptive/region';
import { cssToken } from './color';
import {
  CAPTION_HEIGHT,
  IDENTITY,
  cellAt,
  drawStyle,
  fitTransform,
  gridMetrics,
  layoutGrids,
  placeCanvas,
  toScreen,
  toWorld,
  type GridLayout,
  type GridMetrics,
  type Rect,
  type ZoomTransform,
} from './rf-grid-geometry';

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
  /**
   * Zoom mode: the wheel over a grid zooms about the pointer and a drag pans, inside a box
   * of fixed height. Otherwise every grid is shown at zoom 1 (the box as tall as they need)
   * and the wheel scrolls the page.
   */
  zoomMode: boolean;
  onSelect(layer: number, y: number, x: number): void;
  onHover(cell: { layer: number; y: number; x: number } | null): void;
  /** The zoom changed (its scale k). */
  onZoom?(k: number): void;
  /** Escape was pressed in the box in zoom mode (the view leaves zoom mode). */
  onEscape?(): void;
}

export interface RfGrids {
  update(options: RfGridsOptions): void;
  /** Back to zoom 1, every grid in its place. */
  resetZoom(): void;
  /** Zooms by `factor` about the middle of the box (zoom mode only). */
  zoomBy(factor: number): void;
  /** Brings one layer's grid into view: fitted in the box in zoom mode, scrolled to otherwise. */
  focusLayer(layer: number): void;
  destroy(): void;
}

/** Largest zoom: a cell of a 224 x 224 input is then about 34 CSS pixels. */
const MAX_ZOOM = 32;
/** Tallest box in zoom mode, as a share of the window's height. */
const ZOOM_BOX_SHARE = 0.7;

interface Panel {
  layer: GridLayer;
  metrics: GridMetrics;
  canvas: HTMLCanvasElement;
  caption: HTMLElement;
  hover: [number, number] | null;
}

/**
 * The network's spatial layers as grids side by side (input first), in one pan-and-zoom box
 * (d3-zoom). Each grid is one canvas the size of its visible part, redrawn through the zoom
 * at device-pixel resolution, so it stays crisp at every zoom (no bitmap is scaled) and a
 * 224 x 224 input costs one draw, not 50,000 elements. While a cell is a few pixels the map
 * is drawn as an image (the loaded image on the input, a neutral checker of blocks elsewhere);
 * lines between cells fade in as cells grow. The chosen unit's field is drawn in every earlier
 * layer: contributing cells filled, the bounding box outlined, padding cells in the warning
 * colour, and the part of the box beyond the layer dashed and marked as clipped.
 */
export function createRfGrids(node: HTMLElement, initial: RfGridsOptions): RfGrids {
  let options = initial;
  let panels: Panel[] = [];
  let layout: GridLayout = { grids: [], width: 0, height: 0 };
  let transform: ZoomTransform = IDENTITY;
  let layoutWidth = -1;
  node.style.position = 'relative';
  node.style.overflow = 'hidden';

  /**
   * Where the pointer last was over the box, in its own pixels (fractions of a pixel, as
   * pointer events give them). The unit under it is the one the readout names and a click
   * chooses: a click event's own coordinates are whole pixels in Chromium, which with cells
   * under 2 px wide lands in the neighbouring cell.
   */
  let pointer: { x: number; y: number } | null = null;

  function panelAt(point: { x: number; y: number }): { panel: Panel; cell: [number, number] | null } | null {
    const world = toWorld(point, transform);
    for (const [i, panel] of panels.entries()) {
      const grid = layout.grids[i]!;
      if (world.x < grid.x || world.y < grid.y || world.x >= grid.x + grid.width || world.y >= grid.y + grid.height) continue;
      return { panel, cell: cellAt(grid, panel.metrics, panel.layer.size, world) };
    }
    return null;
  }

  const behavior: ZoomBehavior<HTMLElement, unknown> = zoom<HTMLElement, unknown>()
    .filter((event: Event) => {
      if (!options.zoomMode) return false;
      // The wheel zooms only over a grid; between grids it scrolls the page as anywhere else.
      if (event.type === 'wheel') {
        const [x, y] = pointerIn(event, node);
        return panelAt({ x, y }) !== null;
      }
      return !(event as MouseEvent).button;
    })
    .on('zoom', (event: D3ZoomEvent<HTMLElement, unknown>) => {
      transform = { x: event.transform.x, y: event.transform.y, k: event.transform.k };
      node.dataset.zoom = String(transform.k);
      render();
      // The grids moved under a pointer that did not: the unit under it may be another one now.
      if (pointer) trackHover();
      options.onZoom?.(transform.k);
    });
  const selection = select<HTMLElement, unknown>(node);
  selection.call(behavior).on('dblclick.zoom', null);
  node.dataset.zoom = '1';

  function trackHover() {
    const hit = pointer ? panelAt(pointer) : null;
    for (const panel of panels) setHover(panel, hit?.panel === panel ? hit.cell : null);
  }

  /** Outlines the unit under the pointer and tells the view, when it changed. */
  function setHover(panel: Panel, cell: [number, number] | null) {
    const same = cell && panel.hover && cell[0] === panel.hover[0] && cell[1] === panel.hover[1];
    if (same || (!cell && !panel.hover)) return;
    panel.hover = cell;
    const index = panels.indexOf(panel);
    draw(panel, layout.grids[index]!);
    if (cell) options.onHover({ layer: panel.layer.layer, y: cell[0], x: cell[1] });
    else if (!panels.some((other) => other.hover)) options.onHover(null);
  }

  const onPointer = (event: PointerEvent) => {
    const [x, y] = pointerIn(event, node);
    pointer = { x, y };
    trackHover();
  };
  node.addEventListener('pointermove', onPointer);
  // A touch or pen press may come without a move before it.
  node.addEventListener('pointerdown', onPointer);
  const onLeave = () => {
    pointer = null;
    trackHover();
  };
  node.addEventListener('pointerleave', onLeave);
  const onClick = (event: MouseEvent) => {
    const hovered = panels.find((panel) => panel.hover);
    if (hovered?.hover) {
      options.onSelect(hovered.layer.layer, hovered.hover[0], hovered.hover[1]);
      return;
    }
    const [x, y] = pointerIn(event, node);
    const hit = panelAt({ x, y });
    if (hit?.cell) options.onSelect(hit.panel.layer.layer, hit.cell[0], hit.cell[1]);
  };
  node.addEventListener('click', onClick);
  // A click focuses the box (tabindex -1), so Escape reaches it.
  if (!node.hasAttribute('tabindex')) node.tabIndex = -1;
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && options.zoomMode) options.onEscape?.();
  };
  node.addEventListener('keydown', onKey);

  function build() {
    for (const panel of panels) {
      panel.canvas.remove();
      panel.caption.remove();
    }
    pointer = null;
    panels = options.layers.map((layer) => {
      const metrics = gridMetrics(layer.size);
      const canvas = document.createElement('canvas');
      canvas.style.position = 'absolute';
      canvas.style.display = 'block';
      canvas.style.cursor = 'crosshair';
      canvas.setAttribute('data-testid', `rf-canvas-${layer.layer}`);
      canvas.setAttribute('data-cell', String(metrics.cell));
      canvas.setAttribute('data-margin', String(metrics.margin));
      const caption = document.createElement('div');
      caption.setAttribute('data-testid', `rf-layer-${layer.layer}`);
      caption.textContent = layer.label;
      caption.style.position = 'absolute';
      caption.style.fontSize = 'var(--text-sm)';
      caption.style.color = 'var(--text-muted)';
      caption.style.whiteSpace = 'nowrap';
      caption.style.pointerEvents = 'none';
      node.append(canvas, caption);
      return { layer, metrics, canvas, caption, hover: null };
    });
    layoutWidth = -1;
    relayout();
  }

  function zoomBoxHeight(): number {
    return Math.min(layout.height, Math.max(320, Math.round(window.innerHeight * ZOOM_BOX_SHARE)));
  }

  /** Places the grids in rows as wide as the box and sets its height and the zoom's bounds. */
  function relayout() {
    const available = node.clientWidth;
    layoutWidth = available;
    layout = layoutGrids(
      panels.map((panel) => panel.metrics),
      available,
    );
    const height = options.zoomMode ? zoomBoxHeight() : layout.height;
    node.style.blockSize = `${height}px`;
    // A finger pans the page outside zoom mode, and the grids inside it.
    node.style.touchAction = options.zoomMode ? 'none' : 'auto';
    const minimum = Math.min(1, height / Math.max(1, layout.height), available / Math.max(1, layout.width));
    behavior
      .scaleExtent([minimum, MAX_ZOOM])
      .extent([
        [0, 0],
        [Math.max(1, available), Math.max(1, height)],
      ])
      .translateExtent([
        [0, 0],
        [Math.max(available, layout.width), Math.max(height, layout.height)],
      ]);
    render();
  }

  function viewport(): Rect {
    return { x: 0, y: 0, width: node.clientWidth, height: node.clientHeight };
  }

  function render() {
    panels.forEach((panel, i) => draw(panel, layout.grids[i]!));
  }

  function colors() {
    return {
      tone: cssToken(node, '--surface-sunken'),
      // A quiet ruler in both themes: the two surface tones, never a loud checker.
      block: cssToken(node, '--surface'),
      line: cssToken(node, '--border-strong'),
      edge: cssToken(node, '--border-strong'),
      accent: cssToken(node, '--accent'),
      warning: cssToken(node, '--warning'),
      danger: cssToken(node, '--danger'),
      text: cssToken(node, '--text'),
    };
  }
  let palette = colors();

  function draw(panel: Panel, grid: Rect | undefined) {
    const { canvas, caption, metrics } = panel;
    if (!grid) return;
    const ratio = window.devicePixelRatio || 1;
    const place = placeCanvas(grid, transform, viewport(), ratio);
    const screen = toScreen(grid, transform);
    caption.style.insetInlineStart = `${screen.x + screen.width / 2}px`;
    caption.style.insetBlockStart = `${screen.y + screen.height + 2}px`;
    caption.style.transform = 'translateX(-50%)';
    caption.style.display = screen.y + screen.height + CAPTION_HEIGHT > 0 && screen.y + screen.height < node.clientHeight ? 'block' : 'none';
    if (!place) {
      canvas.style.display = 'none';
      return;
    }
    canvas.style.display = 'block';
    canvas.style.insetInlineStart = `${place.left}px`;
    canvas.style.insetBlockStart = `${place.top}px`;
    canvas.style.inlineSize = `${place.width}px`;
    canvas.style.blockSize = `${place.height}px`;
    if (canvas.width !== place.backingWidth) canvas.width = place.backingWidth;
    if (canvas.height !== place.backingHeight) canvas.height = place.backingHeight;
    const context = canvas.getContext('2d');
    if (!context) return;
    const k = transform.k;
    const style = drawStyle(metrics.cell * k);
    canvas.setAttribute('data-mode', style.mode);
    canvas.setAttribute('data-ratio', String(ratio));
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, canvas.width, canvas.height);
    context.setTransform(...place.matrix);
    const { cell, margin } = metrics;
    const [rows, columns] = panel.layer.size;
    const width = columns * cell;
    const height = rows * cell;
    // The map: a neutral tone with a checker of blocks (a ruler of `block` cells a side) …
    context.fillStyle = palette.tone;
    context.fillRect(margin, margin, width, height);
    if (style.block > 0) {
      context.fillStyle = palette.block;
      const side = style.block * cell;
      for (let row = 0; row * style.block < rows; row++) {
        for (let column = row % 2; column * style.block < columns; column += 2) {
          context.fillRect(margin + column * side, margin + row * side, Math.min(side, width - column * side), Math.min(side, height - row * side));
        }
      }
    }
    // … or the image the network sees, one of its pixels a cell (crisp: no smoothing).
    if (panel.layer.layer === 0 && options.image) {
      context.imageSmoothingEnabled = false;
      context.drawImage(options.image, margin, margin, width, height);
    }
    if (style.lineAlpha > 0) {
      context.globalAlpha = style.lineAlpha * 0.6;
      context.strokeStyle = palette.line;
      context.lineWidth = 1 / k;
      context.beginPath();
      for (let r = 0; r <= rows; r++) {
        context.moveTo(margin, margin + r * cell);
        context.lineTo(margin + width, margin + r * cell);
      }
      for (let c = 0; c <= columns; c++) {
        context.moveTo(margin + c * cell, margin);
        context.lineTo(margin + c * cell, margin + height);
      }
      context.stroke();
      context.globalAlpha = 1;
    }
    context.strokeStyle = palette.edge;
    context.lineWidth = 1 / k;
    context.strokeRect(margin, margin, width, height);
    const region = options.region?.layers.find((entry) => entry.layer === panel.layer.layer);
    if (region) drawRegion(context, region, metrics, k, options.region!.unit.layer === panel.layer.layer);
    if (options.region && options.region.unit.layer === panel.layer.layer) {
      drawMarker(context, metrics, k, options.region.unit.y, options.region.unit.x, palette.text, 2);
    }
    if (panel.hover) drawMarker(context, metrics, k, panel.hover[0], panel.hover[1], palette.text, 1);
  }

  /** Outlines cell (row, column), at least 6 CSS pixels wide however small the cell, so a unit is findable at any zoom. */
  function drawMarker(context: CanvasRenderingContext2D, metrics: GridMetrics, k: number, row: number, column: number, colour: string, width: number) {
    const side = Math.max(metrics.cell, 6 / k);
    const inset = (side - metrics.cell) / 2;
    context.strokeStyle = colour;
    context.lineWidth = width / k;
    context.strokeRect(metrics.margin + column * metrics.cell - inset, metrics.margin + row * metrics.cell - inset, side, side);
  }

  function drawRegion(context: CanvasRenderingContext2D, region: LayerRegion, metrics: GridMetrics, k: number, own: boolean) {
    const { cell, margin, width, height } = metrics;
    const x = (column: number) => margin + column * cell;
    const y = (row: number) => margin + row * cell;
    // contributing cells
    context.globalAlpha = own ? 0.9 : 0.5;
    context.fillStyle = palette.accent;
    if (region.dense && region.clippedBox) {
      const [top, left, bottom, right] = region.clippedBox;
      context.fillRect(x(left), y(top), (right - left + 1) * cell, (bottom - top + 1) * cell);
    } else {
      for (const row of region.rows.contributing) for (const column of region.columns.contributing) context.fillRect(x(column), y(row), cell, cell);
    }
    // padding cells: read by a window, outside the layer (drawn into the margin, as far as it reaches)
    context.globalAlpha = 0.55;
    context.fillStyle = palette.warning;
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
    context.lineWidth = (own ? 2 : 1.5) / k;
    context.setLineDash([4 / k, 3 / k]);
    context.strokeStyle = palette.danger;
    if (region.outside) context.strokeRect(x(left), y(top), (right - left + 1) * cell, (bottom - top + 1) * cell);
    context.setLineDash([]);
    if (region.clippedBox) {
      const [ct, cl, cb, cr] = region.clippedBox;
      context.strokeStyle = own ? palette.text : palette.accent;
      context.strokeRect(x(cl), y(ct), (cr - cl + 1) * cell, (cb - ct + 1) * cell);
    }
    if (region.outside) {
      context.fillStyle = palette.danger;
      context.font = `${10 / k}px system-ui, sans-serif`;
      context.textBaseline = 'top';
      context.fillText(options.clippedLabel, 2 / k, 2 / k);
    }
  }

  build();
  // Colours come from the theme: redraw when it changes (lib/theme).
  const stopFollowingTheme = onAppearanceChange(() => {
    palette = colors();
    render();
  });
  // A wider or narrower box wraps the grids again; a change of device pixel ratio (browser zoom, another screen) redraws them.
  const resize = new ResizeObserver(() => {
    if (node.clientWidth !== layoutWidth) relayout();
    else render();
  });
  resize.observe(node);
  let ratioQuery: MediaQueryList | null = null;
  const followRatio = () => {
    ratioQuery?.removeEventListener('change', followRatio);
    ratioQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    ratioQuery.addEventListener('change', followRatio);
    render();
  };
  followRatio();

  function setTransform(next: ZoomTransform) {
    selection.call(behavior.transform, zoomIdentity.translate(next.x, next.y).scale(next.k));
  }

  return {
    update(next) {
      const rebuild =
        next.layers.length !== options.layers.length ||
        next.layers.some((layer, i) => layer.layer !== options.layers[i]?.layer || layer.size[0] !== options.layers[i]?.size[0] || layer.size[1] !== options.layers[i]?.size[1]);
      const modeChanged = next.zoomMode !== options.zoomMode;
      options = next;
      panels.forEach((panel, i) => {
        const label = next.layers[i]?.label;
        if (label !== undefined && panel.caption.textContent !== label) panel.caption.textContent = label;
      });
      if (rebuild) build();
      if (modeChanged) {
        // Leaving zoom mode shows every grid at zoom 1 again; entering keeps them where they are.
        relayout();
        if (!next.zoomMode) setTransform(IDENTITY);
      }
      if (!rebuild && !modeChanged) render();
    },
    resetZoom() {
      setTransform(IDENTITY);
    },
    zoomBy(factor) {
      if (!options.zoomMode) return;
      selection.call(behavior.scaleBy, factor);
    },
    focusLayer(layer) {
      const index = panels.findIndex((panel) => panel.layer.layer === layer);
      if (index < 0) return;
      if (options.zoomMode) {
        const [minimum, maximum] = behavior.scaleExtent();
        setTransform(fitTransform(layout.grids[index]!, { width: node.clientWidth, height: node.clientHeight }, [minimum, Math.min(maximum, 8)]));
      } else {
        panels[index]!.canvas.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    },
    destroy() {
      stopFollowingTheme();
      resize.disconnect();
      ratioQuery?.removeEventListener('change', followRatio);
      selection.on('.zoom', null);
      node.removeEventListener('pointermove', onPointer);
      node.removeEventListener('pointerdown', onPointer);
      node.removeEventListener('pointerleave', onLeave);
      node.removeEventListener('click', onClick);
      node.removeEventListener('keydown', onKey);
      for (const panel of panels) {
        panel.canvas.remove();
        panel.caption.remove();
      }
    },
  };
}
