/**
 * The geometry of the receptive-field grids (lib/viz/rf-grids.ts), without the DOM: the size
 * of each layer's grid, where the grids sit side by side, how a zoom transform maps them to
 * the screen, which part of a grid a canvas must hold, and how it is drawn at a given cell
 * size on screen (an image of the map while cells are a few pixels, grid lines as they grow).
 */

/** Largest side of a grid on screen, CSS pixels, at zoom 1. */
export const GRID_SIDE = 240;
/** Below this many CSS pixels a cell is drawn as one pixel of an image (no line between cells). */
export const IMAGE_MODE_BELOW = 4;
/** Cell lines are fully drawn from this many CSS pixels a cell (they fade in from IMAGE_MODE_BELOW). */
export const FULL_LINES_FROM = 8;
/** A block of the neutral checker is at least this many CSS pixels wide, so it reads as a ruler, not a texture. */
export const BLOCK_MIN_PIXELS = 12;
/** Room under a grid for its caption, CSS pixels. */
export const CAPTION_HEIGHT = 22;
/** Space between grids in a row and between rows, CSS pixels, and the gutter around them all. */
export const GAP = { inline: 20, block: 16, gutter: 8 } as const;

export interface GridMetrics {
  /** Side of one cell at zoom 1, CSS pixels. */
  cell: number;
  /** Room around the cells for padding cells and the part of a box beyond the layer. */
  margin: number;
  width: number;
  height: number;
}

/** Cell size and the margin (room for padding cells and the part of a box beyond the layer). */
export function gridMetrics(size: readonly [number, number]): GridMetrics {
  const cell = Math.min(18, GRID_SIDE / Math.max(size[0], size[1], 1));
  const margin = Math.min(48, Math.max(14, 4 * cell));
  return { cell, margin, width: size[1] * cell + 2 * margin, height: size[0] * cell + 2 * margin };
}

/** A zoom transform as d3-zoom gives it: screen = world * k + (x, y). */
export interface ZoomTransform {
  x: number;
  y: number;
  k: number;
}

export const IDENTITY: ZoomTransform = { x: 0, y: 0, k: 1 };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The screen rectangle of a world rectangle under `transform`. */
export function toScreen(rect: Rect, transform: ZoomTransform): Rect {
  return { x: transform.x + rect.x * transform.k, y: transform.y + rect.y * transform.k, width: rect.width * transform.k, height: rect.height * transform.k };
}

/** The world point under a screen point. */
export function toWorld(point: { x: number; y: number }, transform: ZoomTransform): { x: number; y: number } {
  return { x: (point.x - transform.x) / transform.k, y: (point.y - transform.y) / transform.k };
}

/** Where each grid sits (world coordinates, zoom 1) and how tall all of them are. */
export interface GridLayout {
  /** The grid's own rectangle (cells and margin), one per grid in order. */
  grids: Rect[];
  width: number;
  height: number;
}

/**
 * Grids in rows as wide as `available` (a grid wider than that gets a row of its own),
 * left to right in every language, each row's grids sharing a baseline, a caption under each;
 * every grid starts on a whole pixel.
 */
export function layoutGrids(sizes: readonly GridMetrics[], available: number): GridLayout {
  const grids: Rect[] = [];
  let row: number[] = [];
  let x = GAP.gutter;
  let y = GAP.gutter;
  let width = 0;
  const closeRow = () => {
    const rowHeight = Math.ceil(Math.max(0, ...row.map((i) => sizes[i]!.height)));
    // Whole pixels at zoom 1, so a canvas starts exactly where its grid does.
    for (const i of row) grids[i] = { ...grids[i]!, y: y + Math.floor(rowHeight - sizes[i]!.height) };
    y += rowHeight + CAPTION_HEIGHT + GAP.block;
    row = [];
    x = GAP.gutter;
  };
  sizes.forEach((size, i) => {
    if (row.length > 0 && x + size.width > available - GAP.gutter) closeRow();
    grids[i] = { x, y: 0, width: size.width, height: size.height };
    width = Math.max(width, x + size.width + GAP.gutter);
    x += Math.ceil(size.width) + GAP.inline;
    row.push(i);
  });
  if (row.length > 0) closeRow();
  return { grids, width, height: sizes.length > 0 ? y - GAP.block + GAP.gutter : 0 };
}

