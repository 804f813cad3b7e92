import type { Quantity } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';

export interface DerivationPanelProps {
  /** The spec the table shows (so the derivation matches the number clicked). */
  spec: NetworkSpec;
  /** 1-based layer */
  index: number;
  quantity: Quantity;
  onClose: () => void;
}
