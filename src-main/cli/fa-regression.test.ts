import { describe, expect, it } from 'vitest';
import { checkBiasVarianceCase, checkDoubleDescentCase, formatRegressionIssue, type RegressionIssue } from '../../shared/core/regression/index';
import { runCli } from './run-cli.test-helper';

/**
 * Issue 11: the bias-variance and double-descent commands' refusals in Persian under --lang fa
 * (numbers in Persian digits, fields and names as typed), English by default unchanged: each
 * line is the core's formatRegressionIssue.
 */
const bv = { truth: 'sin', train_size: 5, resamples: 2, test_points: 5, model: { family: 'polynomial', degrees: [0, 1] } };
const dd = { truth: 'sin', train_size: 5, test_points: 5, features: [1, 2] };
const issuesOf = (checked: { ok: true } | { ok: false; issues: RegressionIssue[] }) => (checked.ok ? [] : checked.issues);

const REFUSED: { command: 'bias-variance' | 'double-descent'; document: Record<string, unknown>; fa: RegExp[] }[] = [
  { command: 'bias-variance', document: { ...bv, truth: '2x' }, fa: [/^خطا: truth: میان ۲ و "x" علامت "\*" بنویسید \(در نویسهٔ ۲\)$/] },
  { command: 'bias-variance', document: { ...bv, truth: 'y1 + x' }, fa: [/^خطا: truth: فرمول «y1» را می‌خواند \(نویسهٔ ۱\)؛ فقط x و ثابت pi مجازند$/] },
  { command: 'bias-variance', document: { ...bv, model: { family: 'polynomial', degrees: [2, 2] }, domain: [1, 0] }, fa: [/^خطا: domain: در دامنهٔ \[۱، ۰\]/, /^خطا: model\.degrees\[1\]: ۲ دو بار آمده است$/] },
  { command: 'bias-variance', document: { ...bv, train_size: 3, resamples: 2, datasets: [{ x: [0, 1], y: [1, 2] }] }, fa: [/^خطا: train_size: برابر ۳ است/, /^خطا: resamples: برابر ۲ است/] },
  { command: 'double-descent', document: { ...dd, truth: '(x + 1' }, fa: [/^خطا: truth: برای بستن "\(" در نویسهٔ ۱ انتظار "\)" می‌رفت اما پایان متن آمد \(در نویسهٔ ۷\)$/] },
  { command: 'double-descent', document: { ...dd, train_size: 200, features: Array.from({ length: 1000 }, (_, p) => p + 1) }, fa: [/^خطا: features: این کار [۰-۹]+ واحد محاسبه می‌برد و حداکثر ۲۰۰۰۰۰۰۰۰ مجاز است/] },
];

describe('regression refusals on the CLI', () => {
  it.each(REFUSED.map((each, index) => [index, each] as const))('case %i: English is the core\'s line; --lang fa is Persian, in Persian digits', async (_index, { command, document, fa }) => {
    const input = JSON.stringify(document);
    const en = await runCli([command, '-'], input);
    const persian = await runCli([command, '-', '--lang', 'fa'], input);
    const expected = issuesOf(command === 'bias-variance' ? checkBiasVarianceCase(document) : checkDoubleDescentCase(document));
    expect(expected.length).toBeGreaterThan(0);
    expect(en.code).toBe(2);
    expect(persian.code).toBe(2);
    expect(en.out).toBe('');
    expect(en.err).toBe(expected.map((issue) => `error: ${formatRegressionIssue(issue)}\n`).join(''));
    const lines = persian.err.trimEnd().split('\n');
    expect(lines).toHaveLength(fa.length);
    fa.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
    expect(persian.err).not.toMatch(/\b(must|the|is|got|at)\b/);
  });

  it('a refused truth at run time (not finite on the domain) is Persian too, with x in Persian digits', async () => {
    const input = JSON.stringify({ ...bv, truth: '1/x' });
    const persian = await runCli(['bias-variance', '-', '--lang', 'fa'], input);
    expect(persian.code).toBe(2);
    expect(persian.err).toBe('خطا: truth: تابع واقعی در x = ۰ عددی متناهی نیست؛ فرمولی انتخاب کنید که روی کل دامنه تعریف شده باشد\n');
    expect((await runCli(['bias-variance', '-'], input)).err).toBe('error: truth: the true function is not a finite number at x = 0; choose a formula defined on the whole domain\n');
  });
});
