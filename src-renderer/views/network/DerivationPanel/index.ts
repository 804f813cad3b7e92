export { default as DerivationPanel } from './DerivationPanel.svelte';
export type { DerivationPanelProps } from './types';
