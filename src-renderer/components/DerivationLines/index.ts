export { default as DerivationLines } from './DerivationLines.svelte';
export type { DerivationLike, DerivationLinesProps } from './types';
