/**
 * Numbers as the optimizer tool shows them, in the CLI and the UI alike: rounded to 12
 * significant digits, then written in the shortest form that reads back as that value. So
 * 2.6000000000000005 (float noise from 1 + 1.6) is 2.6, and an exact 0.1 stays 0.1.
 */
export const DISPLAY_SIGNIFICANT_DIGITS = 12;

/** The value rounded to 12 significant digits; NaN and infinities pass through; -0 becomes 0. */
export function cleanNumber(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  return Number(value.toPrecision(DISPLAY_SIGNIFICANT_DIGITS));
}

/** `cleanNumber` as text: "2.6", "-1.44", "1e-7", "NaN", "Infinity". */
export function formatNumber(value: number): string {
  return String(cleanNumber(value));
}

/** Every number of a record cleaned (for trace records). */
export function cleanRecord(record: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(record)) out[key] = cleanNumber(value);
  return out;
}
