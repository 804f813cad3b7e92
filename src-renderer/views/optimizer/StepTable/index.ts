export { default as StepTable } from './StepTable.svelte';
export type { StepCell, StepTableProps, Trace } from './types';
