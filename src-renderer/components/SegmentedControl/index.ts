export { default as SegmentedControl } from './SegmentedControl.svelte';
export type { SegmentedControlProps, SegmentOption } from './types';
