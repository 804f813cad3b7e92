export { default as Slider } from './Slider.svelte';
export type { SliderProps } from './types';
