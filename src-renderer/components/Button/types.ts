import type { Snippet } from 'svelte';
import type { HTMLButtonAttributes } from 'svelte/elements';
import type { IconName } from '../Icon';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

/**
 * Every attribute of <button> passes through (onclick, disabled, aria-*, data-*, title);
 * `type` defaults to "button" (never an accidental submit).
 */
export interface ButtonProps extends Omit<HTMLButtonAttributes, 'children'> {
  /** primary: the one main action of a region; secondary (default): others; ghost: quiet, in toolbars and rows; danger: destroys something. */
  variant?: ButtonVariant;
  /** sm (default): 28 px, toolbars and rows; md: 34 px, forms and dialogs. */
  size?: ButtonSize;
  /** An icon before the label (mirrored in right-to-left text when it points along the reading direction). */
  icon?: IconName;
  /** Icon only: the label becomes the accessible name and the tooltip (`label` is then required). */
  iconOnly?: boolean;
  /** The accessible name and text; or use `children`. */
  label?: string;
  /** A toggle button: sets aria-pressed and the pressed look. */
  pressed?: boolean;
  /** The button fills its container's inline size. */
  block?: boolean;
  testid?: string;
  /** Element reference, for focus and popover anchors. */
  element?: HTMLButtonElement | null;
  children?: Snippet;
}
