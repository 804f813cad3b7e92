export { default as LayerPalette } from './LayerPalette.svelte';
export type { LayerPaletteProps } from './types';
