import type { Derivation, LayerIssue } from '../../../shared/core/network/info';
import type { DenseIssue } from '../../../shared/core/dense/issues';
import type { TrainStopCode } from '../../../shared/messages/en-train-stops';
import type { FieldError, OptimizeStop } from '../../../shared/core/optim/run';
import type { CodeError, ExportNote, ExportResult } from '../../../shared/core/network/codegen/types';
import type { AnswerMark } from '../../../shared/core/network/answers';
import type { SolveResult } from '../../../shared/core/network/solve';
import type { ProjectError } from '../../../shared/project/project';
import type { SchemaIssue } from '../../../shared/protocol/schema-issues';
import type { CoreErrorData } from '../../../shared/protocol/messages';
import type { ReceptiveFieldFailure, ReceptiveFieldNote } from '../../../shared/core/receptive/messages';
import type { RegressionIssue } from '../../../shared/core/regression/issues';
import { mapNumbersIn, phraseAnswerExpected, phraseAnswerReason, phraseBackpropIssue, phraseBackpropIssueBody, phraseCodeProblem, phraseCoreFailure, phraseDenseIssue, phraseDerivation, phraseDerivationLatex, phraseExportFailure, phraseExportNote, phraseExpressionError, phraseLayerIssue, phraseOptimizeError, phraseOptimizeStop, phraseProjectError, phraseReceptiveFieldError, phraseReceptiveFieldNotes, phraseRegressionIssue, phraseRegressionIssueLine, phraseSchemaIssue, phraseSolveProblem, phraseTrainStop, type BackpropIssueMessage, type EngineMessage, type ExpressionErrorMessage, type ValueWriter } from '../../../shared/messages/index';
import { getLocale, isolate, numberLocale, formatExact } from './locale.svelte';
import { ltrIsolate } from './bidi';
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
  const mapped = mapNumbersIn(text, (number) => {
    let result = '';
    for (const char of number) {
      if (char >= '0' && char <= '9') result += symbols.digits[char.charCodeAt(0) - 48];
      else if (char === '.') result += symbols.decimal;
      else if (char === '-') result += symbols.minus;
      else result += char;
    }
    return result;
  });
  // The engine's thousands comma (6,554,624) becomes the locale's separator (۶٬۵۵۴٬۶۲۴), as the CLI's persianDigits does.
  return mapped.replace(/(?<=\p{Nd}),(?=\p{Nd}{3}(?!\p{Nd}))/gu, symbols.group);
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

/**
 * Why a core call failed (a timeout, a crash, a refused request), in the current language: the
 * engine's English message in English, a sentence by code in Persian; a refused request keeps
 * the field it names as the code spells it (Latin digits, isolated).
 */
export function coreErrorText(error: Pick<CoreErrorData, 'code' | 'message'>): string {
  return phraseCoreFailure(getLocale(), error, (value, name) => (name === 'field' ? isolate(String(value)) : writeEngineValue(value, name)));
}

/** A derivation as the renderer gets it: the English `text`, and its `message` where the core sent one (network layers do, optimizer steps do not). */
export type PhrasedDerivation = Pick<Derivation, 'text'> & { message?: Derivation['message'] };

/** One piece of a derivation's plain line: words of the current language, or math (an equation, a shape, a symbol) that reads left to right. */
export interface DerivationPart {
  text: string;
  math: boolean;
}

const VALUE_START = '\uE000';
const VALUE_END = '\uE001';

/**
 * A derivation's plain line in the current language, as words and math: the values of its
 * message are the math (numbers in the current digits), the templates around them the words.
 * Adjacent math pieces are one piece; a line without words is one math piece.
 */
export function derivationParts(derivation: PhrasedDerivation): DerivationPart[] {
  if (getLocale() === 'en') return [{ text: derivation.text, math: true }];
  const values: string[] = [];
  const marked = phraseDerivation(getLocale(), derivation, (value) => {
    values.push(typeof value === 'number' ? formatExact(value) : localizeNumbersIn(value));
    return `${VALUE_START}${values.length - 1}${VALUE_END}`;
  });
  if (!derivation.message || marked === derivation.text) return [{ text: localizeNumbersIn(derivation.text), math: true }];
  const parts: DerivationPart[] = [];
  for (const [index, piece] of marked.split(new RegExp(`${VALUE_START}(\\d+)${VALUE_END}`)).entries()) {
    const math = index % 2 === 1;
    const text = math ? values[Number(piece)]! : piece;
    if (text === '') continue;
    const last = parts[parts.length - 1];
    if (last && last.math === math) last.text += text;
    else parts.push({ text, math });
  }
  return parts.some((part) => !part.math && /\p{L}/u.test(part.text)) ? parts : [{ text: parts.map((part) => part.text).join(''), math: true }];
}

/** A derivation's plain line in the current language, as one string (a formula's accessible name, a copy). */
export function derivationText(derivation: PhrasedDerivation): string {
  return phraseDerivation(getLocale(), derivation, writeEngineValue);
}

/** A derivation's LaTeX with its \text{} words in the current language (the formula stays left to right). */
export function derivationLatex(latex: string): string {
  return phraseDerivationLatex(getLocale(), latex);
}

/** Why a unit's region or effective field is not shown (the core's refusal, or a failed call), in the current language. */
export function receptiveFieldErrorText(problem: ReceptiveFieldFailure | Pick<CoreErrorData, 'code' | 'message'>): string {
  return 'ok' in problem ? phraseReceptiveFieldError(getLocale(), problem, writeEngineValue) : coreErrorText(problem);
}

/** An effective field's notes (weights, input, activations) in the current language, in order, as one line ("; " between them, "؛ " in Persian). */
export function receptiveFieldNotesText(field: { notes: readonly string[]; noteMessages?: readonly ReceptiveFieldNote[] }): string {
  const locale = getLocale();
  return phraseReceptiveFieldNotes(locale, field, writeEngineValue).join(locale === 'fa' ? '؛ ' : '; ');
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

/**
 * A formula's plain text written by the engine (`||delta_1|| <= ...`, `c = sup |phi'|`) as an
 * accessible name: math, so a left-to-right isolate in Persian with the current digits.
 */
export function formulaText(text: string): string {
  return getLocale() === 'fa' ? ltrIsolate(localizeNumbersIn(text)) : text;
}

/**
 * A regression lab's issue (bias-variance, double descent) in the current language; after its
 * field as typed, isolated (`train_size: …`), unless `field: false` for a place that already
 * names it (the truth formula's own field). A formula that does not parse says where.
 */
export function regressionIssueText(issue: Pick<RegressionIssue, 'field' | 'code' | 'values' | 'message'>, field = true): string {
  return field ? phraseRegressionIssueLine(getLocale(), issue, writeEngineValue, isolate) : phraseRegressionIssue(getLocale(), issue, writeEngineValue);
}
