export { default as GradientFlowView } from './GradientFlowView.svelte';
