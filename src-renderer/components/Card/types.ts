import type { Snippet } from 'svelte';

/** A region of a view: a surface with an optional heading row (heading, subtitle, actions). */
export interface CardProps {
  heading?: string;
  /** Heading level in the page outline (default 2). */
  level?: 2 | 3 | 4;
  /** A short line under the heading. */
  subtitle?: string;
  /** Buttons at the inline end of the heading row. */
  actions?: Snippet;
  children?: Snippet;
  /** md (default): 16 px inside; sm: 12 px; none: content to the edges (tables). */
  padding?: 'none' | 'sm' | 'md';
  /** Fills its container's block size and lets its body scroll (panes of a fixed-height layout). */
  fill?: boolean;
  /** Element: section (default, labelled by its heading) or div. */
  as?: 'section' | 'div';
  testid?: string;
  /** Extra class on the root, for a view's layout. */
  class?: string;
}
