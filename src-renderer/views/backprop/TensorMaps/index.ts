export { default as TensorMaps } from './TensorMaps.svelte';
export type { TensorMapsProps } from './types';
