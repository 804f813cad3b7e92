/** Reads a colour from the CSS variables of src-renderer/app.css (light or dark, whichever is active). */
export function cssColor(node: Element, name: string, fallback: string): string {
  const value = getComputedStyle(node).getPropertyValue(name).trim();
  return value || fallback;
}
