/**
 * The colour key of a diverging or sequential scale (lib/viz/color.ts): a bar with its ends
 * and (diverging) its centre labelled, zero always in the middle, the words "negative" /
 * "positive" under the ends so the sign never rests on colour alone. Left to right in every
 * language, like the plots and grids it explains.
 */
export interface LegendProps {
  /** What the colours encode ("Gradient ∂L/∂x"), shown and used in the accessible name. */
  label: string;
  /** diverging (default): -maxAbs … 0 … +maxAbs; sequential: min … max. */
  kind?: 'diverging' | 'sequential';
  /** The diverging scale's end (the largest |value| shown). */
  maxAbs?: number;
  min?: number;
  max?: number;
  /** Number text of the end labels; default lib/i18n formatDecimal with 3 decimals. */
  format?: (value: number) => string;
  /** Hides the label line (a caption next to it says it). */
  hideLabel?: boolean;
  testid?: string;
}
