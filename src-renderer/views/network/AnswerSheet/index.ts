export { default as AnswerSheet } from './AnswerSheet.svelte';
export type { AnswerSheetProps } from './types';
