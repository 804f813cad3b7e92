export { ENGINE_LOCALES, fill, mapNumbersIn, persianDigits, phrase, placeholdersOf, plainWriter, type EngineLocale, type EngineMessage, type MessageValues, type Phrasebook, type ValueWriter } from './phrase';
export { layerIssueBooks, phraseLayerIssue } from './layer-issues';
export { phraseProjectError, projectErrorBooks } from './project-errors';
export { expressionErrorBooks, phraseExpressionError, type ExpressionErrorMessage } from './expression-errors';
export { answerExpectedBooks, answerReasonBooks, phraseAnswerExpected, phraseAnswerReason } from './answer-reasons';
export { phraseSolveProblem, solveProblemBooks } from './solve-problems';
export { denseIssueBooks, phraseDenseIssue } from './dense-issues';
export { phraseTrainStop, trainStopBooks } from './train-stops';
export { optimizeErrorBooks, phraseOptimizeError } from './optimize-errors';
