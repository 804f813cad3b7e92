import fc from 'fast-check';
import { binary, call, name, negate, num, type BinaryOperator, type Expr, type FunctionName } from './ast';

/** The parameters and inputs of the random models the expression tests draw. */
export const PARAMS = ['a', 'b', 'c'];
export const INPUTS = ['x1', 'x2'];

/** Random smooth-enough models: polynomials with the nine functions; exponents small constants. */
export function modelArbitrary(functions: readonly FunctionName[]): fc.Arbitrary<Expr> {
  return fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { maxDepth: 4, depthSize: 'small' },
      fc.integer({ min: 1, max: 5 }).map((value) => num(value)),
      fc.constantFrom(...PARAMS, ...INPUTS).map(name),
      tie('expr').map(negate),
      fc.tuple(fc.constantFrom<BinaryOperator>('+', '-', '*'), tie('expr'), tie('expr')).map(([op, l, r]) => binary(op, l, r)),
      fc.tuple(tie('expr'), fc.constantFrom(2, 3)).map(([base, power]) => binary('^', base, num(power))),
      fc.tuple(tie('expr'), tie('expr')).map(([l, r]) => binary('/', l, binary('+', num(2), binary('^', r, num(2))))),
      fc.tuple(fc.constantFrom(...functions), tie('expr')).map(([fn, arg]) => call(fn, arg)),
    ),
  })).expr;
}
