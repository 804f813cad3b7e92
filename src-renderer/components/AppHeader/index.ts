export { default as AppHeader } from './AppHeader.svelte';
export type { AppHeaderProps } from './types';
