import type { HTMLInputAttributes } from 'svelte/elements';

/** A labelled text input with a hint and an error line; every <input> attribute passes through. */
export interface TextFieldProps extends Omit<HTMLInputAttributes, 'value' | 'size'> {
  label: string;
  /** Bindable. */
  value?: string;
  /** Shown under the field (and its accessible description). */
  hint?: string;
  /** Shown under the field in the danger colour; sets aria-invalid. */
  error?: string | null;
  /** Keeps the label for assistive technology only (a field whose column header labels it). */
  hideLabel?: boolean;
  /** sm: 28 px, in tables and toolbars; md (default): 34 px. */
  size?: 'sm' | 'md';
  /** Lays the label beside the field instead of above it. */
  inline?: boolean;
  testid?: string;
  element?: HTMLInputElement | null;
}
