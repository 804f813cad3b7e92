import type { TensorName } from '../../../../shared/core/backprop/types';

export interface TensorMapsProps {
  /** Heading shown above the maps. */
  label: string;
  /** Names the cells' test ids (`cell-<tensor>-<i>-<j>…`) and the highlight lookup. */
  tensor: TensorName;
  /** [rows, cols], [maps, rows, cols] or [f, c, rows, cols]. */
  shape: readonly number[];
  data: ArrayLike<number>;
  /** Flat index → CSS class (current, operand, operand-b, winner, won). */
  highlight?: Readonly<Record<number, string>> | undefined;
  /** Flat index of the cell whose formula is open. */
  selected?: number | null;
  /** Cells with an error (flat index → message). */
  errors?: Readonly<Record<number, string>>;
  /** Editable cells call this with a valid number; text that is not a number stays in the cell, marked. */
  onEdit?: (at: number, value: number) => void;
  onSelect?: (at: number) => void;
  /** Cells shown (flat index below it); the rest are drawn empty, not yet computed. Default: all. */
  shown?: number;
  /** The diverging colour scale's end (lib/viz/color.ts); cells are coloured by value when set. */
  maxAbs?: number | undefined;
  /** Caption of each 2-D map from its leading index ([f] or [f, c]). */
  mapLabel?: (lead: number[]) => string;
}
