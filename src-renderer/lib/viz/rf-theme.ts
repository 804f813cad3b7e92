/** Reads a colour from the CSS variables of src-renderer/app.css (light or dark, whichever is active). */
export function cssColor(node: Element, name: string, fallback: string): string {
  const value = getComputedStyle(node).getPropertyValue(name).trim();
  return value || fallback;
}

/**
 * The theme's colours as a drawing reads them, each read once (getComputedStyle forces a style
 * recalculation, too slow for every animation frame); `forget` before a full redraw, as after
 * the appearance changed.
 */
export function themeColors(node: Element): { get(name: string, fallback: string): string; forget(): void } {
  const known = new Map<string, string>();
  return {
    get(name, fallback) {
      let value = known.get(name);
      if (value === undefined) {
        value = cssColor(node, name, fallback);
        known.set(name, value);
      }
      return value;
    },
    forget: () => known.clear(),
  };
}
