import { normalizeNumerals } from '../../../shared/core/numerals';

/**
 * The one reader of numbers typed or pasted by a user: every number field (layer editor,
 * backprop case and grids, optimizer fields and data table, settings solver, receptive-field
 * unit form) and both pastes (optimizer CSV, backprop grids) go through `parseNumber`, so a
 * Persian keyboard, an Arabic keyboard and a Latin one give the same number.
 *
 * Digits, the decimal separator ٫, minus signs, odd spaces and bidi marks are read by the
 * core's one digit normalizer (`normalizeNumerals`, shared/core/numerals.ts), the same one the
 * answer checker uses. On top of it, grouping separators ("," the Arabic thousands separator
 * ٬ and the Arabic comma ،) are accepted only between groups of three digits ("4,736",
 * "۴٬۷۳۶", "۴،۷۳۶"); "1,5" is refused rather than guessed (it is 1.5 in some locales and 15
 * in none). In lists (a shape "3, 128, 128", a CSV line, a pasted grid row) the Arabic comma
 * ، separates values like "," and the Arabic semicolon ؛ like ";" (`normalizeListSeparators`,
 * also in shared/core/numerals.ts).
 */

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
