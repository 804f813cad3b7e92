import type { DerivationLike } from '../DerivationLines';
import type { PopoverPlacement } from '../Popover/position';

/** One derivation among several (a layer's numbers), with what it computes. */
export interface LabelledDerivation {
  /** "the parameter count" */
  label: string;
  derivation: DerivationLike;
  /** data-testid prefix of this one's lines; default `${request.testidPrefix}-${index}`. */
  testidPrefix?: string;
}

/** What `openDerivation` shows: a heading and the derivation(s), fetched when it opens. */
export interface DerivationRequest {
  /** "How it is computed: layer 2, the parameter count" */
  heading: string;
  /**
   * Fetches what to show (usually from the core: `network.explain`, a step's derivation).
   * `signal` aborts when the popover closes or another request replaces it. Resolve with
   * undefined (or an empty list) when there is none; a rejection shows its message.
   */
  load: (signal: AbortSignal) => Promise<DerivationLike | readonly LabelledDerivation[] | undefined>;
  /** data-testid of the popover (default "derivation-panel"); `${testid}` prefixes nothing else. */
  testid?: string;
  /** Prefix of the lines' hooks (`-formula`, `-substituted`, `-text`) and of the close button (`-close`); default "derivation". */
  testidPrefix?: string;
  /** Texts while loading and when there is nothing; defaults from the catalog. */
  loading?: string;
  unavailable?: string;
  /** Preferred side (default block-end: under the number, like a tooltip that stays). */
  placement?: PopoverPlacement;
  /** Inline size (default 28rem). */
  width?: string;
  /** Called once when this request's popover closes (Escape, outside click, close, or a newer request). */
  onClose?: () => void;
}

interface Open {
  id: number;
  anchor: HTMLElement | SVGElement;
  request: DerivationRequest;
}

let open: Open | null = $state.raw(null);
let nextId = 1;

/**
 * Shows how a number is computed in a popover anchored to `anchor` (the clicked cell), which
 * takes focus; Escape or a click elsewhere closes it and focus returns to the cell. One at a
 * time: a second call replaces the first (whose `onClose` runs). Needs `<DerivationPopoverHost />`
 * once in the app (App.svelte has it).
 *
 * @example
 * openDerivation(event.currentTarget, {
 *   heading: t('derivation.title', { index, quantity: quantityName(quantity) }),
 *   load: (signal) => network.explain(spec, index, signal).then((all) => all.find((each) => each.quantity === quantity)),
 *   onClose: () => (selected = null),
 * });
 */
export function openDerivation(anchor: HTMLElement | SVGElement, request: DerivationRequest): void {
  const previous = open;
  open = { id: nextId++, anchor, request };
  previous?.request.onClose?.();
}

/** Closes the open derivation popover, if any (focus returns to its anchor). */
export function closeDerivation(): void {
  const previous = open;
  open = null;
  previous?.request.onClose?.();
}

/** The open request (for the host). */
export function openDerivationRequest(): Open | null {
  return open;
}
