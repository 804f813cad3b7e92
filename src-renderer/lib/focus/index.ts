/**
 * Focus helpers for the overlays (SidePanel, Popover): what can take focus inside an element,
 * Tab kept inside it, and focus handed back to where it came from when the overlay closes.
 */

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
  '[contenteditable="true"]',
].join(',');

/** Elements inside `container` that Tab reaches, in document order (hidden ones left out). */
export function focusableWithin(container: Element): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.checkVisibility?.() ?? element.offsetParent !== null);
}

/**
 * Keeps Tab and Shift+Tab inside `container` (call from its keydown handler): from the last
 * focusable element Tab goes to the first, and the reverse.
 */
export function trapTab(event: KeyboardEvent, container: HTMLElement): void {
  if (event.key !== 'Tab') return;
  const focusable = focusableWithin(container);
  if (focusable.length === 0) {
    event.preventDefault();
    container.focus();
    return;
  }
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === container)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

/** The element to give focus back to later: the focused one now, or `fallback` when focus is on the page itself. */
export function captureOpener(fallback?: HTMLElement | null): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) return active;
  return fallback ?? null;
}

/**
 * Gives focus back to `opener` after an overlay closed, if it is still on the page and focus
 * was inside the overlay or nowhere (a click elsewhere that moved focus keeps it there).
 */
export function restoreFocus(opener: HTMLElement | null, overlay: HTMLElement | null): void {
  const active = document.activeElement;
  const focusWasOurs = !active || active === document.body || (overlay !== null && overlay.contains(active));
  if (!focusWasOurs || !opener?.isConnected) return;
  opener.focus({ preventScroll: true });
}
