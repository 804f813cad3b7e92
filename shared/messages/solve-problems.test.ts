import { describe, expect, it } from 'vitest';
import { solveSettings, type SolveProblemCode, type SolveResult } from '../core/network/solve';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';
import { phraseSolveProblem, solveProblemBooks } from './solve-problems';

/** Requests the solver refuses, at least one per code (the first test holds that). */
const results: SolveResult[] = [
  solveSettings({ input: 0, output: 3 } as never),
  solveSettings({ input: 2.5, output: 3 } as never),
  solveSettings({ input: 32, output: 2_000_000 } as never),
  solveSettings({ input: 32 } as never),
];
const CODES = Object.keys(solveProblemBooks.en.codes) as SolveProblemCode[];

describe('settings-solver problems phrased from code and values', () => {
  it('the corpus reaches every code', () => {
    expect(CODES.filter((code) => !results.some((result) => result.problemMessage?.code === code))).toEqual([]);
  });

  it('English is word for word the solver problem', () => {
    for (const result of results) expect(phraseSolveProblem('en', result, plainWriter('en'))).toBe(result.problem);
  });

  it('Persian is a Persian sentence with the value in Persian digits', () => {
    expect(phraseSolveProblem('fa', results[1]!, plainWriter('fa'))).toBe('اندازهٔ ورودی باید عددی صحیح از ۱ تا ۱٬۰۰۰٬۰۰۰ باشد، اما ۲٫۵ است');
    expect(phraseSolveProblem('fa', results[3]!, plainWriter('fa'))).toBe('اندازهٔ خروجی باید عددی صحیح از ۱ تا ۱٬۰۰۰٬۰۰۰ باشد، اما undefined است');
  });

  it('a result without a code keeps the English', () => {
    expect(phraseSolveProblem('fa', { problem: 'the English' }, plainWriter('fa'))).toBe('the English');
  });

  it('every code has both languages', () => {
    expectTranslated(solveProblemBooks.en, solveProblemBooks.fa, CODES);
  });
});
