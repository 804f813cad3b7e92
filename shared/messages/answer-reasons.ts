import type { AnswerMark, AnswerExpectedCode, AnswerReasonCode } from '../core/network/answers';
import { enAnswerExpected, enAnswerReasons } from './en-answer-reasons';
import { faAnswerExpected, faAnswerReasons } from './fa-answer-reasons';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const answerReasonBooks: Record<EngineLocale, Phrasebook<AnswerReasonCode>> = { en: enAnswerReasons, fa: faAnswerReasons };
export const answerExpectedBooks: Record<EngineLocale, Phrasebook<AnswerExpectedCode>> = { en: enAnswerExpected, fa: faAnswerExpected };

/** Why an answer is marked as it is, in `locale`; a mark without a known code keeps the English `reason`. */
export function phraseAnswerReason(locale: EngineLocale, mark: Pick<AnswerMark, 'code' | 'values' | 'reason'>, write: ValueWriter): string {
  if (mark.code === undefined) return mark.reason;
  return phrase(answerReasonBooks[locale], mark, write, mark.reason);
}

/** The engine's value a mark expected, in `locale`; without `expectedMessage` the English `expected`. */
export function phraseAnswerExpected(locale: EngineLocale, mark: Pick<AnswerMark, 'expected' | 'expectedMessage'>, write: ValueWriter): string {
  if (!mark.expectedMessage) return mark.expected;
  return phrase(answerExpectedBooks[locale], mark.expectedMessage, write, mark.expected);
}
