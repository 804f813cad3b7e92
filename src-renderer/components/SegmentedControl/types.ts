import type { IconName } from '../Icon';

export interface SegmentOption<V extends string = string> {
  value: V;
  label: string;
  icon?: IconName;
  testid?: string;
}

/**
 * One choice out of a few, all visible (a radio group drawn as joined buttons): arrow keys
 * move and choose (mirrored in right-to-left text), one tab stop for the group.
 */
export interface SegmentedControlProps<V extends string = string> {
  /** Accessible name of the group (and its visible label unless `hideLabel`). */
  label: string;
  options: readonly SegmentOption<V>[];
  value: V;
  onChange: (value: V) => void;
  hideLabel?: boolean;
  /** Icons only (each option's label becomes its accessible name and tooltip). */
  iconOnly?: boolean;
  size?: 'sm' | 'md';
  testid?: string;
}
