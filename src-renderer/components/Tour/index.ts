export { default as Tour } from './Tour.svelte';
export type { TourProps } from './types';
