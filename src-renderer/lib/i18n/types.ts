import type { en } from './en';

/** A message that depends on a count: one text per Intl.PluralRules category the language uses (`other` always). */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<Intl.LDMLPluralRule, string>>>;

/**
 * What a translation of the English strings `T` must give: every key (a missing one fails
 * `npm run typecheck`, and so does a key English does not have), a string for a string and
 * plural forms for a plural message. Placeholders are the English ones.
 */
export type Translation<T> = { readonly [K in keyof T]: T[K] extends string ? string : PluralForms };

/** A whole catalog: every message of the English catalog. */
export type Messages = Translation<typeof en>;
