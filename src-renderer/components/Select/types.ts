import type { HTMLSelectAttributes } from 'svelte/elements';

export interface SelectOption<V extends string = string> {
  value: V;
  label: string;
  disabled?: boolean;
  /** lang / dir of an option written in its own language (the language switch). */
  lang?: string;
  dir?: 'ltr' | 'rtl';
}

/** A labelled native <select> (native: keyboard, screen readers and touch for free) in the primitives' look. */
export interface SelectProps<V extends string = string> extends Omit<HTMLSelectAttributes, 'value' | 'size' | 'onchange'> {
  label: string;
  /** Bindable. */
  value?: V;
  options: readonly SelectOption<V>[];
  /** Called with the chosen value. */
  onChange?: (value: V) => void;
  hideLabel?: boolean;
  /** Label beside the select (toolbars) instead of above it. */
  inline?: boolean;
  size?: 'sm' | 'md';
  testid?: string;
}
