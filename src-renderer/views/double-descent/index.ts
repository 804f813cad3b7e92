export { default as DoubleDescentView } from './DoubleDescentView.svelte';
export type { DoubleDescentViewProps } from './types';
