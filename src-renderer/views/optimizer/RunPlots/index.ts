export { default as RunPlots } from './RunPlots.svelte';
export type { PlottedRun, RunPlotsProps } from './types';
