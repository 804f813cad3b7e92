export { default as WidthsField } from './WidthsField.svelte';
export type { WidthsFieldProps } from './types';
