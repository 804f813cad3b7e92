import type { SolveProblemCode, SolveResult } from '../core/network/solve';
import { enSolveProblems } from './en-solve-problems';
import { faSolveProblems } from './fa-solve-problems';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const solveProblemBooks: Record<EngineLocale, Phrasebook<SolveProblemCode>> = { en: enSolveProblems, fa: faSolveProblems };

/** Why the settings solver searched nothing, in `locale`; without a code the English `problem`. */
export function phraseSolveProblem(locale: EngineLocale, result: Pick<SolveResult, 'problem' | 'problemMessage'>, write: ValueWriter): string {
  if (!result.problemMessage) return result.problem ?? '';
  return phrase(solveProblemBooks[locale], result.problemMessage, write, result.problem ?? '');
}
