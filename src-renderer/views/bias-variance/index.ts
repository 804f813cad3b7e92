export { default as BiasVarianceView } from './BiasVarianceView.svelte';
export type { BiasVarianceViewProps } from './types';
