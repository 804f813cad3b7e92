export { default as PlaybackBar } from './PlaybackBar.svelte';
export type { PlaybackBarProps } from './types';
