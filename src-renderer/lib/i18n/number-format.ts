const formats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat is slow to construct; a table of thousands of cells reuses one per locale and options. */
export function cachedNumberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** Bound on the remembered texts per locale and options (a long session formats many distinct numbers). */
const MAX_TEXTS = 4096;
const texts = new Map<string, WeakMap<Intl.NumberFormatOptions, Map<number, string>>>();

/**
 * `value` formatted as `cachedNumberFormat(locale, options)` does, remembering the text: a
 * 200-layer table formats the same few sizes thousands of times per edit, and a Map lookup
 * is far cheaper than Intl's format. `options` must be a constant object (it is the cache key).
 */
export function formatNumberCached(locale: string, options: Intl.NumberFormatOptions, value: number): string {
  let byOptions = texts.get(locale);
  if (!byOptions) {
    byOptions = new WeakMap();
    texts.set(locale, byOptions);
  }
  let byValue = byOptions.get(options);
  if (!byValue) {
    byValue = new Map();
    byOptions.set(options, byValue);
  }
  let text = byValue.get(value);
  if (text === undefined) {
    text = cachedNumberFormat(locale, options).format(value);
    if (byValue.size >= MAX_TEXTS) byValue.clear();
    byValue.set(value, text);
  }
  return text;
}

const pluralRules = new Map<string, Intl.PluralRules>();

/** One Intl.PluralRules per language (a message's plural form is picked on every `t()`). */
export function cachedPluralRules(lang: string): Intl.PluralRules {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  return rules;
}

export interface NumberSymbols {
  /** The ten digits, 0 to 9. */
  digits: string[];
  decimal: string;
  /** With its bidi mark where Intl writes one (Persian: LRM + U+2212). */
  minus: string;
  /** The thousands separator (Persian: ٬). */
  group: string;
}
const symbolsByLocale = new Map<string, NumberSymbols>();

/** The digits, decimal separator and minus sign Intl writes for a locale. */
export function numberSymbols(locale: string): NumberSymbols {
  let symbols = symbolsByLocale.get(locale);
  if (!symbols) {
    const format = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 1 });
    const parts = format.formatToParts(-1.5);
    symbols = {
      digits: Array.from({ length: 10 }, (_, digit) => format.format(digit)),
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      minus: parts.filter((part) => part.type === 'minusSign' || part.type === 'literal').map((part) => part.value).join('') || '-',
      group: new Intl.NumberFormat(locale).formatToParts(1000).find((part) => part.type === 'group')?.value ?? ',',
    };
    symbolsByLocale.set(locale, symbols);
  }
  return symbols;
}
