export { default as RunPanel } from './RunPanel.svelte';
export type { RunPanelProps, RunQuantity } from './types';
