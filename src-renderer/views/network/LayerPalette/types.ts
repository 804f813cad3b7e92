import type { LayerType } from '../../../../shared/core/network/spec';

export interface LayerPaletteProps {
  /** 1-based layer a pressed palette item is inserted after; 0 inserts at the end. */
  selected: number;
  /** Keyboard / click equivalent of dragging `type` into the stack. */
  onInsert: (type: LayerType) => void;
}
