import { expect } from 'vitest';
import { placeholdersOf, type Phrasebook } from './phrase';

/** Every code and table entry of `en` has a Persian text in `fa`: not empty, not a copy of the English, with the same placeholders. */
export function expectTranslated(en: Phrasebook<string>, fa: Phrasebook<string>, codes: readonly string[]): void {
  const pairs: [string, string, string | undefined][] = codes.map((code) => [code, en.codes[code]!, fa.codes[code]]);
  for (const [table, entries] of Object.entries(en.tables ?? {})) {
    for (const [key, text] of Object.entries(entries)) pairs.push([`${table}.${key}`, text, fa.tables?.[table]?.[key]]);
  }
  const names = (text: string) => placeholdersOf(text).map((p) => `${p.name}:${p.table ?? ''}`).sort();
  for (const [key, english, persian] of pairs) {
    expect(english, key).toBeTruthy();
    expect(persian, key).toBeTruthy();
    // A template that is only placeholders ("{detail}", "{reason:invalidReason}") is the same in every language.
    if (english.replace(/\{[^}]*\}/g, '').trim() !== '') expect(persian, key).not.toBe(english);
    expect(names(persian!), key).toEqual(names(english));
  }
}
