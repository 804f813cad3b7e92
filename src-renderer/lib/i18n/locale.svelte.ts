import { firstStrongIsolate, hasStrongRtl, ltrIsolate } from './bidi';
import { en, type MessageKey } from './en';
import { fa } from './fa';
import { cachedPluralRules, formatNumberCached, numberSymbols } from './number-format';
import type { Messages, PluralForms } from './types';

/** One language: its messages, and the `lang` / `dir` that go on `<html>` (logical CSS flips with `dir`). */
export interface Catalog {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for numbers, e.g. "en-US" groups 4736 as "4,736"; "fa-IR" writes "۴٬۷۳۶". */
  numberLocale: string;
  /** The same locale with Latin digits (the "Latin digits" setting), e.g. "fa-IR-u-nu-latn". */
  latinNumberLocale: string;
  /** The language's own name, for the language switch. */
  name: string;
  messages: Messages;
}

export const catalogs = {
  en: { lang: 'en', dir: 'ltr', numberLocale: 'en-US', latinNumberLocale: 'en-US', name: 'English', messages: en },
  fa: { lang: 'fa', dir: 'rtl', numberLocale: 'fa-IR', latinNumberLocale: 'fa-IR-u-nu-latn', name: 'فارسی', messages: fa },
} satisfies Record<string, Catalog>;

export type LocaleId = keyof typeof catalogs;
export const LOCALES = Object.keys(catalogs) as LocaleId[];

/** Digits in numbers: the language's own (Persian ۰–۹ in Persian) or Latin 0–9. */
export type DigitStyle = 'native' | 'latin';

export function isLocaleId(value: unknown): value is LocaleId {
  return typeof value === 'string' && Object.hasOwn(catalogs, value);
}

/** Names of the `{param}` placeholders of a template string, as a union. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
type Template<K extends MessageKey> = (typeof en)[K];
/** Every text of a message: the string, or each plural form. */
type TemplateText<T> = T extends string ? T : T[keyof T] & string;
type Names<K extends MessageKey> = Placeholders<TemplateText<Template<K>>>;

/**
 * The params `t(key, params)` needs for a key: none, each `{param}` (text or a number,
 * which `t` writes in the current locale's digits), and for a plural message a numeric
 * `count` that picks the form.
 */
export type MessageParams<K extends MessageKey> =
  Template<K> extends string
    ? [Names<K>] extends [never]
      ? []
      : [params: Record<Names<K>, string | number>]
    : [params: Record<Exclude<Names<K>, 'count'>, string | number> & { count: number }];

let current: Catalog = $state.raw(catalogs.en);
let currentId: LocaleId = $state('en');
let digitStyle: DigitStyle = $state('native');

/**
 * Switches the language (a reactive swap: every `t()` in the page re-runs, the project, its
 * undo history and the open tool stay) and sets `<html lang dir>` so logical CSS flips.
 */
export function setLocale(id: LocaleId, root: HTMLElement | null = typeof document === 'undefined' ? null : document.documentElement): void {
  current = catalogs[id];
  currentId = id;
  if (root) {
    root.lang = current.lang;
    root.dir = current.dir;
  }
}

/** Persian digits (the default in Persian) or Latin digits. */
export function setDigitStyle(style: DigitStyle): void {
  digitStyle = style;
}

export function getCatalog(): Catalog {
  return current;
}

export function getLocale(): LocaleId {
  return currentId;
}

export function getDigitStyle(): DigitStyle {
  return digitStyle;
}

/** The BCP 47 tag numbers are written in now (language and digit setting). */
export function numberLocale(): string {
  return digitStyle === 'latin' ? current.latinNumberLocale : current.numberLocale;
}

/** The plural form of `count` in the current language (Intl.PluralRules: English one / other; Persian one for 0 and 1, other). */
export function pluralForm(forms: PluralForms, count: number): string {
  return forms[cachedPluralRules(current.lang).select(count)] ?? forms.other;
}

/**
 * A value as it goes into a sentence, isolated (FSI … PDI) so it keeps its own direction:
 * every value in right-to-left text; in left-to-right text only a value with right-to-left
 * letters (a Persian project name in an English sentence), since a left-to-right or neutral
 * value cannot reorder left-to-right text (and English texts stay free of invisible marks).
 */
export function isolate(text: string): string {
  return current.dir === 'rtl' || hasStrongRtl(text) ? firstStrongIsolate(text) : text;
}

