import type { SolveProblemCode } from '../core/network/solve';

/** English phrasing of the settings solver's problems (shared/core/network/solve.ts): word for word its `problem` (a test holds them equal). */
export const enSolveProblems = {
  codes: {
    input_size: 'the input size must be a whole number from 1 to 1,000,000, got {got}',
    output_size: 'the output size must be a whole number from 1 to 1,000,000, got {got}',
  } satisfies Record<SolveProblemCode, string>,
  tables: {},
};
