export { default as ReceptiveFieldView } from './ReceptiveFieldView.svelte';
export type { ReceptiveFieldViewProps } from './types';
