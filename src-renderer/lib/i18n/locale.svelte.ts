import { en, type MessageKey } from './en';
import { formatNumberCached } from './number-format';

/** A catalog has every English key; `lang` and `dir` go on `<html>` (a Persian catalog would be "fa", "rtl"). */
export interface Catalog {
  lang: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for numbers, e.g. "en-US" groups 4736 as "4,736". */
  numberLocale: string;
  messages: Record<MessageKey, string>;
}

export const catalogs = {
  en: { lang: 'en', dir: 'ltr', numberLocale: 'en-US', messages: en },
} satisfies Record<string, Catalog>;

export type LocaleId = keyof typeof catalogs;

/** Names of the `{param}` placeholders of a template string, as a union. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;

/** The params `t(key, params)` needs for a key, or never when it takes none. */
export type MessageParams<K extends MessageKey> = [Placeholders<(typeof en)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof en)[K]>, string | number>];

let current: Catalog = $state.raw(catalogs.en);

/** Switches the catalog and sets `<html lang dir>` so logical CSS properties flip for RTL. */
export function setLocale(id: LocaleId, root: HTMLElement = document.documentElement): void {
  current = catalogs[id];
  root.lang = current.lang;
  root.dir = current.dir;
}

export function getCatalog(): Catalog {
  return current;
}

/** Looks up a message and fills in `{param}`s; numbers are passed as already formatted text or raw. */
export function t<K extends MessageKey>(key: K, ...args: MessageParams<K>): string {
  const template = current.messages[key] ?? en[key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

const INTEGER: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };
const PLAIN: Intl.NumberFormatOptions = { maximumFractionDigits: 4, useGrouping: false };
/** Options per number of decimals, created once each (they key the text cache). */
const decimalOptions: Intl.NumberFormatOptions[] = [];

/** 4736 → "4,736" in English. */
export function formatInteger(value: number): string {
  return formatNumberCached(current.numberLocale, INTEGER, value);
}

/** Up to `digits` decimals, trailing zeros dropped: 3.5 → "3.5", 2 → "2". */
export function formatDecimal(value: number, digits = 2): string {
  const options = (decimalOptions[digits] ??= { maximumFractionDigits: digits, useGrouping: true });
  return formatNumberCached(current.numberLocale, options, value);
}

/** Shape dimensions are written without grouping, as in PyTorch: 6400, 1024. */
export function formatPlain(value: number): string {
  return formatNumberCached(current.numberLocale, PLAIN, value);
}
