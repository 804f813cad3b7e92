/**
 * Bidirectional text helpers (Unicode Bidirectional Algorithm, UAX #9), the Signal Desktop
 * way: every value put into a sentence is an isolate, so "-3", "128×128×32" or a Persian
 * project name inside an English sentence (or the reverse) keeps its own order and does not
 * reorder the words around it.
 */

/** FIRST STRONG ISOLATE: the value's direction comes from its first letter (numbers alone: left to right). */
export const FSI = '\u2068';
/** LEFT-TO-RIGHT ISOLATE: for math-like values (shapes, coordinates, boxes) that read left to right in every language. */
export const LRI = '\u2066';
/** POP DIRECTIONAL ISOLATE: ends an FSI or LRI. */
export const PDI = '\u2069';

/** Letters of right-to-left scripts (Hebrew, Arabic, Persian, Syriac, Thaana, N'Ko and their presentation forms). */
const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/;

/** Whether `text` has a right-to-left letter (then it needs isolating even inside left-to-right text). */
export function hasStrongRtl(text: string): boolean {
  return STRONG_RTL.test(text);
}

/** `text` as a first-strong isolate. */
export function firstStrongIsolate(text: string): string {
  return `${FSI}${text}${PDI}`;
}

/** `text` as a left-to-right isolate. */
export function ltrIsolate(text: string): string {
  return `${LRI}${text}${PDI}`;
}

/** Bidi controls are dropped by the core's digit normalizer (a pasted "‎−۱۶"), so the list of them lives there. */
export { stripBidiControls } from '../../../shared/core/numerals';

/**
 * A formula inside a translated sentence ("dL/dy = 2(y − t)/N = {value}"): a left-to-right
 * isolate written into the catalog text, so in Persian it reads left to right as formulas do.
 */
export function math(text: string): string {
  return ltrIsolate(text);
}
