import type { Snippet } from 'svelte';
import type { PopoverPlacement } from './position';

/**
 * A panel anchored to an element (a clicked table cell, a diagram block), in the top layer so
 * no scroll container clips it (issue 10, requirement 2). Render it while open
 * (`{#if anchor}<Popover {anchor} …/>{/if}`): mounting opens it, unmounting closes it.
 *
 * - Placed on the `placement` side of the anchor, flipped or shifted to stay in the window,
 *   and kept next to the anchor while the page scrolls or resizes.
 * - Takes focus (the popover itself, named by `label`); Tab stays inside (`trapFocus`).
 * - Escape, a click outside (unless on the anchor) and the owner's close call `onClose`;
 *   focus then returns to the element that had it (the anchor when it was clicked).
 */
export interface PopoverProps {
  anchor: HTMLElement | SVGElement;
  onClose: () => void;
  /** Accessible name (e.g. the heading shown inside). */
  label: string;
  /** Preferred side: block-end (below, default), block-start, inline-end, inline-start. */
  placement?: PopoverPlacement;
  /** Inline size, CSS length; default 26rem (never wider than the window). */
  width?: string;
  /** Keep Tab inside the popover (default true). */
  trapFocus?: boolean;
  children: Snippet;
  testid?: string;
}
