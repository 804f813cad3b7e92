import { stripBidiControls } from './bidi';

/**
 * The one reader of numbers typed or pasted by a user: every number field (layer editor,
 * backprop case and grids, optimizer fields and data table, settings solver, receptive-field
 * unit form) and both pastes (optimizer CSV, backprop grids) go through `parseNumber`, so a
 * Persian keyboard, an Arabic keyboard and a Latin one give the same number.
 *
 * Read as the same characters:
 * - Persian digits ۰–۹ (U+06F0–U+06F9) and Arabic-Indic digits ٠–٩ (U+0660–U+0669) as 0–9;
 * - the Arabic decimal separator ٫ (U+066B, what Intl.NumberFormat('fa-IR') writes) as ".";
 * - minus signs: − (U+2212, what Intl writes), ‐ ‑ ‒ – (U+2010–U+2013), ﹣ and － as "-";
 * - bidi marks (LRM, RLM, ALM, isolates: Intl's "‎−۱۶" and copied text carry them) are dropped.
 *
 * Grouping separators ("," the Arabic thousands separator ٬ and the Arabic comma ،) are
 * accepted only between groups of three digits ("4,736", "۴٬۷۳۶", "۴،۷۳۶"); "1,5" is refused
 * rather than guessed (it is 1.5 in some locales and 15 in none). In lists (a shape "3, 128,
 * 128", a CSV line, a pasted grid row) the Arabic comma ، separates values like "," and the
 * Arabic semicolon ؛ like ";" (`normalizeListSeparators`).
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const MINUS_SIGNS = /[\u2010-\u2013\u2212\uFE63\uFF0D]/g;
/** No-break and narrow no-break spaces (French-style grouping, copied text) read as spaces. */
const ODD_SPACES = /[\u00A0\u202F\u2009]/g;

/** ASCII digits, "." and "-" for the Persian / Arabic-Indic digits, decimal separator and minus signs of `text`; other characters stay. */
export function normalizeNumerals(text: string): string {
  let result = '';
  for (const char of stripBidiControls(text)) {
    const code = char.charCodeAt(0);
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) result += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) result += String(code - ARABIC_INDIC_ZERO);
    else if (char === '\u066B') result += '.';
    else result += char;
  }
  return result.replace(MINUS_SIGNS, '-').replace(ODD_SPACES, ' ');
}

/** The Arabic comma ، and semicolon ؛ as "," and ";", for text that is a list of values. */
export function normalizeListSeparators(text: string): string {
  return text.replace(/\u060C/g, ',').replace(/\u061B/g, ';');
}

const PLAIN = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?$/i;
const GROUPED = /^([-+]?)(\d{1,3}(?:[,\u066C\u060C]\d{3})+)(\.\d+)?$/;

export interface ParseNumberOptions {
  /** Only whole numbers (a size, a count, a seed). */
  integer?: boolean;
}

/**
 * The number `text` means, or null when it is not one: "128", "۱۲۸", "٠٫٥", "-۳", "−3",
 * "4,736", "۴٬۷۳۶", "1e-8", ".5". Surrounding spaces are ignored; "", "abc", "1,5", "0x10",
 * "Infinity" and numbers beyond the float range are not numbers.
 */
export function parseNumber(text: string, options: ParseNumberOptions = {}): number | null {
  const cleaned = normalizeNumerals(text).trim();
  let plain = cleaned;
  const grouped = GROUPED.exec(cleaned);
  if (grouped) plain = `${grouped[1]}${grouped[2]!.replace(/[,\u066C\u060C]/g, '')}${grouped[3] ?? ''}`;
  if (!PLAIN.test(plain)) return null;
  const value = Number(plain);
  if (!Number.isFinite(value)) return null;
  if (options.integer && !Number.isInteger(value)) return null;
  return value;
}
