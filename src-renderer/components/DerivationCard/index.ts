export { default as DerivationCard } from './DerivationCard.svelte';
export type { DerivationCardProps } from './types';
