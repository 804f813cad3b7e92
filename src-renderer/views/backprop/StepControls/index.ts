export { default as StepControls } from './StepControls.svelte';
export type { StepControlsProps } from './types';
