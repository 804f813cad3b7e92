export { default as StepWork } from './StepWork.svelte';
export type { StepWorkProps } from './types';
