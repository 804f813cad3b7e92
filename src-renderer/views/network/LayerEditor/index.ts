export { default as LayerEditor } from './LayerEditor.svelte';
export type { LayerEditorProps } from './types';
export { defaultLayer, LAYER_FIELDS, parseField, parseShape } from './fields';
export { default as InputShapeField } from './InputShapeField.svelte';
