export { default as OverfittingView } from './OverfittingView.svelte';
export type { OverfittingViewProps } from './types';
