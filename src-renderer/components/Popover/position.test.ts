import { describe, expect, it } from 'vitest';
import { placePopover } from './position';

const viewport = { width: 1000, height: 700 };
const size = { width: 300, height: 200 };

describe('placePopover', () => {
  it('goes below the anchor, start-aligned (its left edge in left-to-right text, its right edge in right-to-left)', () => {
    const anchor = { left: 100, top: 100, width: 80, height: 30 };
    expect(placePopover(anchor, size, viewport, 'block-end', false)).toEqual({ left: 100, top: 136, maxHeight: null, placement: 'block-end' });
    expect(placePopover(anchor, size, viewport, 'block-end', true).left).toBe(8); // 180 - 300 < 8: kept inside
    const right = { left: 600, top: 100, width: 80, height: 30 };
    expect(placePopover(right, size, viewport, 'block-end', true).left).toBe(380);
  });

  it('flips above when there is no room below, and scrolls inside when neither side has room', () => {
    const low = { left: 100, top: 600, width: 80, height: 30 };
    expect(placePopover(low, size, viewport, 'block-end', false)).toMatchObject({ top: 394, placement: 'block-start', maxHeight: null });
    const tall = { width: 300, height: 900 };
    const middle = { left: 100, top: 300, width: 80, height: 30 };
    const result = placePopover(middle, tall, viewport, 'block-end', false);
    expect(result.placement).toBe('block-end');
    expect(result.maxHeight).toBe(700 - 8 - 336);
    expect(result.top).toBe(336);
  });

  it('beside the anchor: inline-end is the right in left-to-right text and the left in right-to-left, flipping at the edge', () => {
    const anchor = { left: 400, top: 100, width: 100, height: 30 };
    expect(placePopover(anchor, size, viewport, 'inline-end', false)).toMatchObject({ left: 506, placement: 'inline-end' });
    expect(placePopover(anchor, size, viewport, 'inline-end', true)).toMatchObject({ left: 94, placement: 'inline-end' });
    const nearRight = { left: 800, top: 100, width: 100, height: 30 };
    expect(placePopover(nearRight, size, viewport, 'inline-end', false)).toMatchObject({ left: 494, placement: 'inline-start' });
  });

  it('never leaves the viewport (margin 8) for any anchor position', () => {
    for (let x = -50; x <= 1050; x += 50) {
      for (let y = -50; y <= 750; y += 50) {
        for (const placement of ['block-end', 'block-start', 'inline-end', 'inline-start'] as const) {
          for (const rtl of [false, true]) {
            const placed = placePopover({ left: x, top: y, width: 60, height: 24 }, size, viewport, placement, rtl);
            const height = placed.maxHeight ?? size.height;
            expect(placed.left).toBeGreaterThanOrEqual(8);
            expect(placed.left + size.width).toBeLessThanOrEqual(992);
            expect(placed.top).toBeGreaterThanOrEqual(8);
            expect(placed.top + height).toBeLessThanOrEqual(692);
          }
        }
      }
    }
  });
});
