export interface NumberFieldProps {
  /** The stored value (shown unless the field holds an edit in progress). */
  value: number;
  label: string;
  /** Called with each valid number typed; invalid text stays in the field, marked, and is not committed. */
  onCommit: (value: number) => void;
  /** Accept whole numbers only. */
  integer?: boolean;
  /** Smallest accepted value. */
  min?: number;
  /** Largest accepted value. */
  max?: number;
  /** Values must be greater than this (a learning rate > 0). */
  above?: number;
  /** Values must be less than this (a momentum < 1). */
  below?: number;
  /** Hide the label visually (it stays for screen readers). */
  hideLabel?: boolean;
  testid?: string;
}
