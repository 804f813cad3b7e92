import type { enSolveProblems } from './en-solve-problems';
import type { TranslatedBook } from './phrase';

/** Persian phrasing of the settings solver's problems. */
export const faSolveProblems: TranslatedBook<typeof enSolveProblems> = {
  codes: {
    input_size: 'اندازهٔ ورودی باید عددی صحیح از ۱ تا ۱٬۰۰۰٬۰۰۰ باشد، اما {got} است',
    output_size: 'اندازهٔ خروجی باید عددی صحیح از ۱ تا ۱٬۰۰۰٬۰۰۰ باشد، اما {got} است',
  },
  tables: {},
};
