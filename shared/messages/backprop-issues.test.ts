import { describe, expect, it } from 'vitest';
import { checkCase } from '../core/backprop/case';
import { runBackprop } from '../core/backprop/run';
import type { CaseIssue, CaseIssueCode } from '../core/backprop/types';
import { parseBackpropCase, type BackpropCaseError } from '../protocol/backprop-schema';
import { expectTranslated } from './book.test-helper';
import { backpropIssueBooks, phraseBackpropIssue, phraseBackpropIssueBody } from './backprop-issues';
import { plainWriter } from './phrase';

const one = [[1, 2], [3, 4]];
/** Cases the core refuses, at least one per code (the first test holds that). */
const CASES: unknown[] = [
  [1, 2],
  null,
  { input: one, filters: [[1]], foo: 1, pool: { type: 'max', kernel: 1, size: 2 }, upstream: { loss: 'mse', target: [[1, 2]], weight: 1 } },
  {},
  { input: 3, filters: 'a long string of more than twenty characters' },
  { input: [1, 2, 3], filters: [[[1]]] },
  { input: [[1, 'x']], filters: [[true]] },
  { input: [[[1, 2]], 5], filters: [[1]] },
  { input: [[]], filters: [[1]] },
  { input: [[1, 2, 3], [1, 2]], filters: [[1]] },
  { input: [[1, 2], [1]], filters: [[1]] },
  { input: Array.from({ length: 9 }, () => [[1]]), filters: [[1]] },
  { input: Array.from({ length: 40 }, () => [1, 2, 3, 4]), filters: [[1]] },
  { input: one, filters: Array.from({ length: 9 }, () => [[[1]]]) },
  { input: one, filters: [Array.from({ length: 33 }, () => 1)] },
  { input: [one, one], filters: [[[[1]]]] },
  { input: [one, one, one], filters: [[[[1]], [[1]]]] },
  { input: [one, one], filters: [[1]] },
  { input: one, filters: [[1]], bias: 3 },
  { input: one, filters: [[1]], bias: [1, 'b'] },
  { input: one, filters: [[[[1]]], [[[1]]]], bias: [1] },
  { input: one, filters: [[1]], stride: 0, padding: [1, -1], dilation: 'two' },
  { input: one, filters: [[1]], stride: [[1], 2], padding: 65, dilation: {} },
  { input: one, filters: [[1]], activation: 'gelu', ties: 'last' },
  { input: [[1]], filters: [[1, 1], [1, 1]], dilation: 2 },
  { input: one, filters: [[1]], pool: 'max' },
  { input: one, filters: [[1]], pool: {} },
  { input: one, filters: [[1]], pool: { type: 'max' } },
  { input: one, filters: [[1]], pool: { type: 'avg', kernel: 2, padding: 2 } },
  { input: one, filters: [[1]], pool: { type: 'max', kernel: 3 } },
  { input: one, filters: [[1]], pool: { type: 'globalmax', kernel: 2, stride: 1, padding: 0 } },
  { input: one, filters: [[1]], upstream: Infinity },
  { input: one, filters: [[1]], upstream: [1, 2] },
  { input: one, filters: [[[[1]]], [[[1]]]], upstream: [[1, 2]] },
  { input: one, filters: [[1]], upstream: [[1, 2]] },
  { input: one, filters: [[[[1]]], [[[1]]]], upstream: [[[1, 2]], [[1, 2]]] },
  { input: one, filters: [[1]], upstream: { loss: 'mae', target: one } },
  { input: one, filters: [[1]], upstream: { target: one } },
  { input: one, filters: [[1]], upstream: { loss: 'mse' } },
  { input: one, filters: [[1]], upstream: 'x' },
];
/** A case that throws while it is read. */
const HOSTILE = {
  get input(): unknown {
    throw new Error('no input today');
  },
  filters: [[1]],
};

const coreIssues: CaseIssue[] = [...CASES.flatMap((raw) => {
  const checked = checkCase(raw);
  return checked.ok ? [] : checked.issues;
}), ...(() => {
  const result = runBackprop(HOSTILE);
  return result.ok ? [] : result.issues;
})()];
const schemaErrors: BackpropCaseError[] = [...CASES, HOSTILE].flatMap((raw) => {
  const parsed = parseBackpropCase(raw);
  return parsed.ok ? [] : parsed.errors;
});
const CODES = Object.keys(backpropIssueBooks.en.codes) as CaseIssueCode[];
const en = plainWriter('en');
const fa = plainWriter('fa');

describe('backprop case issues phrased from code and values', () => {
  it('the corpus reaches every code, through the core and through the schema', () => {
    expect(CODES.filter((code) => !coreIssues.some((issue) => issue.code === code))).toEqual([]);
    expect(CODES.filter((code) => !schemaErrors.some((error) => error.code === code))).toEqual([]);
  });

  it('English is word for word the core message', () => {
    for (const issue of coreIssues) expect(phraseBackpropIssueBody('en', issue, en), issue.code).toBe(issue.message);
  });

  it('English with the path is word for word the schema message', () => {
    expect(schemaErrors.every((error) => error.code !== undefined)).toBe(true);
    for (const error of schemaErrors) expect(phraseBackpropIssue('en', error, en), error.code).toBe(error.message);
  });

  it('Persian phrases every issue in Persian with Persian digits; the path keeps its Latin field names and indices', () => {
    for (const error of schemaErrors) {
      const text = phraseBackpropIssue('fa', error, fa);
      expect(text, error.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, error.code).not.toMatch(/\{\w+(:\w+)?\}/);
    }
    const ragged = schemaErrors.find((error) => error.code === 'level_length' && error.path.join() === 'input,1')!;
    expect(phraseBackpropIssue('fa', ragged, fa)).toBe('input[1]: سطر ۲ خانه دارد، اما باید ۳ تا داشته باشد');
    const pair = schemaErrors.find((error) => error.code === 'not_int_or_pair' && error.path[0] === 'padding')!;
    expect(phraseBackpropIssue('fa', pair, fa)).toBe('padding: باید عدد صحیحی ≥ ۰ (حداکثر ۶۴) یا [h, w] باشد، اما [۱,-۱] است');
    const nothing = schemaErrors.find((error) => error.code === 'loss_not_mse' && error.message.endsWith('nothing'))!;
    expect(phraseBackpropIssue('fa', nothing, fa)).toBe('upstream.loss: باید "mse" باشد، اما خالی است');
    const array = schemaErrors.find((error) => error.code === 'not_an_object')!;
    expect(phraseBackpropIssue('fa', array, fa)).toBe('مسئله باید یک شیء JSON با input و filters باشد، اما یک آرایه است');
  });

  it('the path goes through its own writer (the renderer isolates it); an error without a code keeps the English', () => {
    const ragged = schemaErrors.find((error) => error.code === 'level_length')!;
    expect(phraseBackpropIssue('fa', ragged, fa, (path) => `<${path}>`)).toMatch(/^<input\[\d\]>: سطر /);
    expect(phraseBackpropIssue('fa', { path: ['input'], message: 'input: the English' }, fa)).toBe('input: the English');
  });

  it('every code has both languages', () => {
    expectTranslated(backpropIssueBooks.en, backpropIssueBooks.fa, CODES);
  });
});
