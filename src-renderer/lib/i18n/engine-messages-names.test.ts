import { afterEach, describe, expect, it } from 'vitest';
import type { FieldError } from '../../../shared/core/optim/run';
import { localizeNumbersIn, optimizeErrorText, writeEngineValue } from './engine-messages';
import { setDigitStyle, setLocale } from './locale.svelte';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

const visible = (text: string) => text.replace(/[\u200E\u2066-\u2069]/g, '');

describe('names keep their Latin digits in Persian, numbers do not', () => {
  it('in text: x1, w2, conv2d, p59 stay; 64x62x62, 5x3, [3, -1], 9.007e+15 change', () => {
    setLocale('fa');
    expect(visible(localizeNumbersIn('x1 w2 conv2d p59'))).toBe('x1 w2 conv2d p59');
    expect(visible(localizeNumbersIn('64x62x62 5x3 [3, -1] 9.007e+15'))).toBe('۶۴x۶۲x۶۲ ۵x۳ [۳, −۱] ۹٫۰۰۷e+۱۵');
  });

  it('a value the phrasebook calls a name is written as typed', () => {
    setLocale('fa');
    expect(visible(writeEngineValue('5x3', 'column', 'name'))).toBe('5x3');
    expect(visible(writeEngineValue('5x3', 'shape', 'value'))).toBe('۵x۳');
  });

  it("an optimizer error names its columns in Latin and counts in Persian digits", () => {
    const error: FieldError = {
      field: 'data.rows[0]',
      message: 'row 1 has 2 values; it needs 3 (x1, x2, t)',
      problem: { code: 'row_width', values: { row: 1, count: 2, needed: 3, columns: 'x1, x2, t' } },
    };
    expect(optimizeErrorText(error)).toBe(error.message);
    setLocale('fa');
    expect(visible(optimizeErrorText(error))).toBe('ردیف ۱ ۲ مقدار دارد؛ ۳ مقدار لازم است (x1, x2, t)');
  });
});
