import { describe, expect, it } from 'vitest';
import { normalizeListSeparators, normalizeNumerals } from './numerals';

describe('normalizeNumerals', () => {
  it('reads Persian digits ۰–۹ as 0–9', () => {
    expect(normalizeNumerals('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(normalizeNumerals('۱۲۸')).toBe('128');
  });

  it('reads Arabic-Indic digits ٠–٩ as 0–9', () => {
    expect(normalizeNumerals('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeNumerals('٣٢')).toBe('32');
  });

  it('reads the Arabic decimal separator ٫ as "." and every minus sign as "-"', () => {
    expect(normalizeNumerals('۰٫۵')).toBe('0.5');
    expect(normalizeNumerals('−۱٫۵ px')).toBe('-1.5 px');
    for (const minus of ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63', '\uFF0D']) {
      expect(normalizeNumerals(`${minus}۳`), `U+${minus.charCodeAt(0).toString(16)}`).toBe('-3');
    }
  });

  it('keeps the thousands separator ٬, ×, letters and Latin digits as they are', () => {
    expect(normalizeNumerals('۴٬۷۳۶')).toBe('4\u066C736');
    expect(normalizeNumerals('۳×۱۲۸×۱۲۸')).toBe('3×128×128');
    expect(normalizeNumerals('12 مگ a۳')).toBe('12 مگ a3');
  });

  it('drops bidi controls and reads odd spaces as spaces', () => {
    // Intl.NumberFormat('fa-IR') writes a left-to-right mark before its minus sign.
    expect(normalizeNumerals(new Intl.NumberFormat('fa-IR').format(-16))).toBe('-16');
    expect(normalizeNumerals('\u2068۶۴\u2069\u00A0x\u202F۶۲')).toBe('64 x 62');
  });

  it('reads every number Intl.NumberFormat writes in Persian and Arabic back as the ASCII one', () => {
    for (const locale of ['fa-IR', 'ar-EG']) {
      const format = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 6 });
      for (const value of [0, 7, -3, 0.5, -1.25, 128, 4736.125]) {
        expect(normalizeNumerals(format.format(value)), `${locale} ${value}`).toBe(String(value));
      }
    }
  });
});

describe('normalizeListSeparators', () => {
  it('reads the Arabic comma ، and semicolon ؛ as "," and ";"', () => {
    expect(normalizeListSeparators('x1،x2؛t')).toBe('x1,x2;t');
    expect(normalizeListSeparators(normalizeNumerals('۳، ۱۲۸، ۱۲۸'))).toBe('3, 128, 128');
  });
});
