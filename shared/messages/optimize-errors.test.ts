import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from '../core/optim/presets';
import type { OptimizeProblem } from '../core/optim/problem';
import { prepareProblem, type FieldError, type OptimizeErrorCode } from '../core/optim/run';
import { expectTranslated } from './book.test-helper';
import { optimizeErrorBooks, phraseOptimizeError } from './optimize-errors';
import { plainWriter } from './phrase';

const seed = SEED_OPTIMIZE_PROBLEM;
const many = Array.from({ length: 60 }, (_, i) => `p${i}`);
/** Problems the optimizer refuses, at least one per code (the first test holds that). */
const PROBLEMS: OptimizeProblem[] = [
  { ...seed, data: { columns: ['x1', 'x1', 't'], rows: [[1, 2, 3]] }, target: 'y' },
  { ...seed, data: { columns: seed.data.columns, rows: [[1, 2]] } },
  { ...seed, data: { columns: seed.data.columns, rows: [] } },
  { ...seed, model: many.join(' + '), params: {} },
  { ...seed, model: 'a*t + b*x1 + c*x2 + d' },
  { ...seed, params: { a: 1, b: 1, c: 1, x1: 2, e: 3 } },
  { ...seed, optimizer: { ...seed.optimizer, nesterov: true } as OptimizeProblem['optimizer'] },
  { ...seed, epochs: 6000 },
  { ...seed, mode: 'batch', data: { columns: seed.data.columns, rows: Array.from({ length: 1000 }, () => [1, 2, 3]) }, epochs: 5000 },
];
const errors: FieldError[] = PROBLEMS.flatMap((problem) => {
  const prepared = prepareProblem(problem);
  return prepared.ok ? [] : prepared.errors;
});
const CODES = Object.keys(optimizeErrorBooks.en.codes) as OptimizeErrorCode[];

describe('optimizer checks phrased from code and values', () => {
  it('the corpus reaches every code', () => {
    expect(CODES.filter((code) => !errors.some((error) => error.problem?.code === code))).toEqual([]);
  });

  it('English is word for word the engine message', () => {
    for (const error of errors) expect(phraseOptimizeError('en', error, plainWriter('en')), error.problem?.code).toBe(error.message);
  });

  it('Persian phrases every coded error in Persian with Persian digits, no placeholder left', () => {
    for (const error of errors.filter((e) => e.problem)) {
      const text = phraseOptimizeError('fa', error, plainWriter('fa'));
      expect(text, error.problem!.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, error.problem!.code).not.toMatch(/\{\w+\}/);
    }
    const width = errors.find((error) => error.problem?.code === 'row_width')!;
    expect(phraseOptimizeError('fa', width, plainWriter('fa'))).toMatch(/^ردیف ۱ ۲ مقدار دارد؛ ۳ مقدار لازم است \(/);
  });

  it('an error without a code keeps the English', () => {
    expect(phraseOptimizeError('fa', { message: 'the English' }, plainWriter('fa'))).toBe('the English');
  });

  it('every code has both languages', () => {
    expectTranslated(optimizeErrorBooks.en, optimizeErrorBooks.fa, CODES);
  });
});
