export { default as NetworkView } from './NetworkView.svelte';
export type { NetworkViewProps } from './types';
