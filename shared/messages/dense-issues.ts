import type { DenseIssue } from '../core/dense/issues';
import { enDenseIssues, type DenseIssueForm } from './en-dense-issues';
import { faDenseIssues } from './fa-dense-issues';
import type { ParseErrorCode } from '../core/expr/parse';
import { expressionErrorBooks, phraseExpressionError } from './expression-errors';
import { fill, phrase, type EngineLocale, type MessageValues, type Phrasebook, type ValueWriter } from './phrase';

export const denseIssueBooks: Record<EngineLocale, Phrasebook<DenseIssueForm>> = { en: enDenseIssues, fa: faDenseIssues };

/** The phrasebook form of an issue (the core's code with its optional parts chosen) and the values it fills; null for a code the book does not know. */
function formOf(issue: Pick<DenseIssue, 'code' | 'values'>): { form: DenseIssueForm; values: MessageValues } | null {
  const v = issue.values;
  switch (issue.code) {
    case 'required':
      return { form: v['alternative'] !== undefined ? 'required_or' : 'required', values: v };
    case 'too_small':
      return { form: v['exclusive'] === 1 ? 'too_small_exclusive' : 'too_small', values: v };
    case 'too_large':
      return { form: v['exclusive'] === 1 ? 'too_large_exclusive' : v['of'] !== undefined ? 'too_large_of' : 'too_large', values: v };
    case 'unknown_field':
      return { form: v['known'] !== undefined ? 'unknown_field_known' : 'unknown_field', values: v };
    case 'wrong_length':
      return { form: 'wrong_length', values: { ...v, of: v['of'] ?? 'entries' } };
    case 'too_much_work':
      return { form: 'too_much_work', values: { ...v, measure: Object.hasOwn(enDenseIssues.tables.measure, String(v['measure'])) ? v['measure']! : 'units_of_work' } };
    case 'bad_formula':
      if (v['reason'] === 'names') return { form: 'bad_formula_names', values: v };
      if (v['reason'] === 'not_finite') return { form: 'bad_formula_not_finite', values: v };
      return v['position'] !== undefined ? { form: 'bad_formula_syntax_at', values: { ...v, at: Number(v['position']) + 1 } } : { form: 'bad_formula_syntax', values: v };
    default:
      return Object.hasOwn(enDenseIssues.codes, issue.code) ? { form: issue.code as DenseIssueForm, values: v } : null;
  }
}

/** Codes whose English adds ", got …" when the issue has a `got`. */
const WITH_GOT = new Set(['wrong_type', 'not_finite', 'not_integer', 'too_small', 'too_large', 'not_one_of']);

/**
 * A formula that does not parse, in a language other than English, from the parser's code and
 * values (the expression parser's phrasebook, its "model" being the formula here); null when the
 * issue carries no parser code. English keeps the core's `detail`, worded by the engine that
 * read the formula (the overfitting lab says "the formula" where the parser says "the model").
 */
function formulaSyntax(locale: EngineLocale, issue: Pick<DenseIssue, 'code' | 'values' | 'message'>, write: ValueWriter): string | null {
  const v = issue.values;
  const code = v['syntax'];
  if (locale === 'en' || issue.code !== 'bad_formula' || v['reason'] !== 'syntax' || typeof code !== 'string' || !Object.hasOwn(expressionErrorBooks[locale].codes, code)) return null;
  const text = phraseExpressionError(locale, { code: code as ParseErrorCode, values: v, position: Number(v['position'] ?? 0), message: issue.message }, write);
  return locale === 'fa' ? text.replace(/مدل/g, 'فرمول') : text;
}

/** A dense-engine issue (without its field) in `locale`; an unknown code keeps the English `message`. */
export function phraseDenseIssue(locale: EngineLocale, issue: Pick<DenseIssue, 'code' | 'values' | 'message'>, write: ValueWriter): string {
  const syntax = formulaSyntax(locale, issue, write);
  if (syntax !== null) return syntax;
  const found = formOf(issue);
  if (!found) return issue.message;
  const book = denseIssueBooks[locale];
  const sentence = phrase(book, { code: found.form, values: found.values }, write, issue.message);
  if (!WITH_GOT.has(issue.code) || issue.values['got'] === undefined) return sentence;
  // The sentence is already phrased: it goes in as it is, only `got` is written as a value.
  return fill(book, book.tables!['got']!['got']!, { sentence, got: issue.values['got'] }, (value, name) => (name === 'sentence' ? String(value) : write(value, name)));
}