/** How a grid is drawn when one of its cells is `screenCell` CSS pixels wide on screen. */
export interface DrawStyle {
  /** image: the map as an image, a cell a pixel or two; grid: cells with lines between them. */
  mode: 'image' | 'grid';
  /** Opacity of the lines between cells, 0 … 1 (0 in image mode). */
  lineAlpha: number;
  /** Cells per side of a block of the neutral checker (0: no checker, the lines say it). */
  block: number;
}

export function drawStyle(screenCell: number): DrawStyle {
  const mode = screenCell < IMAGE_MODE_BELOW ? 'image' : 'grid';
  const lineAlpha = mode === 'image' ? 0 : Math.min(1, 0.25 + (0.75 * (screenCell - IMAGE_MODE_BELOW)) / (FULL_LINES_FROM - IMAGE_MODE_BELOW));
  let block = 1;
  while (block * screenCell < BLOCK_MIN_PIXELS) block *= 2;
  return { mode, lineAlpha, block: screenCell >= FULL_LINES_FROM ? 0 : block };
}

/**
 * The canvas that shows the visible part of one grid: its place in the viewport (CSS pixels),
 * its backing store in device pixels, and the matrix that maps the grid's own coordinates
 * (zoom 1, CSS pixels) to device pixels of that store. Drawn through this matrix at every zoom,
 * a grid stays crisp (no bitmap is scaled) and costs no more than the viewport it fills.
 */
export interface CanvasPlacement {
  left: number;
  top: number;
  width: number;
  height: number;
  backingWidth: number;
  backingHeight: number;
  /** setTransform(a, 0, 0, d, e, f) */
  matrix: [number, number, number, number, number, number];
}

/** Null when no part of the grid is in the viewport. */
export function placeCanvas(grid: Rect, transform: ZoomTransform, viewport: Rect, devicePixelRatio: number): CanvasPlacement | null {
  const screen = toScreen(grid, transform);
  const left = Math.max(screen.x, viewport.x);
  const top = Math.max(screen.y, viewport.y);
  const right = Math.min(screen.x + screen.width, viewport.x + viewport.width);
  const bottom = Math.min(screen.y + screen.height, viewport.y + viewport.height);
  if (right <= left || bottom <= top) return null;
  // Whole CSS pixels so the canvas edges fall on device pixels.
  const place = { left: Math.floor(left), top: Math.floor(top), width: Math.ceil(right) - Math.floor(left), height: Math.ceil(bottom) - Math.floor(top) };
  const ratio = devicePixelRatio > 0 && Number.isFinite(devicePixelRatio) ? devicePixelRatio : 1;
  const scale = ratio * transform.k;
  return {
    ...place,
    backingWidth: Math.max(1, Math.round(place.width * ratio)),
    backingHeight: Math.max(1, Math.round(place.height * ratio)),
    matrix: [scale, 0, 0, scale, ratio * (screen.x - place.left), ratio * (screen.y - place.top)],
  };
}

/** The cell (row, column) of a grid under a world point, or null outside its cells. */
export function cellAt(grid: Rect, metrics: GridMetrics, size: readonly [number, number], point: { x: number; y: number }): [number, number] | null {
  const column = Math.floor((point.x - grid.x - metrics.margin) / metrics.cell);
  const row = Math.floor((point.y - grid.y - metrics.margin) / metrics.cell);
  if (row < 0 || column < 0 || row >= size[0] || column >= size[1]) return null;
  return [row, column];
}

/** The transform that shows `grid` (with its caption) whole and centred in a viewport, at zoom `min` … `max`. */
export function fitTransform(grid: Rect, viewport: { width: number; height: number }, scaleExtent: readonly [number, number]): ZoomTransform {
  const height = grid.height + CAPTION_HEIGHT;
  const k = Math.max(scaleExtent[0], Math.min(scaleExtent[1], Math.min(viewport.width / (grid.width + 2 * GAP.gutter), viewport.height / (height + 2 * GAP.gutter))));
  return { k, x: viewport.width / 2 - (grid.x + grid.width / 2) * k, y: viewport.height / 2 - (grid.y + height / 2) * k };
}
