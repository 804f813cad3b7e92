export { default as ModelEditor } from './ModelEditor.svelte';
export type { ModelEditorProps } from './types';
