export interface WidthsFieldProps {
  label: string;
  widths: number[];
  /** Called with each valid list as it is typed; an invalid text stays in the field with its message. */
  onCommit: (widths: number[]) => void;
  hint?: string;
  disabled?: boolean;
  testid?: string;
}
