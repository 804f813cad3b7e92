/**
 * The one digit normalizer: what a Persian, an Arabic or a Latin keyboard types for the same
 * number reads as the same ASCII text. Both readers of typed numbers use it: the core's answer
 * checker (network/answers.ts: "۶۲×۶۲×۶۴", "۵۱٬۲۶۴") and the renderer's number fields
 * (src-renderer/lib/i18n/parse-number.ts, which adds grouping and the float range on top).
 *
 * Read as the same characters:
 * - Persian digits ۰–۹ (U+06F0–U+06F9) and Arabic-Indic digits ٠–٩ (U+0660–U+0669) as 0–9;
 * - the Arabic decimal separator ٫ (U+066B, what Intl.NumberFormat('fa-IR') writes) as ".";
 * - minus signs: − (U+2212, what Intl writes), ‐ ‑ ‒ – (U+2010–U+2013), ﹣ and － as "-";
 * - no-break, narrow no-break and thin spaces as a plain space;
 * - bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates: Intl's "‎−۱۶" and copied
 *   text carry them) are dropped.
 *
 * The Arabic thousands separator ٬ (U+066C) stays as it is: only a reader that knows it is
 * looking at one number may drop it (a list "3٬5" is not 3 and 5, and not 35 either).
 */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;
const ARABIC_DECIMAL_SEPARATOR = '\u066B';
const MINUS_SIGNS = /[\u2010-\u2013\u2212\uFE63\uFF0D]/g;
/** No-break and narrow no-break spaces (French-style grouping, copied text) and thin spaces. */
const ODD_SPACES = /[\u00A0\u202F\u2009]/g;
/** Every bidi control character: marks (LRM, RLM, ALM), embeddings, overrides and isolates. */
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** `text` without bidi control characters: what a user means when the text is copied or pasted back. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** ASCII digits, "." and "-" for the Persian / Arabic-Indic digits, decimal separator and minus signs of `text`; other characters stay. */
export function normalizeNumerals(text: string): string {
  let result = '';
  for (const char of stripBidiControls(text)) {
    const code = char.charCodeAt(0);
    if (code >= PERSIAN_ZERO && code <= PERSIAN_ZERO + 9) result += String(code - PERSIAN_ZERO);
    else if (code >= ARABIC_INDIC_ZERO && code <= ARABIC_INDIC_ZERO + 9) result += String(code - ARABIC_INDIC_ZERO);
    else if (char === ARABIC_DECIMAL_SEPARATOR) result += '.';
    else result += char;
  }
  return result.replace(MINUS_SIGNS, '-').replace(ODD_SPACES, ' ');
}

/** The Arabic comma ، and semicolon ؛ as "," and ";", for text that is a list of values (a shape, a CSV line, a grid row). */
export function normalizeListSeparators(text: string): string {
  return text.replace(/\u060C/g, ',').replace(/\u061B/g, ';');
}
