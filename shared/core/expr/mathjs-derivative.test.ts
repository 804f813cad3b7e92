import fc from 'fast-check';
import { derivative as mathjsDerivative, parse as mathjsParse } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { compileModel } from './compile';
import { derivative } from './derivative';
import { INPUTS, modelArbitrary, PARAMS } from './model-arbitrary.test-helper';
import { toText } from './print';

/**
 * mathjs (a dev dependency; the layering rule lets tests import their oracles) as an
 * independent oracle for the symbolic partial derivatives of shared/core/expr.
 */

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
