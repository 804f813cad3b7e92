import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES, ParseError, tryParseExpression, type ParseErrorCode } from '../core/expr/parse';
import { expectTranslated } from './book.test-helper';
import { expressionErrorBooks, phraseExpressionError } from './expression-errors';
import { plainWriter } from './phrase';

/** Model texts the parser refuses, at least one per code (the first test holds that). */
const TEXTS = [
  'a+'.repeat(MAX_EXPRESSION_LENGTH),
  '1e999',
  'x.constructor',
  'a[0]',
  'max(a, b)',
  'x => 1',
  '"a"',
  Array.from({ length: MAX_EXPRESSION_NODES }, () => 'a').join('+'),
  '('.repeat(MAX_EXPRESSION_DEPTH + 5) + 'a' + ')'.repeat(MAX_EXPRESSION_DEPTH + 5),
  '2x',
  '2(a)',
  'constructor',
  'max(a)',
  'exp(a',
  'exp(a b',
  'exp',
  'a b',
  'a 2',
  '(a + b',
  '',
  'a +',
  'a + *',
  'a + b)',
  '(a) b',
  '(a) 0.5',
];

function errorOf(text: unknown): ParseError {
  const result = tryParseExpression(text as string);
  if (result.ok) throw new Error(`${String(text)} parsed`);
  return result.error;
}

const errors: ParseError[] = [...TEXTS.map(errorOf), errorOf(42)];
const ALL_CODES = Object.keys(expressionErrorBooks.en.codes) as ParseErrorCode[];

describe('model-parser errors phrased from code and values', () => {
  it('the corpus reaches every code but the internal "unreadable"', () => {
    expect(ALL_CODES.filter((code) => code !== 'unreadable' && !errors.some((error) => error.code === code))).toEqual([]);
  });

  it('English is word for word the parser message, position included', () => {
    for (const error of errors) expect(phraseExpressionError('en', error, plainWriter('en')), error.code).toBe(error.message);
    const unreadable = new ParseError('the model could not be read', 0, 'unreadable');
    expect(phraseExpressionError('en', unreadable, plainWriter('en'))).toBe(unreadable.message);
  });

  it('Persian phrases every error in a Persian sentence, values and position in Persian digits, no placeholder left', () => {
    for (const error of errors) {
      const text = phraseExpressionError('fa', error, plainWriter('fa'));
      expect(text, error.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, error.code).not.toMatch(/\{\w+\}/);
      expect(text, error.code).toContain(`(در نویسهٔ ${plainWriter('fa')(error.position + 1, 'at')})`);
    }
    expect(phraseExpressionError('fa', errorOf('exp(a'), plainWriter('fa'))).toBe('برای بستن exp( انتظار ")" می‌رفت اما پایان متن آمد (در نویسهٔ ۶)');
    expect(phraseExpressionError('fa', errorOf('(a) 0.5'), plainWriter('fa'))).toBe('انتظار عملگر می‌رفت اما عدد ۰٫۵ آمد (در نویسهٔ ۵)');
  });

  it('an unknown code keeps the English message', () => {
    const future = { code: 'some_future_code' as ParseErrorCode, values: {}, position: 0, message: 'the English (at character 1)' };
    expect(phraseExpressionError('fa', future, plainWriter('fa'))).toBe(future.message);
  });

  it('every code and table entry has both languages', () => {
    expectTranslated(expressionErrorBooks.en, expressionErrorBooks.fa, ALL_CODES);
  });
});
