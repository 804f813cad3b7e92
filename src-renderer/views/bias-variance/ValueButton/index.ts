export { default as ValueButton } from './ValueButton.svelte';
export type { ValueButtonProps } from './types';
