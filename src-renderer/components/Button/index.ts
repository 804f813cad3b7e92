export { default as Button } from './Button.svelte';
export type { ButtonProps, ButtonSize, ButtonVariant } from './types';
