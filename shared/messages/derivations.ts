import type { Derivation, DerivationCode, DerivationNoteCode } from '../core/network/info';
import { enDerivationLatexWords, enDerivations } from './en-derivations';
import { faDerivationLatexWords, faDerivations } from './fa-derivations';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const derivationBooks: Record<EngineLocale, Phrasebook<DerivationCode | DerivationNoteCode>> = { en: enDerivations, fa: faDerivations };
export const derivationLatexWords: Record<EngineLocale, Readonly<Record<string, string>>> = { en: enDerivationLatexWords, fa: faDerivationLatexWords };

/**
 * A derivation's plain line in `locale`: its line and then its notes, each phrased from its
 * code. A derivation without a message (an older core), or with a code the book does not
 * know, keeps its English `text`.
 */
export function phraseDerivation(locale: EngineLocale, derivation: Pick<Derivation, 'text'> & { message?: Derivation['message'] }, write: ValueWriter): string {
  const message = derivation.message;
  const book = derivationBooks[locale];
  if (!message || ![message, ...message.notes].every((part) => Object.hasOwn(book.codes, part.code))) return derivation.text;
  return phrase(book, message, write) + message.notes.map((note) => phrase(book, note, write)).join('');
}

const LATEX_TEXT = /\\text\{((?:[^{}\\]|\\.)*)\}/g;

/** A derivation's LaTeX with the words of its `\text{...}` in `locale` (words the table does not know stay). */
export function phraseDerivationLatex(locale: EngineLocale, latex: string): string {
  const words = derivationLatexWords[locale];
  return latex.replace(LATEX_TEXT, (match, word: string) => (Object.hasOwn(words, word) ? `\\text{${words[word]}}` : match));
}

/** The `\text{...}` words of a LaTeX string (for the tests: every one the core writes is in the table). */
export function latexWordsOf(latex: string): string[] {
  return Array.from(latex.matchAll(LATEX_TEXT), (match) => match[1]!);
}
