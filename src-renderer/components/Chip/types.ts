import type { HTMLButtonAttributes } from 'svelte/elements';

/**
 * A draggable chip (the layer palette): looks like something to pick up (a grip, a raised
 * pill, the grab cursor), and is a button too, so a click or Enter does the same as a drop.
 * Every <button> attribute passes through (ondragstart, onclick, aria-*, data-*).
 */
export interface ChipProps extends Omit<HTMLButtonAttributes, 'children'> {
  label: string;
  /** A second, quieter text after the label (e.g. a layer's category or default arguments). */
  detail?: string;
  /** A swatch before the label: a token name such as "--accent" (the chip's category colour). */
  swatch?: `--${string}`;
  /** Draggable (default true): shows the grip. */
  draggable?: boolean;
  /** A selected chip (e.g. a filter that is on). */
  selected?: boolean;
  testid?: string;
}
