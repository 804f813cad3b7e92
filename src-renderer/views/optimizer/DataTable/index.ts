export { default as DataTable } from './DataTable.svelte';
export type { DataTableProps } from './types';
export { parseCsv, type CsvResult } from './csv';
