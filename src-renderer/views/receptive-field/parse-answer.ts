import { normalizeNumerals } from '../../lib/i18n';

/**
 * A typed receptive-field answer as a side length, read leniently: "11", "11x11", "11 × 11",
 * "11*11 px", "121 px" or "121 pixels" (an area: a perfect square means 11x11), Persian or
 * Arabic-Indic digits, thousands separators. Null when no side can be read (e.g. "11x13", "abc").
 */
export function parseReceptiveFieldAnswer(text: string): number | null {
  const western = normalizeNumerals(text)
    .replace(/[,٬،']/g, '')
    .trim()
    .toLowerCase();
  const numbers = [...western.matchAll(/\d+(?:\.\d+)?/g)].map((match) => Number(match[0]));
  if (numbers.length === 0) return null;
  if (numbers.length === 2) return numbers[0] === numbers[1] ? numbers[0]! : null;
  if (numbers.length !== 1) return null;
  const value = numbers[0]!;
  if (/(px|pixel|پیکسل)/.test(western)) {
    const side = Math.round(Math.sqrt(value));
    return side * side === value ? side : null;
  }
  return value;
}
