export { default as Card } from './Card.svelte';
export type { CardProps } from './types';
