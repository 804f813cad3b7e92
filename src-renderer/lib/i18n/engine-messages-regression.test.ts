import { afterEach, describe, expect, it } from 'vitest';
import type { RegressionIssue } from '../../../shared/core/regression/index';
import { describeLabIssue } from '../../views/bias-variance/issues';
import { FSI, PDI } from './bidi';
import { regressionIssueText } from './engine-messages';
import { setLocale } from './locale.svelte';

afterEach(() => setLocale('en'));

/** Issues as the core sends them (shared/messages/regression-issues.test.ts holds the phrasing to the core's real refusals). */
const tooLarge: RegressionIssue = { field: 'test_points', code: 'too_large', values: { max: 1000, value: 5000 }, message: 'must be at most 1000, got 5000' };
const syntax: RegressionIssue = {
  field: 'truth',
  code: 'formula_syntax',
  values: { position: 1, reason: 'missing_multiplication', number: '2', found: 'x', detail: 'write "*" between 2 and "x" (at character 2)' },
  message: 'write "*" between 2 and "x" (at character 2)',
};
const line = (issue: RegressionIssue) => `${issue.field}: ${issue.message}`;

describe('regression-lab issues in the current language', () => {
  it('English: the core\'s line, the field first (none at the truth field)', () => {
    expect(regressionIssueText(tooLarge)).toBe(line(tooLarge));
    expect(describeLabIssue(tooLarge)).toBe(line(tooLarge));
    expect(describeLabIssue(syntax)).toBe(syntax.message);
  });

  it('Persian: the field isolated as typed, numbers in Persian digits, a formula error from the parser with its position', () => {
    setLocale('fa');
    expect(regressionIssueText(tooLarge)).toBe(`${FSI}test_points${PDI}: باید حداکثر ${FSI}۱۰۰۰${PDI} باشد؛ اکنون ${FSI}۵۰۰۰${PDI} است`);
    expect(describeLabIssue(syntax)).toBe(`میان ${FSI}۲${PDI} و ${FSI}"x"${PDI} علامت "*" بنویسید (در نویسهٔ ${FSI}۲${PDI})`);
  });
});
