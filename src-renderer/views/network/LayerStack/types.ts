import type { NetworkOverview } from '../../../../shared/core/network/info';
import type { NetworkSpec } from '../../../../shared/core/network/spec';
import type { BuilderState } from '../../../lib/state/builder.svelte';

export interface LayerStackProps {
  spec: NetworkSpec;
  /** Latest summary (may describe a slightly older spec while the core computes). */
  summary: NetworkOverview | null;
  /** 1-based selected layer, 0 for none. */
  selected: number;
  onSelect: (index: number) => void;
  /** A layer was pressed (click, Enter): open its inspector. */
  onOpen?: (index: number) => void;
  builder: BuilderState;
}
