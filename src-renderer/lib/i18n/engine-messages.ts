import type { DenseIssue } from '../../../shared/core/dense/issues';
import type { TrainStopCode } from '../../../shared/messages/en-train-stops';
import type { FieldError } from '../../../shared/core/optim/run';
import type { AnswerMark } from '../../../shared/core/network/answers';
import type { LayerIssue } from '../../../shared/core/network/info';
import type { SolveResult } from '../../../shared/core/network/solve';
import type { ProjectError } from '../../../shared/project/project';
import type { SchemaIssue } from '../../../shared/protocol/schema-issues';
import { phraseSchemaIssue } from '../../../shared/messages/index';
import { phraseBackpropIssue, phraseBackpropIssueBody, type BackpropIssueMessage } from '../../../shared/messages/index';
import { mapNumbersIn, phraseAnswerExpected, phraseAnswerReason, phraseDenseIssue, phraseExpressionError, phraseLayerIssue, phraseOptimizeError, phraseProjectError, phraseSolveProblem, phraseTrainStop, type EngineMessage, type ExpressionErrorMessage, type ValueWriter } from '../../../shared/messages/index';
import { getLocale, isolate, numberLocale, formatExact } from './locale.svelte';
import { numberSymbols } from './number-format';

/**
 * The one place the renderer phrases engine messages: the core, the project reader and the
 * parsers send a code with values, and shared/messages phrases it in the current language
 * (the CLI phrases the same codes through the same phrasebooks). Values are written as t()
 * writes its params: numbers in the current digits, every value bidi-isolated in Persian.
 */

/**
 * Digits of the numbers inside a value's text ("[3, -1]", "5x3", "9.007e+15") in the current
 * digits; a digit inside a word (conv2d, dropout2d) is part of a name and stays.
 */
export function localizeNumbersIn(text: string): string {
  const symbols = numberSymbols(numberLocale());
  if (symbols.digits[0] === '0' && symbols.decimal === '.') return text;
  return mapNumbersIn(text, (number) => {
    let result = '';
    for (const char of number) {
      if (char >= '0' && char <= '9') result += symbols.digits[char.charCodeAt(0) - 48];
      else if (char === '.') result += symbols.decimal;
      else if (char === '-') result += symbols.minus;
      else result += char;
    }
    return result;
  });
}

/** How the renderer writes a value into an engine message. */
export const writeEngineValue: ValueWriter = (value) => isolate(typeof value === 'number' ? formatExact(value) : localizeNumbersIn(value));

/** A layer issue in the current language; `prefix: false` where the place already names the layer. */
export function layerIssueText(issue: Pick<LayerIssue, 'code' | 'values' | 'field' | 'message'>, prefix = true): string {
  return phraseLayerIssue(getLocale(), issue, writeEngineValue, prefix);
}

/** Why a project file did not open, in the current language. */
export function projectErrorText(error: Pick<ProjectError, 'code' | 'values' | 'message'>): string {
  return phraseProjectError(getLocale(), error, writeEngineValue);
}

/** Why a model does not parse (the optimizer's model field), in the current language, with where it is. */
export function expressionErrorText(error: ExpressionErrorMessage): string {
  return phraseExpressionError(getLocale(), error, writeEngineValue);
}

/** Why an answer is marked as it is (the answer sheet, the receptive-field growth notes), in the current language. */
export function answerReasonText(mark: Pick<AnswerMark, 'code' | 'values' | 'reason'>): string {
  return phraseAnswerReason(getLocale(), mark, writeEngineValue);
}

/** The engine's value an answer mark expected, in the current language. */
export function answerExpectedText(mark: Pick<AnswerMark, 'expected' | 'expectedMessage'>): string {
  return phraseAnswerExpected(getLocale(), mark, writeEngineValue);
}

/** Why the settings solver searched nothing, in the current language. */
export function solveProblemText(result: Pick<SolveResult, 'problem' | 'problemMessage'>): string {
  return phraseSolveProblem(getLocale(), result, writeEngineValue);
}

/** A dense-engine issue (the overfitting lab's settings), without its field, in the current language. */
export function denseIssueText(issue: Pick<DenseIssue, 'code' | 'values' | 'message'>): string {
  return phraseDenseIssue(getLocale(), issue, writeEngineValue);
}

/** Why a training run stopped (the overfitting lab, gradient flow), in the current language; `fallback` is the core's English. */
export function trainStopText(message: EngineMessage<TrainStopCode> | null | undefined, fallback: string): string {
  return phraseTrainStop(getLocale(), message, writeEngineValue, fallback);
}

/** An optimizer check (model, params, data, epochs) in the current language. */
export function optimizeErrorText(error: Pick<FieldError, 'problem' | 'message'>): string {
  return phraseOptimizeError(getLocale(), error, writeEngineValue);
}

/**
 * What is wrong with a field or cell of a backprop case, in the current language, after its
 * path (`input[0][2]: …`, the case's own field names, isolated); `path: false` for a place
 * that already names the cell (a cell's tooltip).
 */
export function backpropIssueText(issue: BackpropIssueMessage, path = true): string {
  if (!path && issue.code) return phraseBackpropIssueBody(getLocale(), { code: issue.code, values: issue.values ?? {}, message: issue.message }, writeEngineValue);
  return phraseBackpropIssue(getLocale(), issue, writeEngineValue, isolate);
}

/**
 * A refusal of a document's schema (a network spec pasted as JSON, a refused value of a
 * project file), in the current language, as the schema's message has it; field names,
 * paths and layer type ids isolated as typed.
 */
export function schemaIssueText(issue: Pick<SchemaIssue, 'message' | 'coded'>): string {
  return phraseSchemaIssue(getLocale(), issue, writeEngineValue, isolate);
}

/**
 * Why a project file did not open, in the current language, as projectErrorText writes it,
 * with the field names and paths of a file refused for its content isolated (so a Persian
 * line keeps `tools.overfitting.noise` and `input[1]` whole and in place).
 */
export function projectFileErrorText(error: Pick<ProjectError, 'code' | 'values' | 'message' | 'issues'>): string {
  return phraseProjectError(getLocale(), error, writeEngineValue, isolate);
}
