import { describe, expect, it } from 'vitest';
import { checkBudgetComparison } from '../core/dense/budget';
import { describeDenseIssue, type DenseFailure, type DenseIssue, type DenseIssueCode } from '../core/dense/issues';
import { checkOverfittingLab } from '../core/overfitting/lab';
import { expectTranslated } from './book.test-helper';
import { denseIssueBooks, phraseDenseIssue } from './dense-issues';
import type { DenseIssueForm } from './en-dense-issues';
import { plainWriter } from './phrase';

const COUNT_TOKENS = Object.keys(denseIssueBooks.en.tables!['count']!);
const WORK_TOKENS = Object.keys(denseIssueBooks.en.tables!['measure']!).filter((token) => token !== 'units_of_work');
const TYPE_TOKENS = Object.keys(denseIssueBooks.en.tables!['type']!);

/** Every code with every optional part and every token, with and without `got`. */
const VALUES: [DenseIssueCode, Record<string, string | number>][] = [
  ['required', {}],
  ['required', { alternative: 'y' }],
  ...TYPE_TOKENS.flatMap((expected): [DenseIssueCode, Record<string, string | number>][] => [['wrong_type', { expected }], ['wrong_type', { expected, got: '"a"' }]]),
  ['wrong_type', { expected: 'future_token', got: '1' }],
  ['not_finite', { got: 'null' }],
  ['not_finite', {}],
  ['not_integer', { got: '2.5' }],
  ['too_small', { min: 1, got: '0' }],
  ['too_small', { min: 0, exclusive: 1, got: '-1' }],
  ['too_large', { max: 256, got: '300' }],
  ['too_large', { max: 1, exclusive: 1 }],
  ...COUNT_TOKENS.map((of): [DenseIssueCode, Record<string, string | number>] => ['too_large', { max: 8, of, layer: 2, dim: 3, got: '9' }]),
  ['not_one_of', { allowed: 'sgd, adam', got: '"rmsprop"' }],
  ['unknown_field', { name: 'lr' }],
  ['unknown_field', { name: 'lr', known: 'widths, data' }],
  ...COUNT_TOKENS.map((of): [DenseIssueCode, Record<string, string | number>] => ['wrong_length', { expected: 3, actual: 2, of, layer: 2, dim: 4 }]),
  ['wrong_length', { expected: 3, actual: 2 }],
  ['exclusive_fields', { other: 'std' }],
  ['not_for_scheme', { scheme: 'xavier_uniform', parameter: 'std', accepted: 'normal' }],
  ['nesterov_needs_pytorch_form', {}],
  ['needs', { other: 'momentum' }],
  ...WORK_TOKENS.map((measure): [DenseIssueCode, Record<string, string | number>] => ['too_much_work', { value: '2,000,000', max: '1,000,000', measure }]),
  ['too_much_work', { value: 5, max: 4, measure: 'future_measure' }],
  ['bad_formula', { reason: 'names', names: 'y, z' }],
  ['bad_formula', { reason: 'not_finite', value: 'Infinity', x: -1 }],
  ['bad_formula', { reason: 'syntax', detail: 'expected a number, a name or "(" but found the end', position: 4 }],
  ['bad_formula', { reason: 'syntax', detail: 'the model is empty' }],
  ['internal', { detail: 'boom' }],
];
const issues: DenseIssue[] = VALUES.map(([code, values]) => ({ field: 'f', code, values, message: describeDenseIssue({ code, values }) }));
const FORMS = Object.keys(denseIssueBooks.en.codes) as DenseIssueForm[];

describe('dense-engine issues phrased from code and values', () => {
  it('English is word for word describeDenseIssue, for every code, optional part and token', () => {
    for (const issue of issues) expect(phraseDenseIssue('en', issue, plainWriter('en')), `${issue.code} ${JSON.stringify(issue.values)}`).toBe(issue.message);
  });

  it('Persian phrases every issue in a Persian sentence with Persian digits and no placeholder left', () => {
    for (const issue of issues) {
      const text = phraseDenseIssue('fa', issue, plainWriter('fa'));
      if (issue.code !== 'bad_formula' || issue.values['reason'] !== 'syntax' || issue.values['position'] !== undefined) expect(text, issue.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, issue.code).not.toMatch(/\{\w+(:\w+)?\}/);
    }
    const tooLarge = issues.find((issue) => issue.code === 'too_large' && issue.values['of'] === 'unit_rows')!;
    expect(phraseDenseIssue('fa', tooLarge, plainWriter('fa'))).toBe('باید حداکثر ۸ ردیف (یکی برای هر واحد لایهٔ ۲) باشد، اما ۹ است');
  });

  it("a formula that does not parse carries the parser's code and values: English as the engine wrote it, Persian from the parser's phrasebook", () => {
    const issuesOf = (result: { ok: true } | DenseFailure) => (result.ok ? [] : result.issues.filter((issue) => issue.code === 'bad_formula'));
    const budget = issuesOf(checkBudgetComparison({ target: { formula: '2 x + 1' } }))[0]!;
    const lab = issuesOf(checkOverfittingLab({ data: { kind: 'regression', truth: '(x + 1' } }))[0]!;
    const empty = issuesOf(checkBudgetComparison({ target: { formula: '  ' } }))[0]!;
    expect(budget.values).toMatchObject({ reason: 'syntax', syntax: 'missing_multiplication', number: 2, found: 'x', position: 2 });
    // The position is said once (the parser's message already ended in it).
    expect(budget.message).toBe('write "*" between 2 and "x" (at character 3)');
    expect(lab.message).toBe('expected ")" to close the "(" at character 1 but found the end (at character 7)');
    for (const issue of [budget, lab, empty]) expect(phraseDenseIssue('en', issue, plainWriter('en'))).toBe(issue.message);
    expect(phraseDenseIssue('fa', budget, plainWriter('fa'))).toBe('میان ۲ و "x" علامت "*" بنویسید (در نویسهٔ ۳)');
    expect(phraseDenseIssue('fa', lab, plainWriter('fa'))).toBe('برای بستن "(" در نویسهٔ ۱ انتظار ")" می‌رفت اما پایان متن آمد (در نویسهٔ ۷)');
    expect(phraseDenseIssue('fa', empty, plainWriter('fa'))).toMatch(/^فرمول خالی است/);
  });

  it('an unknown code keeps the English message', () => {
    expect(phraseDenseIssue('fa', { code: 'future' as DenseIssueCode, values: {}, message: 'the English' }, plainWriter('fa'))).toBe('the English');
  });

  it('every form and table entry has both languages', () => {
    expectTranslated(denseIssueBooks.en, denseIssueBooks.fa, FORMS);
  });
});
