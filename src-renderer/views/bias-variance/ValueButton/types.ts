/** A number the core computed, shown rounded and opening its derivation when clicked. */
export interface ValueButtonProps {
  value: number;
  /** The accessible name: what the number is ("variance, degree 3"). */
  label: string;
  onOpen: (anchor: HTMLElement) => void;
  /** The number as shown (default: four significant digits). */
  text?: string;
  /** Inside a sentence: less padding, so it sits in the line like a word. */
  inline?: boolean;
  /** Larger type (the chosen model's summary). */
  large?: boolean;
  testid?: string;
}
