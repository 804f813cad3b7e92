import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binary, call, name, num, type FunctionName } from './ast';
import { compileBatchModel, compileModel } from './compile';
import { derivative } from './derivative';
import { INPUTS, modelArbitrary, PARAMS } from './model-arbitrary.test-helper';
import { toText } from './print';


/** Points in [-2, 2], never within 1e-3 of 0 unless exactly 0 (finite differences cannot resolve a singularity closer than their step). */
const point = fc.array(
  fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (v === 0 || Math.abs(v) > 1e-3 ? v : Math.sign(v) * 1e-3)),
  { minLength: 5, maxLength: 5 },
);

function close(actual: number, expected: number, relative: number, absolute: number): boolean {
  return Math.abs(actual - expected) <= absolute + relative * Math.abs(expected);
}

describe('compiled model: reverse-mode gradient', () => {
  it('agrees with central finite differences on random models', () => {
    const fns: FunctionName[] = ['exp', 'sin', 'cos', 'tanh', 'sigmoid', 'sqrt', 'log'];
    fc.assert(
      fc.property(modelArbitrary(fns), point, (expr, values) => {
        const model = compileModel(expr, PARAMS, INPUTS);
        const params = Float64Array.from(values.slice(0, 3));
        const inputs = Float64Array.from(values.slice(3));
        const gradient = new Float64Array(3);
        const y = model.evaluateWithGradient(params, inputs, gradient);
        expect(Object.is(y, model.evaluate(params, inputs))).toBe(true);
        if (!Number.isFinite(y) || Math.abs(y) > 1e6) return;
        const central = (k: number, h: number) => {
          const plus = Float64Array.from(params);
          const minus = Float64Array.from(params);
          plus[k] = plus[k]! + h;
          minus[k] = minus[k]! - h;
          return (model.evaluate(plus, inputs) - model.evaluate(minus, inputs)) / (2 * h);
        };
        for (let k = 0; k < 3; k++) {
          const h = 1e-4 * Math.max(1, Math.abs(params[k]!));
          const fd = central(k, h);
          const fdHalf = central(k, h / 2);
          // Truncation error of the central difference, estimated from two step sizes (Richardson).
          const truncation = Math.abs(fd - fdHalf);
          // Skip points next to a singularity or kink, where the two quotients disagree grossly.
          // Where our gradient is not finite PyTorch's is not either (sqrt'(0) = inf times 0 = NaN): no finite-difference check there.
          if (!Number.isFinite(gradient[k]!)) continue;
          if (!Number.isFinite(fd) || !Number.isFinite(fdHalf) || truncation > 1e-2 * (1 + Math.abs(fdHalf))) continue;
          const tolerance = 2 * truncation + 1e-6 * (1 + Math.abs(fdHalf));
          expect(Math.abs(gradient[k]! - fdHalf) <= tolerance, `d/d${PARAMS[k]} of ${toText(expr)} at ${values}: ${gradient[k]} vs ${fdHalf} (±${tolerance})`).toBe(true);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('the symbolic partials evaluate to the reverse-mode gradient', () => {
    const fns: FunctionName[] = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'sigmoid', 'relu'];
    fc.assert(
      fc.property(modelArbitrary(fns), point, (expr, values) => {
        const params = Float64Array.from(values.slice(0, 3));
        const inputs = Float64Array.from(values.slice(3));
        const gradient = new Float64Array(3);
        compileModel(expr, PARAMS, INPUTS).evaluateWithGradient(params, inputs, gradient);
        PARAMS.forEach((param, k) => {
          const symbolic = compileModel(derivative(expr, param), PARAMS, INPUTS).evaluate(params, inputs);
          // The symbolic form multiplies where PyTorch's backward masks (relu'(0)*NaN is NaN on paper, 0 in the reverse sweep): compare finite values.
          if (!Number.isFinite(gradient[k]!) || !Number.isFinite(symbolic) || Math.abs(gradient[k]!) > 1e8) return;
          expect(close(symbolic, gradient[k]!, 1e-9, 1e-9), `d/d${param} ${toText(derivative(expr, param))}: ${symbolic} vs ${gradient[k]}`).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('the batch evaluator gives the per-sample values', () => {
    fc.assert(
      fc.property(modelArbitrary(['exp', 'sin', 'tanh', 'relu', 'abs']), fc.array(point, { minLength: 1, maxLength: 8 }), (expr, rows) => {
        const params = Float64Array.from(rows[0]!.slice(0, 3));
        const columns = INPUTS.map((_, k) => Float64Array.from(rows, (row) => row[3 + k]!));
        const batch = compileBatchModel(expr, PARAMS, INPUTS, rows.length).evaluate(params, columns);
        const single = compileModel(expr, PARAMS, INPUTS);
        rows.forEach((row, i) => {
          const y = single.evaluate(params, Float64Array.from(row.slice(3)));
          expect(Object.is(batch[i]!, y) || close(batch[i]!, y, 1e-12, 1e-12), `${toText(expr)} row ${i}: ${batch[i]} vs ${y}`).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('follows PyTorch at the kinks: relu\'(0) = 0, abs\'(0) = 0, d(u^2)/du at 0 = 0', () => {
    const gradient = new Float64Array(1);
    for (const [text, expected] of [
      [call('relu', name('a')), 0],
      [call('abs', name('a')), 0],
      [binary('^', name('a'), num(2)), 0],
      [binary('^', name('a'), num(0)), 0],
    ] as const) {
      compileModel(text, ['a'], []).evaluateWithGradient(new Float64Array([0]), new Float64Array(0), gradient);
      expect(gradient[0]).toBe(expected);
    }
  });
});

describe('derivative: simplified for display', () => {
  it.each([
    ['a*x1^2 + b*x2^2 + c*x1*x2 + d', 'a', 'x1^2'],
    ['a*x1^2 + b*x2^2 + c*x1*x2 + d', 'c', 'x1*x2'],
    ['a*x1^2 + b*x2^2 + c*x1*x2 + d', 'd', '1'],
    ['a^2*x1', 'a', '2*a*x1'],
    ['sigmoid(w*x + b)', 'w', 'sigmoid(w*x + b)*(1 - sigmoid(w*x + b))*x'],
    ['relu(w*x)', 'w', 'step(w*x)*x'],
    ['-(a*x)', 'a', '-x'],
    ['x/a', 'a', '-x/a^2'],
  ])('d(%s)/d%s = %s', async (text, param, expected) => {
    const { parseExpression } = await import('./parse');
    expect(toText(derivative(parseExpression(text), param))).toBe(expected);
  });
});
