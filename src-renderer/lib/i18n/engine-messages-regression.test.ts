import { afterEach, describe, expect, it } from 'vitest';
import { checkBiasVarianceCase, checkDoubleDescentCase, formatRegressionIssue, type RegressionIssue } from '../../../shared/core/regression/index';
import { describeLabIssue } from '../../views/bias-variance/issues';
import { FSI, PDI } from './bidi';
import { regressionIssueText } from './engine-messages';
import { setLocale } from './locale.svelte';

afterEach(() => setLocale('en'));

const first = (checked: { ok: true } | { ok: false; issues: RegressionIssue[] }): RegressionIssue => {
  if (checked.ok) throw new Error('expected a refusal');
  return checked.issues[0]!;
};
const bv = { truth: 'sin', train_size: 5, resamples: 2, test_points: 5, model: { family: 'polynomial', degrees: [0, 1] } };
const tooLarge = first(checkBiasVarianceCase({ ...bv, test_points: 5000 }));
const syntax = first(checkDoubleDescentCase({ truth: '2x', features: [1] }));

describe('regression-lab issues in the current language', () => {
  it('English: the core\'s line, the field first (none at the truth field)', () => {
    expect(regressionIssueText(tooLarge)).toBe(formatRegressionIssue(tooLarge));
    expect(describeLabIssue(tooLarge)).toBe(formatRegressionIssue(tooLarge));
    expect(describeLabIssue(syntax)).toBe(syntax.message);
  });

  it('Persian: the field isolated as typed, numbers in Persian digits, a formula error from the parser with its position', () => {
    setLocale('fa');
    expect(regressionIssueText(tooLarge)).toBe(`${FSI}test_points${PDI}: باید حداکثر ${FSI}۱۰۰۰${PDI} باشد؛ اکنون ${FSI}۵۰۰۰${PDI} است`);
    expect(describeLabIssue(syntax)).toBe(`میان ${FSI}۲${PDI} و ${FSI}"x"${PDI} علامت "*" بنویسید (در نویسهٔ ${FSI}۲${PDI})`);
  });
});
