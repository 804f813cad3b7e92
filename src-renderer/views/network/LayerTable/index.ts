export { default as LayerTable } from './LayerTable.svelte';
export type { CellRef, LayerTableProps } from './types';
