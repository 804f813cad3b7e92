export { default as BackpropView } from './BackpropView.svelte';
export type { BackpropViewProps } from './types';
