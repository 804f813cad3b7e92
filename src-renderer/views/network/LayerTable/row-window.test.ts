import { describe, expect, it } from 'vitest';
import { visibleRows } from './row-window';

describe('visibleRows', () => {
  it('covers the viewport with overscan on both sides', () => {
    // 30 px rows, viewport from 300 to 600 px below the first row: rows 10..19 are visible.
    expect(visibleRows(200, 30, 300, 300, 5)).toEqual({ start: 5, end: 25 });
  });

  it('renders only the leading overscan while the table starts below the viewport', () => {
    // The first row is 300 px below the viewport's bottom: more than 4 rows away, nothing rendered.
    expect(visibleRows(200, 30, -1200, 900, 4)).toEqual({ start: 0, end: 0 });
    // 100 px below it: within the overscan, row 0 is rendered ahead of scrolling.
    expect(visibleRows(200, 30, -1000, 900, 4)).toEqual({ start: 0, end: 1 });
    // 60 px of the table visible: rows 0 and 1, plus 4 after.
    expect(visibleRows(200, 30, -840, 900, 4)).toEqual({ start: 0, end: 6 });
  });

  it('stays inside the rows at the end and past it', () => {
    expect(visibleRows(200, 30, 200 * 30 - 100, 900, 6)).toEqual({ start: 190, end: 200 });
    expect(visibleRows(200, 30, 50_000, 900, 6)).toEqual({ start: 200, end: 200 });
    expect(visibleRows(0, 30, 0, 900, 6)).toEqual({ start: 0, end: 0 });
  });

  it('treats a zero or unknown row height as 1 px instead of dividing by it', () => {
    expect(visibleRows(10, 0, 0, 5, 1)).toEqual({ start: 0, end: 6 });
    expect(visibleRows(10, Number.NaN, 3, 2, 0)).toEqual({ start: 3, end: 5 });
  });
});
