export { default as StartView } from './StartView.svelte';
export { QUESTION_CARDS, sameData, type Exercise, type QuestionCard } from './questions';
