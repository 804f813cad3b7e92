import { describe, expect, it } from 'vitest';
import { checkBiasVarianceCase, checkDoubleDescentCase, doubleDescentWork, explainBiasVariance, runBiasVariance, runDoubleDescent, type RegressionIssue, type RegressionIssueCode } from '../core/regression/index';
import { describeRegressionIssue, formatRegressionIssue } from '../core/regression/issues';
import { expectTranslated } from './book.test-helper';
import { persianDigits, plainWriter } from './phrase';
import type { RegressionIssueForm } from './en-regression-issues';
import { phraseRegressionIssue, phraseRegressionIssueLine, regressionIssueBooks } from './regression-issues';

const base = { truth: 'sin', train_size: 5, resamples: 2, test_points: 5, model: { family: 'polynomial', degrees: [0, 1] } };
const dd = { truth: 'sin', train_size: 5, test_points: 5, features: [1, 2] };
const issuesOf = (result: { ok: boolean; issues?: RegressionIssue[] }): RegressionIssue[] => (result.ok ? [] : result.issues!);

/** Real refusals of the core: checks, runs and explanations of both labs, every code reached (a test below says so). */
const CASES: unknown[] = [
  'nonsense',
  { model: { family: 'knn' } },
  { ...base, truth: 5 },
  { ...base, noise_std: 'a', seed: 'x', model: { family: 'polynomial', degrees: 3 } },
  { ...base, datasets: [5] },
  { ...base, train_size: 2.5, resamples: 0, test_points: 5000 },
  { ...base, noise_std: -1, lr: 1 },
  { ...base, model: { family: 'spline' } },
  { ...base, model: { family: 'polynomial', degrees: [2, 2, 99] } },
  { ...base, model: { family: 'polynomial', degrees: [] } },
  { ...base, domain: [1, 0] },
  { ...base, domain: [1] },
  { ...base, domain: [0, 1, 2] },
  { ...base, test_points: 3, test_targets: [1, 2] },
  { ...base, datasets: [{ x: [0, 1], y: [1] }] },
  { ...base, datasets: [{ x: [0, 1], y: [1, 2] }, { x: [0], y: [1] }] },
  { ...base, train_size: 3, resamples: 2, datasets: [{ x: [0, 1], y: [1, 2] }] },
  { ...base, datasets: [{ x: [0, 'a'], z: 1 }] },
  { ...base, truth: 'y + x1 * x' },
  ...['2x', '(x + 1', '', 'x +', 'sin', 'x)', 'x 2', 'sin x', 'foo(x)', 'x[1]', 'x.y', 'x, 1', 'x $ 1', '1e999 * x', 'sin(x', 'x y', '__a', 'x'.repeat(1001)].map((truth) => ({ ...base, truth: truth === 'sin' ? 'sin(' : truth })),
  { ...base, truth: 'x' + '+x'.repeat(400) },
  { ...base, truth: '('.repeat(70) + 'x' + ')'.repeat(70) },
];

const DD_CASES: unknown[] = [{ ...dd, features: [0, 1001], train_size: 201 }, { ...dd, train_size: 200, features: Array.from({ length: 1000 }, (_, p) => p + 1) }, { ...dd, ridge: -1, lr: 2 }, { ...dd, truth: 'log(x)' }, { ...dd, truth: '3x' }];

function corpus(): RegressionIssue[] {
  const issues: RegressionIssue[] = [];
  for (const value of CASES) issues.push(...issuesOf(checkBiasVarianceCase(value)));
  for (const value of DD_CASES) issues.push(...issuesOf(checkDoubleDescentCase(value)));
  issues.push(...issuesOf(runBiasVariance({ case: { ...base, truth: '1/x' } as never })));
  issues.push(...issuesOf(runBiasVariance({ case: base as never, chosen: 7 })));
  issues.push(...issuesOf(runDoubleDescent({ case: { ...dd, truth: '1/x' } as never })));
  for (const point of [-1, 99, 1.5]) issues.push(...issuesOf(explainBiasVariance({ case: base as never, complexity: 1, point } as never)));
  return issues;
}
const issues = corpus();
const FORMS = Object.keys(regressionIssueBooks.en.codes) as RegressionIssueForm[];
const CODES: RegressionIssueCode[] = ['required', 'wrong_type', 'not_integer', 'too_small', 'too_large', 'unknown_field', 'unknown_choice', 'domain_order', 'formula_syntax', 'unknown_name', 'truth_not_finite', 'duplicate', 'too_few', 'too_many', 'length_mismatch', 'conflicts_with_datasets', 'too_much_work'];

