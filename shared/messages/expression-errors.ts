import type { ParseErrorCode } from '../core/expr/parse';
import { enExpressionErrors } from './en-expression-errors';
import { faExpressionErrors } from './fa-expression-errors';
import { fill, phrase, type EngineLocale, type MessageValues, type Phrasebook, type ValueWriter } from './phrase';

export const expressionErrorBooks: Record<EngineLocale, Phrasebook<ParseErrorCode>> = { en: enExpressionErrors, fa: faExpressionErrors };

/** The parts of the parser's `ParseError` a message needs: its code, values, 0-based position and English `message`. */
export interface ExpressionErrorMessage {
  code: ParseErrorCode;
  values: MessageValues;
  position: number;
  message: string;
}

/** A model-parser error in `locale`, with where it is ("(at character 3)"); an unknown code keeps the English. */
export function phraseExpressionError(locale: EngineLocale, error: ExpressionErrorMessage, write: ValueWriter): string {
  const book = expressionErrorBooks[locale];
  if (!Object.hasOwn(book.codes, error.code)) return error.message;
  const body = phrase(book, error, write);
  // The sentence is already phrased: it goes in as it is, only the position is written as a value.
  return fill(book, book.tables!['place']!['at']!, { message: body, at: error.position + 1 }, (value, name) => (name === 'message' ? String(value) : write(value, name)));
}
