import { isLocaleId, type DigitStyle, type LocaleId } from './locale.svelte';

export interface LocalePreferences {
  locale: LocaleId;
  digits: DigitStyle;
}

/** The language of a BCP 47 tag: "fa-IR" and "fa" are Persian; everything else is English (the two catalogs). */
export function localeFromTag(tag: string | null | undefined): LocaleId {
  return tag?.trim().toLowerCase().split(/[-_]/)[0] === 'fa' ? 'fa' : 'en';
}

/**
 * The language and digits to start with: `?lang=fa|en` (and `?digits=latin|native`) in the
 * page URL for this load only (links, tests); else the remembered choice; else the OS /
 * browser language (Persian when it is "fa…"); digits default to the language's own.
 */
export function initialPreferences(input: { query: string; stored: Partial<Record<keyof LocalePreferences, unknown>> | null; system: string }): LocalePreferences {
  const query = new URLSearchParams(input.query);
  const queryLocale = query.get('lang');
  const queryDigits = query.get('digits');
  const locale = isLocaleId(queryLocale) ? queryLocale : isLocaleId(input.stored?.locale) ? input.stored.locale : localeFromTag(input.system);
  const digits = isDigitStyle(queryDigits) ? queryDigits : isDigitStyle(input.stored?.digits) ? input.stored.digits : 'native';
  return { locale, digits };
}

export function isDigitStyle(value: unknown): value is DigitStyle {
  return value === 'native' || value === 'latin';
}
