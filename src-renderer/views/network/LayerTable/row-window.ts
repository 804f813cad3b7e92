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

/**
 * Calls `measure` now and after every scroll of `scroller` or resize of the window, at most
 * once a frame (layout reads on scroll, never on an edit). `capture` follows the scrolls of
 * every scroll container inside `scroller` too. Returns the cleanup.
 */
export function followScroll(scroller: EventTarget, measure: () => void, capture = false): () => void {
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      measure();
    });
  };
  schedule();
  scroller.addEventListener('scroll', schedule, { capture, passive: true });
  window.addEventListener('resize', schedule, { passive: true });
  return () => {
    scroller.removeEventListener('scroll', schedule, { capture });
    window.removeEventListener('resize', schedule);
    cancelAnimationFrame(frame);
  };
}
