export interface NumberFieldProps {
  label: string;
  /** The number shown while nothing is being typed (written in the current digits, exactly). */
  value: number;
  /**
   * Called with each valid number as it is typed (read by lib/i18n parseNumber: Persian and
   * Arabic-Indic digits, ٫ decimals). An invalid text is kept in the field with its message, never lost.
   */
  onCommit: (value: number) => void;
  integer?: boolean;
  /** Inclusive bounds. */
  min?: number;
  max?: number;
  /** Exclusive bounds (e.g. a learning rate above 0). */
  above?: number;
  below?: number;
  hint?: string;
  /** Replaces the message shown for an invalid text. */
  invalidMessage?: string;
  hideLabel?: boolean;
  size?: 'sm' | 'md';
  inline?: boolean;
  /** Called when the field loses focus (e.g. to seal an undo step). */
  onblur?: () => void;
  disabled?: boolean;
  testid?: string;
}
