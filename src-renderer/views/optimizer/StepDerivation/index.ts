export { default as StepDerivation } from './StepDerivation.svelte';
export type { StepDerivationProps } from './types';
