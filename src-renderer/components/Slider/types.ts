/** A range slider with its value read out live beside the label (the labs' parameters). */
export interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Default 1; "any" for continuous. */
  step?: number | 'any';
  /** Called on every movement (input), not only on release. */
  onChange: (value: number) => void;
  /** The readout; default: lib/i18n formatDecimal with 3 decimals (the current digits). */
  format?: (value: number) => string;
  hint?: string;
  disabled?: boolean;
  /**
   * Direction of the track: the page's by default (mirrored in Persian, as a setting is); "ltr" when
   * the slider stands for a plot's x axis (a degree, a feature count), which never mirrors.
   */
  dir?: 'ltr' | 'rtl';
  testid?: string;
}
