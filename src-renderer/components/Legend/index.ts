export { default as Legend } from './Legend.svelte';
export type { LegendProps } from './types';
