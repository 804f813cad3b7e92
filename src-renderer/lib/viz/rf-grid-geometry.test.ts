import { describe, expect, it } from 'vitest';
import { CAPTION_HEIGHT, GAP, cellAt, drawStyle, fitTransform, gridMetrics, layoutGrids, placeCanvas, toScreen, toWorld } from './rf-grid-geometry';

describe('gridMetrics: a grid at most 240 px a side, cells at most 18 px', () => {
  it('the seed input 128 x 128: 240 / 128 = 1.875 px cells, margin 4 cells floored at 14 px', () => {
    expect(gridMetrics([128, 128])).toEqual({ cell: 1.875, margin: 14, width: 128 * 1.875 + 28, height: 128 * 1.875 + 28 });
  });
  it('a 4 x 4 map: 18 px cells, margin capped at 48 px; a wide map takes its cell from its width', () => {
    expect(gridMetrics([4, 4])).toEqual({ cell: 18, margin: 48, width: 4 * 18 + 96, height: 4 * 18 + 96 });
    expect(gridMetrics([10, 60]).cell).toBe(4);
  });
});

describe('drawStyle: an image while cells are a few pixels, lines as they grow', () => {
  it('below 4 px a cell: image mode, no lines, a checker of blocks at least 12 px wide (a power of two cells)', () => {
    // 1.875 px: 8 cells = 15 px is the first power of two reaching 12 px
    expect(drawStyle(1.875)).toEqual({ mode: 'image', lineAlpha: 0, block: 8 });
    expect(drawStyle(0.5)).toEqual({ mode: 'image', lineAlpha: 0, block: 32 });
    expect(drawStyle(3.99).mode).toBe('image');
  });
  it('from 4 px: grid mode, the lines fading in from 0.25 to full at 8 px, where the checker goes (each cell is seen)', () => {
    expect(drawStyle(4)).toEqual({ mode: 'grid', lineAlpha: 0.25, block: 4 });
    expect(drawStyle(6)).toEqual({ mode: 'grid', lineAlpha: 0.625, block: 2 });
    expect(drawStyle(8)).toEqual({ mode: 'grid', lineAlpha: 1, block: 0 });
    expect(drawStyle(30)).toEqual({ mode: 'grid', lineAlpha: 1, block: 0 });
  });
  it('zooming the seed input by 4 turns its image into a grid: 1.875 x 4 = 7.5 px', () => {
    expect(drawStyle(gridMetrics([128, 128]).cell * 4).mode).toBe('grid');
  });
});

describe('zoom transform: screen = world * k + (x, y)', () => {
  const transform = { x: 30, y: -20, k: 4 };
  it('maps a rectangle and back', () => {
    expect(toScreen({ x: 10, y: 5, width: 100, height: 50 }, transform)).toEqual({ x: 70, y: 0, width: 400, height: 200 });
    expect(toWorld({ x: 70, y: 0 }, transform)).toEqual({ x: 10, y: 5 });
  });
  it('cellAt reads the cell under a world point, null in the margin', () => {
    const metrics = gridMetrics([128, 128]);
    const grid = { x: 8, y: 8, width: metrics.width, height: metrics.height };
    // cell (2, 5) starts at 8 + 14 + 5 * 1.875 = 31.375 across and 8 + 14 + 2 * 1.875 = 25.75 down
    expect(cellAt(grid, metrics, [128, 128], { x: 31.4, y: 25.8 })).toEqual([2, 5]);
    expect(cellAt(grid, metrics, [128, 128], { x: 31.3, y: 25.8 })).toEqual([2, 4]);
    expect(cellAt(grid, metrics, [128, 128], { x: 10, y: 10 })).toBeNull();
    // the same cell through a zoom: the screen point of its centre maps back to it
    const centre = { x: transform.x + (8 + 14 + 5.5 * 1.875) * transform.k, y: transform.y + (8 + 14 + 2.5 * 1.875) * transform.k };
    expect(cellAt(grid, metrics, [128, 128], toWorld(centre, transform))).toEqual([2, 5]);
  });
  it('fitTransform centres a grid with its caption in the viewport, within the zoom bounds', () => {
    const grid = { x: 300, y: 8, width: 268, height: 268 };
    const fit = fitTransform(grid, { width: 1000, height: 600 }, [0.5, 8]);
    // the tighter axis: 600 / (268 + 22 + 16)
    expect(fit.k).toBeCloseTo(600 / (268 + CAPTION_HEIGHT + 2 * GAP.gutter), 12);
    expect(fit.x + (grid.x + grid.width / 2) * fit.k).toBeCloseTo(500, 9);
    expect(fitTransform(grid, { width: 1000, height: 600 }, [0.5, 1.5]).k).toBe(1.5);
  });
});

