export { default as CaseEditor } from './CaseEditor.svelte';
export type { CaseEditorProps } from './types';
