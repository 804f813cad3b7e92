import type { NetworkOverview, Quantity } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';

/** A number of a layer the user clicked, to explain. */
export interface CellRef {
  /** 1-based layer number */
  index: number;
  quantity: Quantity;
}

export interface LayerTableProps {
  /** The spec `summary` was computed from (rows, types and arguments come from it). */
  spec: NetworkSpec;
  summary: NetworkOverview;
  /** True while a newer spec is being computed: the table dims slightly. */
  stale: boolean;
  selectedCell: CellRef | null;
  /** 1-based layer in the editor, 0 for none. */
  editing: number;
  /** A number was clicked: `anchor` is its cell (the derivation popover opens next to it). */
  onSelectCell: (cell: CellRef, anchor: HTMLElement) => void;
  onEditLayer: (index: number) => void;
  /** 1-based layer hovered here or in the diagram (its row is marked), 0 for none. */
  hovered?: number;
  /** The pointer (or focus) entered layer `index`'s row; 0 when it left the rows. */
  onHoverLayer?: (index: number) => void;
  /** Project name for the caption. */
  name: string;
}