describe('placeCanvas: the visible part of a grid, at device-pixel resolution', () => {
  const grid = { x: 8, y: 8, width: 268, height: 268 };
  const viewport = { x: 0, y: 0, width: 800, height: 400 };

  it('zoom 1, ratio 1: the whole grid, one backing pixel per CSS pixel', () => {
    expect(placeCanvas(grid, { x: 0, y: 0, k: 1 }, viewport, 1)).toEqual({ left: 8, top: 8, width: 268, height: 268, backingWidth: 268, backingHeight: 268, matrix: [1, 0, 0, 1, 0, 0] });
  });
  it('devicePixelRatio 2 (and 1.5): the backing store holds ratio x the CSS pixels, and the matrix scales by it', () => {
    const two = placeCanvas(grid, { x: 0, y: 0, k: 1 }, viewport, 2)!;
    expect([two.backingWidth, two.backingHeight, two.matrix[0], two.matrix[3]]).toEqual([536, 536, 2, 2]);
    const fractional = placeCanvas(grid, { x: 0, y: 0, k: 1 }, viewport, 1.5)!;
    expect([fractional.backingWidth, fractional.matrix[0]]).toEqual([402, 1.5]);
  });
  it('zoomed by 8: only the part in the viewport, redrawn at 8 x ratio (not a scaled bitmap of zoom 1)', () => {
    const place = placeCanvas(grid, { x: -500, y: -300, k: 8 }, viewport, 2)!;
    // screen x of the grid: -500 + 8 * 8 = -436, so the canvas starts at the viewport's edge
    expect([place.left, place.top, place.width, place.height]).toEqual([0, 0, 800, 400]);
    expect([place.backingWidth, place.backingHeight]).toEqual([1600, 800]);
    // a grid point p lands on device pixel 2 * (screen(p) - left) = 16 p + 2 * (-436)
    expect(place.matrix).toEqual([16, 0, 0, 16, -872, -472]);
  });
  it('null when the grid is out of view; partly visible: the canvas starts on a whole CSS pixel', () => {
    expect(placeCanvas(grid, { x: 900, y: 0, k: 1 }, viewport, 1)).toBeNull();
    const part = placeCanvas(grid, { x: 600.4, y: 0, k: 1 }, viewport, 1)!;
    expect([part.left, part.width]).toEqual([608, 192]);
    expect(part.matrix[4]).toBeCloseTo(0.4, 12);
  });
});

describe('layoutGrids: rows as wide as the box, left to right, whole pixels', () => {
  it('the seed network at 1300 px: four grids a row, each row on one baseline, every layer placed', () => {
    const sizes = [128, 128, 62, 31, 27, 25, 12, 10].map((side) => gridMetrics([side, side]));
    const layout = layoutGrids(sizes, 1300);
    expect(layout.grids).toHaveLength(8);
    for (const grid of layout.grids) {
      expect(Number.isInteger(grid.x)).toBe(true);
      expect(Number.isInteger(grid.y)).toBe(true);
      expect(grid.x + grid.width).toBeLessThanOrEqual(1300);
    }
    expect(layout.grids[4]!.x).toBe(GAP.gutter);
    // 31 x 31 has the widest margin (4 cells of 7.7 px), so the tallest grid of its row: the others stand lower, on its baseline
    expect(layout.grids[0]!.y).toBeGreaterThan(layout.grids[3]!.y);
    const bottom = (i: number) => layout.grids[i]!.y + layout.grids[i]!.height;
    expect(Math.abs(bottom(3) - bottom(0))).toBeLessThan(1);
    expect(layout.height).toBeGreaterThanOrEqual(bottom(7) + CAPTION_HEIGHT);
  });
  it('a box narrower than one grid still places it, alone in its row', () => {
    const layout = layoutGrids([gridMetrics([128, 128]), gridMetrics([64, 64])], 200);
    expect(layout.grids[1]!.x).toBe(GAP.gutter);
    expect(layout.grids[1]!.y).toBeGreaterThan(layout.grids[0]!.y + layout.grids[0]!.height);
  });
});
