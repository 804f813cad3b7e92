import type { NetworkOverview } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';

export interface NetworkDiagramProps {
  spec: NetworkSpec;
  summary: NetworkOverview;
  /** 1-based selected layer, 0 for none. */
  selected: number;
  /** A block was clicked; `block` anchors its arithmetic. */
  onSelect: (index: number, block: SVGGElement) => void;
  /** 1-based layer hovered in the table or here (its block is marked), 0 for none. */
  highlighted?: number;
  onHover?: (index: number) => void;
  /** File name stem for downloads. */
  name: string;
}
