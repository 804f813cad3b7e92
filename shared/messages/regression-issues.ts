import type { RegressionIssue } from '../core/regression/issues';
import type { ParseErrorCode } from '../core/expr/parse';
import { enRegressionIssues, type RegressionIssueForm } from './en-regression-issues';
import { faRegressionIssues } from './fa-regression-issues';
import { expressionErrorBooks, phraseExpressionError } from './expression-errors';
import { phrase, type EngineLocale, type MessageValues, type Phrasebook, type ValueWriter } from './phrase';

export const regressionIssueBooks: Record<EngineLocale, Phrasebook<RegressionIssueForm>> = { en: enRegressionIssues, fa: faRegressionIssues };

/** The phrasebook form of an issue and the values it fills (positions 1-based, as a person counts); null for what the book cannot say word for word. */
function formOf(issue: Pick<RegressionIssue, 'code' | 'values'>): { form: RegressionIssueForm; values: MessageValues } | null {
  const v = issue.values;
  switch (issue.code) {
    case 'wrong_type':
      return Object.hasOwn(enRegressionIssues.tables.type, String(v['expected'])) ? { form: 'wrong_type', values: v } : null;
    case 'formula_syntax':
      // The parser words its messages for "the model"; here the formula is the truth.
      return { form: 'formula_syntax', values: { ...v, detail: String(v['detail']).replace(/\bthe model\b/g, 'the formula') } };
    case 'unknown_name':
      return { form: 'unknown_name', values: { ...v, at: Number(v['position']) + 1 } };
    case 'too_few':
      return { form: Number(v['min']) === 1 ? 'too_few_one' : 'too_few', values: v };
    default:
      return Object.hasOwn(enRegressionIssues.codes, issue.code) ? { form: issue.code as RegressionIssueForm, values: v } : null;
  }
}

/**
 * A truth formula that does not parse, in a language other than English, from the parser's
 * code (`reason`) and values by the expression parser's phrasebook, its "model" being the
 * formula here, with where it is; null when the issue carries no parser code it knows.
 */
function formulaSyntax(locale: EngineLocale, issue: Pick<RegressionIssue, 'code' | 'values' | 'message'>, write: ValueWriter): string | null {
  const v = issue.values;
  const code = v['reason'];
  if (locale === 'en' || issue.code !== 'formula_syntax' || typeof code !== 'string' || !Object.hasOwn(expressionErrorBooks[locale].codes, code)) return null;
  const text = phraseExpressionError(locale, { code: code as ParseErrorCode, values: v, position: Number(v['position'] ?? 0), message: issue.message }, write);
  return locale === 'fa' ? text.replace(/مدل/g, 'فرمول') : text;
}

/** A regression-lab issue (without its field) in `locale`; what the book does not know keeps the English `message`. */
export function phraseRegressionIssue(locale: EngineLocale, issue: Pick<RegressionIssue, 'code' | 'values' | 'message'>, write: ValueWriter): string {
  const syntax = formulaSyntax(locale, issue, write);
  if (syntax !== null) return syntax;
  const found = formOf(issue);
  if (!found) return issue.message;
  return phrase(regressionIssueBooks[locale], { code: found.form, values: found.values }, write, issue.message);
}

/** An issue after its field, as formatRegressionIssue writes it in English (`train_size: …`); `field` writes the field (as typed, isolated in the app). */
export function phraseRegressionIssueLine(locale: EngineLocale, issue: Pick<RegressionIssue, 'field' | 'code' | 'values' | 'message'>, write: ValueWriter, field: (name: string) => string = String): string {
  const sentence = phraseRegressionIssue(locale, issue, write);
  return issue.field ? `${field(issue.field)}: ${sentence}` : sentence;
}
