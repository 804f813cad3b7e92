/**
 * Number and value formatting shared by issue messages and derivations.
 * Plain text uses "4,736"; LaTeX uses "4{,}736" so the comma is not spaced as punctuation.
 */

const MAX_FRACTION_DIGITS = 6;

/** "4,736", "0.5", "-1.25", "NaN", "Infinity". Integers keep every digit. */
export function formatPlain(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e21) return String(value);
  const rounded = Number.isInteger(value) ? value : Number(value.toFixed(MAX_FRACTION_DIGITS));
  const negative = rounded < 0;
  const [integerPart = '0', fractionPart] = String(Math.abs(rounded)).split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (fractionPart ? '.' + fractionPart : '');
}

/** LaTeX form of `formatPlain`: "4{,}736". */
export function formatLatex(value: number): string {
  return formatPlain(value).replace(/,/g, '{,}');
}

/** A user-supplied value as it should appear in a message: 2.5, -1, NaN, "same", [3, 0]. */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (value === null || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) {
    // Two levels are shown ([[1, 2], [3]]); deeper ones are summarized, so a cyclic array ends.
    if (value.length > 8 || depth >= 2) return `an array of ${value.length} value${value.length === 1 ? '' : 's'}`;
    return '[' + Array.from(value, (item) => describeValue(item, depth + 1)).join(', ') + ']';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** [3, 128, 128] → "[3, 128, 128]" (digits ungrouped, as the user typed them). */
export function describeShape(shape: readonly number[]): string {
  return '[' + shape.join(', ') + ']';
}

/** A size per axis: "5" when both axes agree, "5x3" otherwise. */
export function describePair(pair: readonly [number, number]): string {
  return pair[0] === pair[1] ? String(pair[0]) : `${pair[0]}x${pair[1]}`;
}
