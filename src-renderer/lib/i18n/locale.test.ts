import { afterEach, describe, expect, it } from 'vitest';
import { FSI, LRI, PDI } from './bidi';
import { formatDecimal, formatExact, formatInput, formatInteger, formatPercent, formatPlain, ltr, setDigitStyle, setLocale, t } from './locale.svelte';
import { initialPreferences, localeFromTag } from './preferences';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

const visible = (text: string) => text.replace(/[\u200E\u2066-\u2069]/g, '');

describe('numbers in the current language', () => {
  it('writes Persian digits and Persian separators by default in Persian (Intl fa-IR)', () => {
    setLocale('fa');
    expect(formatInteger(4736)).toBe('۴٬۷۳۶');
    expect(formatDecimal(0.5)).toBe('۰٫۵');
    expect(visible(formatDecimal(-16))).toBe('−۱۶');
    expect(formatPlain(6400)).toBe('۶۴۰۰');
    expect(formatPercent(0.953)).toBe('۹۵٫۳٪');
    expect(visible(formatExact(-1.44))).toBe('−۱٫۴۴');
    expect(formatInput(-1.44)).toBe('-۱٫۴۴');
  });

  it('writes Latin digits in Persian when the setting says so', () => {
    setLocale('fa');
    setDigitStyle('latin');
    expect(formatInteger(4736)).toBe('4,736');
    expect(formatExact(2.6)).toBe('2.6');
    expect(formatInput(-3)).toBe('-3');
  });

  it('keeps English exactly as before: no marks, ASCII minus', () => {
    expect(formatInteger(4736)).toBe('4,736');
    expect(formatExact(-1.6)).toBe('-1.6');
    expect(ltr('128×128×32')).toBe('128×128×32');
  });

  it('writes shapes and boxes as left-to-right isolates in Persian', () => {
    setLocale('fa');
    expect(ltr('۱۲۸×۱۲۸×۳۲')).toBe(`${LRI}۱۲۸×۱۲۸×۳۲${PDI}`);
  });
});

describe('t: placeholders, isolation and plurals', () => {
  it('fills placeholders and writes number params in the current digits', () => {
    expect(t('optimizer.controls.position', { step: 2, total: 12 })).toBe('Step 2 of 12');
    setLocale('fa');
    expect(t('optimizer.controls.position', { step: 2, total: 12 })).toBe(`گام ${FSI}۲${PDI} از ${FSI}۱۲${PDI}`);
  });

  it('isolates every value in Persian and, in English, only a value with right-to-left letters', () => {
    expect(t('builder.stack.input', { shape: '3×128×128' })).toBe('Input 3×128×128');
    expect(t('file.saveError', { message: 'تمرین 1' })).toBe(`The project could not be saved: ${FSI}تمرین 1${PDI}`);
    setLocale('fa');
    expect(t('builder.stack.input', { shape: '-3' })).toBe(`ورودی ${FSI}-3${PDI}`);
  });

  it('picks the plural form with Intl.PluralRules in each language', () => {
    expect(t('builder.announce.imported', { count: 1 })).toBe('Imported 1 layer.');
    expect(t('builder.announce.imported', { count: 9 })).toBe('Imported 9 layers.');
    expect(t('builder.announce.imported', { count: 0 })).toBe('Imported 0 layers.');
    setLocale('fa');
    expect(new Intl.PluralRules('fa').select(0)).toBe('one');
    expect(visible(t('builder.announce.imported', { count: 9 }))).toBe('۹ لایه وارد شد.');
    expect(visible(t('backprop.check.kinks', { count: 2 }))).toContain('۲ نقطهٔ شکست');
  });

  it('translates a message by the language switched to, with no reload', () => {
    expect(t('tool.network')).toBe('Network');
    setLocale('fa');
    expect(t('tool.network')).toBe('شبکه');
    setLocale('en');
    expect(t('tool.network')).toBe('Network');
  });
});

describe('the language to start with', () => {
  it('follows the OS / browser language on a first start', () => {
    expect(initialPreferences({ query: '', stored: null, system: 'fa-IR' })).toEqual({ locale: 'fa', digits: 'native' });
    expect(initialPreferences({ query: '', stored: null, system: 'en-US' })).toEqual({ locale: 'en', digits: 'native' });
    expect(initialPreferences({ query: '', stored: null, system: 'de' }).locale).toBe('en');
    expect(localeFromTag('fa')).toBe('fa');
    expect(localeFromTag('FA_ir')).toBe('fa');
    expect(localeFromTag('fr-FA')).toBe('en');
  });

  it('prefers the remembered choice, and ?lang= / ?digits= over both', () => {
    expect(initialPreferences({ query: '', stored: { locale: 'en', digits: 'latin' }, system: 'fa-IR' })).toEqual({ locale: 'en', digits: 'latin' });
    expect(initialPreferences({ query: '?lang=fa', stored: { locale: 'en' }, system: 'en-US' })).toEqual({ locale: 'fa', digits: 'native' });
    expect(initialPreferences({ query: '?lang=fa&digits=latin', stored: null, system: 'en' })).toEqual({ locale: 'fa', digits: 'latin' });
  });

  it('ignores what it cannot read', () => {
    expect(initialPreferences({ query: '?lang=xx&digits=roman', stored: { locale: 'de', digits: 7 }, system: '' })).toEqual({ locale: 'en', digits: 'native' });
  });
});