/**
 * Looks up a message and fills in its `{param}`s, each isolated; a number param is written
 * exactly (as `formatExact`) in the current digits. A plural message picks its form by `count`.
 */
export function t<K extends MessageKey>(key: K, ...args: MessageParams<K>): string {
  const message = current.messages[key] ?? en[key];
  const params = args[0] as Record<string, string | number> | undefined;
  const template = typeof message === 'string' ? message : pluralForm(message, Number(params?.['count']));
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    if (!(name in params)) return match;
    const value = params[name]!;
    return isolate(typeof value === 'number' ? formatExact(value) : value);
  });
}

/**
 * Math-like text (a shape "128×128×32", a box "[0, 0, 6, 6]", a centre "(3, 3)") that reads
 * left to right in every language, as the formulas and PyTorch write it: a left-to-right
 * isolate in right-to-left text, unchanged in left-to-right text.
 */
export function ltr(text: string): string {
  return current.dir === 'rtl' ? ltrIsolate(text) : text;
}

const INTEGER: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };
const PLAIN: Intl.NumberFormatOptions = { maximumFractionDigits: 4, useGrouping: false };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
/** Options per number of decimals, created once each (they key the text cache). */
const decimalOptions: Intl.NumberFormatOptions[] = [];

/** 4736 → "4,736" in English, "۴٬۷۳۶" in Persian. */
export function formatInteger(value: number): string {
  return formatNumberCached(numberLocale(), INTEGER, value);
}

/** Up to `digits` decimals, trailing zeros dropped: 3.5 → "3.5" ("۳٫۵"), 2 → "2". */
export function formatDecimal(value: number, digits = 2): string {
  const options = (decimalOptions[digits] ??= { maximumFractionDigits: digits, useGrouping: true });
  return formatNumberCached(numberLocale(), options, value);
}

const significantOptions: Intl.NumberFormatOptions[] = [];
const scientificOptions: Intl.NumberFormatOptions[] = [];

/**
 * `digits` significant digits, for measured quantities of any size (errors of the labs):
 * 0.006183, 0.1235, 657.6, 420,800,000; scientific below 1e-4 and from 1e9 ("1.235E-7").
 */
export function formatSignificant(value: number, digits = 4): string {
  const size = Math.abs(value);
  const scientific = size !== 0 && Number.isFinite(size) && (size < 1e-4 || size >= 1e9);
  const options = scientific
    ? (scientificOptions[digits] ??= { notation: 'scientific', maximumSignificantDigits: digits })
    : (significantOptions[digits] ??= { maximumSignificantDigits: digits, useGrouping: true });
  return formatNumberCached(numberLocale(), options, value);
}

/** Shape dimensions are written without grouping, as in PyTorch: 6400, 1024. */
export function formatPlain(value: number): string {
  return formatNumberCached(numberLocale(), PLAIN, value);
}

/** A share: 0.953 → "95.3%" ("۹۵٫۳٪"). */
export function formatPercent(share: number): string {
  return formatNumberCached(numberLocale(), PERCENT, share);
}

/**
 * ASCII number text ("-1.6", "6400", "1e-7") in the current digits: English keeps it as it
 * is, Persian writes "‎−۱٫۶". For numbers that are shown exactly as computed (the optimizer's
 * trace, a typed value) rather than rounded by Intl.
 */
export function localizeDigits(text: string): string {
  const symbols = numberSymbols(numberLocale());
  if (symbols.digits[0] === '0' && symbols.decimal === '.' && symbols.minus === '-') return text;
  let result = '';
  for (const char of text) {
    if (char >= '0' && char <= '9') result += symbols.digits[char.charCodeAt(0) - 48];
    else if (char === '.') result += symbols.decimal;
    else if (char === '-') result += symbols.minus;
    else result += char;
  }
  return result;
}

/** A number exactly as JavaScript prints it (shortest round-trip), in the current digits: 0.1 → "0.1" / "۰٫۱". */
export function formatExact(value: number): string {
  return localizeDigits(String(value));
}

/**
 * A number as an editable field shows it: exact, in the current digits, with an ASCII "-"
 * (what a keyboard types) and no bidi marks; `parseNumber` reads it back to the same number.
 */
export function formatInput(value: number): string {
  const symbols = numberSymbols(numberLocale());
  let result = '';
  for (const char of String(value)) {
    if (char >= '0' && char <= '9') result += symbols.digits[char.charCodeAt(0) - 48];
    else if (char === '.') result += symbols.decimal;
    else result += char;
  }
  return result;
}
