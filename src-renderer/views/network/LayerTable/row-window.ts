/** Rows [start, end) of a windowed table (0-based, end exclusive). */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * The rows to render so that the viewport is covered, plus `overscan` rows on each side.
 * `viewTop` is the viewport's top edge measured from the first row's top (negative while
 * the table starts below the viewport's top), `rowHeight` the rows' average height (px).
 */
export function visibleRows(count: number, rowHeight: number, viewTop: number, viewHeight: number, overscan: number): RowWindow {
  const height = rowHeight > 0 && Number.isFinite(rowHeight) ? rowHeight : 1;
  const clamp = (value: number, low: number) => Math.min(count, Math.max(low, value));
  const start = clamp(Math.floor(viewTop / height) - overscan, 0);
  const end = clamp(Math.ceil((viewTop + Math.max(0, viewHeight)) / height) + overscan, start);
  return { start, end };
}
