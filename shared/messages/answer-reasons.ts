import type { AnswerExpectedCode, AnswerMessage, AnswerReasonCode } from '../core/network/answers';
import { enAnswerReasons } from './en-answer-reasons';
import { faAnswerReasons } from './fa-answer-reasons';
import { fill, phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** A translation of the English answer phrasebook `T`: the same codes, tables and expected forms (typecheck enforces). */
export type AnswerReasonPhrasebook<T extends typeof enAnswerReasons> = {
  codes: Record<keyof T['codes'], string>;
  tables: { [Table in keyof T['tables']]: Record<keyof T['tables'][Table], string> };
  expected: Record<keyof T['expected'], string>;
};

export const answerReasonBooks: Record<EngineLocale, Phrasebook<AnswerReasonCode> & { expected: Record<AnswerExpectedCode, string> }> = {
  en: enAnswerReasons,
  fa: faAnswerReasons,
};

/** Why an answer is marked so, in `locale`; an unknown code keeps the core's English `reason`. */
export function phraseAnswerReason(locale: EngineLocale, mark: { reason: string; reasonMessage?: AnswerMessage<AnswerReasonCode> }, write: ValueWriter): string {
  if (!mark.reasonMessage) return mark.reason;
  return phrase(answerReasonBooks[locale], mark.reasonMessage, write, mark.reason);
}

/** The engine's value of an answer mark, in `locale`; an unknown code keeps the core's English `expected`. */
export function phraseAnswerExpected(locale: EngineLocale, mark: { expected: string; expectedMessage?: AnswerMessage<AnswerExpectedCode> }, write: ValueWriter): string {
  const book = answerReasonBooks[locale];
  const message = mark.expectedMessage;
  if (!message || !Object.hasOwn(book.expected, message.code)) return mark.expected;
  return fill(book, book.expected[message.code], message.values, write);
}
