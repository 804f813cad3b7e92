export { default as NetworkDiagram } from './NetworkDiagram.svelte';
export type { NetworkDiagramProps } from './types';
