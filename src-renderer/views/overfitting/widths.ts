import { normalizeListSeparators, parseNumber } from '../../lib/i18n';

/**
 * Hidden widths as typed ("32, 32", "۳۲، ۳۲", "8 4"): whole numbers from 1 to 128 separated by
 * commas (the Arabic comma too) or spaces, 1 to 4 of them; null for anything else.
 */
export function parseWidths(text: string): number[] | null {
  const parts = normalizeListSeparators(text)
    .split(/[,\s]+/)
    .filter((part) => part !== '');
  if (parts.length < 1 || parts.length > 4) return null;
  const widths = parts.map((part) => parseNumber(part));
  return widths.every((width) => width !== null && Number.isInteger(width) && width >= 1 && width <= 128) ? (widths as number[]) : null;
}
