export { default as LabLayout } from './LabLayout.svelte';
export { linePlot } from './plot.svelte';
export type { LabLayoutProps } from './types';
