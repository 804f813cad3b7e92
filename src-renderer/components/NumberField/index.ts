export { default as NumberField } from './NumberField.svelte';
export type { NumberFieldProps } from './types';
