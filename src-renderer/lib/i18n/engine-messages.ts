import type { DenseIssue } from '../../../shared/core/dense/issues';
import type { TrainStopCode } from '../../../shared/messages/en-train-stops';
import type { FieldError, OptimizeStop } from '../../../shared/core/optim/run';
import type { CodeError, ExportNote, ExportResult } from '../../../shared/core/network/codegen/types';
import type { AnswerMark } from '../../../shared/core/network/answers';
import type { LayerIssue } from '../../../shared/core/network/info';
import type { SolveResult } from '../../../shared/core/network/solve';
import type { ProjectError } from '../../../shared/project/project';
import { phraseBackpropIssue, phraseBackpropIssueBody, type BackpropIssueMessage } from '../../../shared/messages/index';
import { mapNumbersIn, phraseAnswerExpected, phraseCodeProblem, phraseExportFailure, phraseExportNote, phraseOptimizeStop, phraseAnswerReason, phraseDenseIssue, phraseExpressionError, phraseLayerIssue, phraseOptimizeError, phraseProjectError, phraseSolveProblem, phraseTrainStop, type EngineMessage, type ExpressionErrorMessage, type ValueWriter } from '../../../shared/messages/index';
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
 * digits; digits after a letter are part of a name and stay (conv2d, x1, p59), as shared/messages
 * mapNumbersIn reads them.
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

/** How the renderer writes a value into an engine message; a value the phrasebook calls a name (x1, conv2d) is written as typed. */
export const writeEngineValue: ValueWriter = (value, _name, kind) =>
  isolate(kind === 'name' ? String(value) : typeof value === 'number' ? formatExact(value) : localizeNumbersIn(value));

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

/** A code importer's problem (the code dialog; its line is placed by the caller) in the current language. */
export function codeProblemText(problem: Pick<CodeError, 'code' | 'values' | 'message'>): string {
  return phraseCodeProblem(getLocale(), problem, writeEngineValue);
}

/** A note of the Keras export (what Keras cannot express) in the current language. */
export function exportNoteText(note: ExportNote): string {
  return phraseExportNote(getLocale(), note, writeEngineValue);
}

/** Why an export wrote nothing (a network that does not compute), in the current language. */
export function exportFailureText(failure: Extract<ExportResult, { ok: false }>): string {
  return phraseExportFailure(getLocale(), failure, writeEngineValue);
}

/** Why an optimizer run stopped early (diverged, undefined), in the current language. */
export function optimizeStopText(stop: Pick<OptimizeStop, 'message'> & Partial<Pick<OptimizeStop, 'code' | 'values'>>): string {
  return phraseOptimizeStop(getLocale(), stop, writeEngineValue);
}
