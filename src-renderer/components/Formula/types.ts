export interface FormulaProps {
  /** LaTeX produced by the core (never user text); rendered with `trust: false`. */
  latex: string;
  /** Block (centred, larger) or inline. Default inline. */
  display?: boolean;
  /** Plain-text reading for screen readers and copy. */
  label?: string;
  testid?: string;
}
