export { default as OptimizerView } from './OptimizerView.svelte';
export type { OptimizerViewProps } from './types';
