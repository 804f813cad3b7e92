export { default as Formula } from './Formula.svelte';
export type { FormulaProps } from './types';
export { katexAttachment } from './katex';
