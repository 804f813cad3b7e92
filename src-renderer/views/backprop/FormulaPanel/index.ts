export { default as FormulaPanel } from './FormulaPanel.svelte';
export type { FormulaPanelProps } from './types';
