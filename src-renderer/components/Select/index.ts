export { default as Select } from './Select.svelte';
export type { SelectOption, SelectProps } from './types';
