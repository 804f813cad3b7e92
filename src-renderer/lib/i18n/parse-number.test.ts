import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDecimal, formatExact, formatInput, formatInteger, formatPlain, setDigitStyle, setLocale } from './locale.svelte';
import { parseNumber } from './parse-number';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

describe('parseNumber: one reader for every number field', () => {
  it('reads Persian digits', () => {
    expect(parseNumber('۱۲۸')).toBe(128);
    expect(parseNumber('۰٫۵')).toBe(0.5);
    expect(parseNumber('-۳')).toBe(-3);
    expect(parseNumber('۴٬۷۳۶')).toBe(4736);
    expect(parseNumber('۶٬۵۵۴٬۶۲۴')).toBe(6_554_624);
  });

  it('reads Arabic-Indic digits and the Arabic comma as a thousands separator', () => {
    expect(parseNumber('١٢٨')).toBe(128);
    expect(parseNumber('٠٫٥')).toBe(0.5);
    expect(parseNumber('٤،٧٣٦')).toBe(4736);
    expect(parseNumber('۴،۷۳۶')).toBe(4736);
  });

  it('reads mixed digits, minus signs and what Intl writes (with its bidi mark)', () => {
    expect(parseNumber('1۲8')).toBe(128);
    expect(parseNumber('۱.5')).toBe(1.5);
    expect(parseNumber('−3')).toBe(-3);
    expect(parseNumber('\u200E−۱۶')).toBe(-16);
    expect(parseNumber('\u2068-۱٫۶\u2069')).toBe(-1.6);
    expect(parseNumber('  ۳  ')).toBe(3);
    expect(parseNumber('+۲')).toBe(2);
    expect(parseNumber('۱e-۸')).toBe(1e-8);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('4,736')).toBe(4736);
  });

  it('refuses what is not a number instead of guessing', () => {
    for (const text of ['', '  ', 'abc', '۱۲a', '1,5', '1,23', '12,3456', '0x10', 'Infinity', '1e999', '--3', '۳-', '1.2.3', '٫']) expect(parseNumber(text), text).toBeNull();
  });

  it('reads whole numbers only when asked', () => {
    expect(parseNumber('۳', { integer: true })).toBe(3);
    expect(parseNumber('۳٫۵', { integer: true })).toBeNull();
    expect(parseNumber('۳٫۰', { integer: true })).toBe(3);
  });

  it('gives the same number for Persian, Arabic-Indic and Latin digits (property)', () => {
    const persian = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x06f0 + Number(d))).replace('.', '٫');
    const arabic = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))).replace('.', '٫');
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (value) => {
        const latin = String(value);
        if (/e/.test(latin)) return;
        expect(parseNumber(persian(latin))).toBe(parseNumber(latin));
        expect(parseNumber(arabic(latin))).toBe(parseNumber(latin));
        expect(parseNumber(latin)).toBe(Number(latin));
      }),
    );
  });

  it('reads back every number it formats, in every language and digit style (property)', () => {
    const settings = [
      ['en', 'native'],
      ['fa', 'native'],
      ['fa', 'latin'],
    ] as const;
    for (const [locale, digits] of settings) {
      setLocale(locale);
      setDigitStyle(digits);
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (value) => {
          expect(parseNumber(formatExact(value))).toBe(value === 0 ? 0 : value);
          expect(parseNumber(formatInput(value))).toBe(value === 0 ? 0 : value);
        }),
      );
      fc.assert(
        fc.property(fc.integer({ min: -1e9, max: 1e9 }), (value) => {
          expect(parseNumber(formatInteger(value))).toBe(value);
          expect(parseNumber(formatPlain(value))).toBe(value);
        }),
      );
      fc.assert(
        fc.property(fc.integer({ min: -1e8, max: 1e8 }), (hundredths) => {
          expect(parseNumber(formatDecimal(hundredths / 100, 2))).toBe(hundredths / 100);
        }),
      );
    }
  });
});
