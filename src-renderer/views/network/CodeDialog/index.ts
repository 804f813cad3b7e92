export { default as CodeDialog } from './CodeDialog.svelte';
export type { CodeDialogProps } from './types';
