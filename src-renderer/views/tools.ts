import type { Component } from 'svelte';
import type { MessageKey } from '../lib/i18n';
import { NetworkView } from './network';
import { ReceptiveFieldView } from './receptive-field';
import { BackpropView } from './backprop';
import { OptimizerView } from './optimizer';

/** One tool of the app: a tab in the tool bar and the view it shows. */
export interface ToolEntry {
  /** Stable id, used in test ids and the URL hash. */
  id: string;
  label: Extract<MessageKey, `tool.${string}`>;
  view: Component;
}

/** The tools, in tab order. A new tool adds its entry here. */
export const TOOLS: readonly ToolEntry[] = [
  { id: 'network', label: 'tool.network', view: NetworkView },
  { id: 'receptive-field', label: 'tool.receptive-field', view: ReceptiveFieldView },
  { id: 'backprop', label: 'tool.backprop', view: BackpropView },
  { id: 'optimizer', label: 'tool.optimizer', view: OptimizerView },
];
