import type { IconName } from './icons';

export interface IconProps {
  name: IconName;
  /** Edge in px or any CSS length; default 1em (follows the text). */
  size?: number | string;
  /** Accessible name; without it the icon is decorative (aria-hidden), which is right inside a labelled button. */
  label?: string;
  /** Stroke width on the 24 px grid; default 2. */
  strokeWidth?: number;
}
