export { default as Sentence } from './Sentence.svelte';
export { slot, sentenceParts, type SentencePart } from './sentence';
export type { SentenceNumber, SentenceProps } from './types';
