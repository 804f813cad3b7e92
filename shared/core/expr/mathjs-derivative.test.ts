import fc from 'fast-check';
import { derivative as mathjsDerivative, parse as mathjsParse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { binary, call, name, negate, num, type BinaryOperator, type Expr, type FunctionName } from './ast';
import { compileModel } from './compile';
import { derivative } from './derivative';
import { toText } from './print';

/**
 * mathjs (a dev dependency; the layering rule lets tests import their oracles) as an
 * independent oracle for the symbolic partial derivatives of shared/core/expr.
 */
const PARAMS = ['a', 'b', 'c'];
const INPUTS = ['x1', 'x2'];

/** Random smooth-enough models: polynomials with the nine functions; exponents small constants. */
function modelArbitrary(functions: readonly FunctionName[]): fc.Arbitrary<Expr> {
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

const point = fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 });

function close(actual: number, expected: number, relative: number, absolute: number): boolean {
  return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
}

describe('symbolic partials against mathjs', () => {
  it('the symbolic partials agree with mathjs derivative (an independent implementation)', () => {
    fc.assert(
      fc.property(modelArbitrary(['exp', 'log', 'sqrt', 'sin', 'cos', 'tanh']), point, (expr, values) => {
        const scope = { a: values[0]!, b: values[1]!, c: values[2]!, x1: values[3]!, x2: values[4]! };
        for (const param of PARAMS) {
          const ours = compileModel(derivative(expr, param), PARAMS, INPUTS).evaluate(Float64Array.from(values.slice(0, 3)), Float64Array.from(values.slice(3)));
          let theirs: unknown;
          try {
            theirs = mathjsDerivative(mathjsParse(toText(expr)), param).evaluate(scope) as unknown;
          } catch {
            // mathjs gives up on some constants it folds to complex numbers (log(-1)): no oracle there.
            continue;
          }
          if (typeof theirs !== 'number' || !Number.isFinite(theirs) || !Number.isFinite(ours) || Math.abs(theirs) > 1e8) continue;
          expect(close(ours, theirs, 1e-8, 1e-8), `d/d${param} of ${toText(expr)}: ${ours} vs mathjs ${theirs}`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

});
