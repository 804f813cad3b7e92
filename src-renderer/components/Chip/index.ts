export { default as Chip } from './Chip.svelte';
export type { ChipProps } from './types';
