import type { AnswerMark, AnswerExpectedCode, AnswerReasonCode } from '../core/network/answers';
import { enAnswerExpected, enAnswerReasons } from './en-answer-reasons';
import { faAnswerExpected, faAnswerReasons } from './fa-answer-reasons';
import { phraseDerivation } from './derivations';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const answerReasonBooks: Record<EngineLocale, Phrasebook<AnswerReasonCode>> = { en: enAnswerReasons, fa: faAnswerReasons };
export const answerExpectedBooks: Record<EngineLocale, Phrasebook<AnswerExpectedCode>> = { en: enAnswerExpected, fa: faAnswerExpected };

/** Why an answer is marked as it is, in `locale`; a mark without a known code keeps the English `reason`. */
export function phraseAnswerReason(locale: EngineLocale, mark: Pick<AnswerMark, 'code' | 'values' | 'reason' | 'derivation'>, write: ValueWriter): string {
  if (mark.code === undefined) return mark.reason;
  // The layer's derivation in the same language (its equations written by `write`), then the reason around it.
  if (mark.derivation && typeof mark.values.derivation === 'string') {
    const derivation = phraseDerivation(locale, { text: mark.values.derivation, message: mark.derivation }, write);
    return phrase(answerReasonBooks[locale], { code: mark.code, values: { ...mark.values, derivation } }, (value, name) => (name === 'derivation' ? String(value) : write(value, name)), mark.reason);
  }
  return phrase(answerReasonBooks[locale], mark, write, mark.reason);
}

/** The engine's value a mark expected, in `locale`; without `expectedMessage` the English `expected`. */
export function phraseAnswerExpected(locale: EngineLocale, mark: Pick<AnswerMark, 'expected' | 'expectedMessage'>, write: ValueWriter): string {
  if (!mark.expectedMessage) return mark.expected;
  return phrase(answerExpectedBooks[locale], mark.expectedMessage, write, mark.expected);
}
