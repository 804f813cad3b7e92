/** Where a popover goes relative to its anchor, in the reading direction's terms. */
export type PopoverPlacement = 'block-end' | 'block-start' | 'inline-end' | 'inline-start';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placed {
  left: number;
  top: number;
  /** Set when the popover is taller than the room it has: it scrolls inside this height. */
  maxHeight: number | null;
  /** The side actually used (after flipping to stay in the viewport). */
  placement: PopoverPlacement;
}

/**
 * Places a popover of `size` next to `anchor` inside a `viewport` (all in viewport pixels):
 * on the preferred side when it fits, else the opposite side, else whichever has more room,
 * then moved along the other axis (and, if it must, across) to stay `margin` inside the
 * viewport. Block placements start-align with the anchor: its left edge in left-to-right
 * text, its right edge in right-to-left text.
 */
export function placePopover(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }, preferred: PopoverPlacement, rtl: boolean, gap = 6, margin = 8): Placed {
  const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));
  const anchorRight = anchor.left + anchor.width;
  const anchorBottom = anchor.top + anchor.height;

  if (preferred === 'block-end' || preferred === 'block-start') {
    const below = viewport.height - margin - (anchorBottom + gap);
    const above = anchor.top - gap - margin;
    const wantBelow = preferred === 'block-end';
    const fitsPreferred = (wantBelow ? below : above) >= size.height;
    const fitsOther = (wantBelow ? above : below) >= size.height;
    const useBelow = fitsPreferred ? wantBelow : fitsOther ? !wantBelow : below >= above;
    const room = useBelow ? below : above;
    const height = Math.min(size.height, Math.max(room, 0));
    const maxHeight = size.height > room ? Math.max(room, 0) : null;
    const top = useBelow ? anchorBottom + gap : anchor.top - gap - height;
    const startLeft = rtl ? anchorRight - size.width : anchor.left;
    return {
      left: clamp(startLeft, margin, viewport.width - margin - size.width),
      top: clamp(top, margin, viewport.height - margin - height),
      maxHeight,
      placement: useBelow ? 'block-end' : 'block-start',
    };
  }

  // Beside the anchor: inline-end is the right in left-to-right text.
  const right = viewport.width - margin - (anchorRight + gap);
  const left = anchor.left - gap - margin;
  const wantRight = (preferred === 'inline-end') !== rtl;
  const fitsPreferred = (wantRight ? right : left) >= size.width;
  const fitsOther = (wantRight ? left : right) >= size.width;
  const useRight = fitsPreferred ? wantRight : fitsOther ? !wantRight : right >= left;
  const x = useRight ? anchorRight + gap : anchor.left - gap - size.width;
  const room = viewport.height - 2 * margin;
  const maxHeight = size.height > room ? room : null;
  const height = Math.min(size.height, room);
  return {
    left: clamp(x, margin, viewport.width - margin - size.width),
    top: clamp(anchor.top, margin, viewport.height - margin - height),
    maxHeight,
    placement: useRight !== rtl ? 'inline-end' : 'inline-start',
  };
}
