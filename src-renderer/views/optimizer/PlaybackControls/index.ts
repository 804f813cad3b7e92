export { default as PlaybackControls } from './PlaybackControls.svelte';
export type { PlaybackControlsProps } from './types';
