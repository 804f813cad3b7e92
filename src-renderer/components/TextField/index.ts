export { default as TextField } from './TextField.svelte';
export type { TextFieldProps } from './types';
