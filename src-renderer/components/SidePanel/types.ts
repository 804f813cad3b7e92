import type { Snippet } from 'svelte';

/**
 * A panel that slides in from the inline end (the right in English, the left in Persian) and
 * takes focus (issue 10, requirement 2; STYLE.md 17). Render it while it is open
 * (`{#if open}<SidePanel …/>{/if}`): mounting opens it, unmounting closes it.
 *
 * - On open, focus moves into it (`initialFocus`, else the panel itself, named by its title).
 * - Escape, the close button and (modal) a click on the backdrop call `onClose`.
 * - On close, focus returns to the element that had it when the panel opened (the opener).
 * - `modal` (default): the page behind is inert and Tab stays inside (native <dialog>.showModal()).
 *   `modal={false}`: a drawer over the page that leaves the page usable (Tab can leave it).
 */
export interface SidePanelProps {
  title: string;
  onClose: () => void;
  subtitle?: string;
  modal?: boolean;
  /** sm 22rem, md 30rem (default), lg 42rem; never wider than the window. */
  size?: 'sm' | 'md' | 'lg';
  /** Buttons in the header, before the close button. */
  actions?: Snippet;
  children: Snippet;
  /** A row fixed at the bottom (e.g. Apply / Cancel). */
  footer?: Snippet;
  /** CSS selector of the element inside to focus on open. */
  initialFocus?: string;
  testid?: string;
  /**
   * Docked: drawn in its place in the page instead of over the window. It fills its nearest
   * positioned container (the owner sizes and places that box, e.g. a grid cell beside the
   * numbers it explains), is never modal, and covers neither the app header nor the toolbar.
   */
  docked?: boolean;
  /** Docked only: the edge it slides in from (default end). */
  side?: 'start' | 'end';
  /**
   * Opened again while open (e.g. the layer editor asked for another layer): each new value
   * takes the element that has focus now as the opener, and moves focus in as on open.
   */
  reopen?: number;
}
