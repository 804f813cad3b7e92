export { default as DepthView } from './DepthView.svelte';