describe('regression-lab issues phrased from code and values', () => {
  it('the corpus of real refusals reaches every code and every form', () => {
    expect(new Set(issues.map((issue) => issue.code))).toEqual(new Set(CODES));
    expect(new Set(issues.map((issue) => issue.values['expected']).filter((expected) => typeof expected === 'string'))).toEqual(new Set(Object.keys(regressionIssueBooks.en.tables!['type']!)));
    expect(issues.some((issue) => issue.code === 'too_few' && issue.values['min'] === 1) && issues.some((issue) => issue.code === 'too_few' && issue.values['min'] !== 1)).toBe(true);
  });

  it('English is word for word describeRegressionIssue, and the line formatRegressionIssue, for every refusal', () => {
    for (const issue of issues) {
      expect(phraseRegressionIssue('en', issue, plainWriter('en')), `${issue.code} ${JSON.stringify(issue.values)}`).toBe(describeRegressionIssue(issue));
      expect(phraseRegressionIssueLine('en', issue, plainWriter('en'))).toBe(formatRegressionIssue(issue));
    }
  });

  it('Persian phrases every refusal in a Persian sentence with Persian digits and no placeholder left; names keep their Latin digits', () => {
    for (const issue of issues) {
      const text = phraseRegressionIssue('fa', issue, plainWriter('fa'));
      expect(text, `${issue.code} ${JSON.stringify(issue.values)}`).toMatch(/[\u0600-\u06FF]/);
      expect(text, issue.code).not.toMatch(/\{\w+(:\w+)?\}/);
      expect(text, issue.code).not.toMatch(/\b(the|must|is|at)\b/);
    }
    const line = (code: RegressionIssueCode, where?: (issue: RegressionIssue) => boolean) => phraseRegressionIssueLine('fa', issues.find((issue) => issue.code === code && (where?.(issue) ?? true))!, plainWriter('fa'));
    expect(line('too_large', (issue) => issue.field === 'test_points')).toBe('test_points: باید حداکثر ۱۰۰۰ باشد؛ اکنون ۵۰۰۰ است');
    expect(line('unknown_name')).toBe('truth: فرمول «y» را می‌خواند (نویسهٔ ۱)؛ فقط x و ثابت pi مجازند');
    expect(line('duplicate')).toBe('model.degrees[1]: ۲ دو بار آمده است');
    expect(line('too_much_work')).toBe(`features: این کار ${persianDigits(String(doubleDescentWork(200, Array.from({ length: 1000 }, (_, p) => p + 1))))} واحد محاسبه می‌برد و حداکثر ۲۰۰۰۰۰۰۰۰ مجاز است: نقطه‌های آموزشی یا ویژگی‌های کمتری بگیرید`);
    expect(line('wrong_type', (issue) => issue.field === '')).toBe('باید یک شیء باشد');
    expect(line('truth_not_finite')).toMatch(/^truth: تابع واقعی در x = ۰ /);
  });

  it("a truth formula that does not parse: English as the parser wrote it for the formula, Persian from the parser's code with its position", () => {
    const syntax = issues.filter((issue) => issue.code === 'formula_syntax');
    const missing = syntax.find((issue) => issue.values['reason'] === 'missing_multiplication')!;
    expect(missing.message).toBe('write "*" between 2 and "x" (at character 2)');
    expect(phraseRegressionIssue('fa', missing, plainWriter('fa'))).toBe('میان ۲ و "x" علامت "*" بنویسید (در نویسهٔ ۲)');
    const empty = syntax.find((issue) => issue.values['reason'] === 'empty')!;
    expect(empty.message).toMatch(/^the formula is empty/);
    expect(phraseRegressionIssue('fa', empty, plainWriter('fa'))).toBe('فرمول خالی است (در نویسهٔ ۱)');
    // every parser code the corpus reaches is phrased in Persian, the word "model" nowhere
    for (const issue of syntax) expect(phraseRegressionIssue('fa', issue, plainWriter('fa'))).not.toMatch(/مدل|model/);
    expect(new Set(syntax.map((issue) => issue.values['reason'])).size).toBeGreaterThanOrEqual(15);
  });

  it('an unknown code, or an unknown type or parser code, keeps the English message', () => {
    expect(phraseRegressionIssue('fa', { code: 'future' as RegressionIssueCode, values: {}, message: 'the English' }, plainWriter('fa'))).toBe('the English');
    expect(phraseRegressionIssue('fa', { code: 'wrong_type', values: { expected: 'spline' }, message: 'must be a spline' }, plainWriter('fa'))).toBe('must be a spline');
    expect(phraseRegressionIssue('fa', { code: 'formula_syntax', values: { reason: 'future', detail: 'the model is odd', position: 0 }, message: 'the formula is odd' }, plainWriter('fa'))).toBe('the formula is odd');
  });

  it('every form and table entry has both languages', () => {
    expectTranslated(regressionIssueBooks.en, regressionIssueBooks.fa, FORMS);
  });
});
