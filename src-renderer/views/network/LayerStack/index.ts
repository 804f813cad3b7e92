export { default as LayerStack } from './LayerStack.svelte';
export type { LayerStackProps } from './types';
