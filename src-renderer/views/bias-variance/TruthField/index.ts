export { default as TruthField } from './TruthField.svelte';
export type { TruthFieldProps } from './types';
