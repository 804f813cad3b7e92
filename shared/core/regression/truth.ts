import { binary, call, compileModel, name, namesOf, num, toLatex, toText, tryParseExpression, type Expr } from '../expr/index';
import { regressionIssue, type RegressionIssue } from './issues';

/** The named true functions. `step` jumps at the domain's midpoint m: 1 where x > m, else 0. */
export const TRUTH_PRESETS = ['sin', 'cubic', 'step'] as const;
export type TruthPreset = (typeof TRUTH_PRESETS)[number];

/** Names a truth formula may read: the input x and the constant pi. */
export const TRUTH_NAMES = ['x', 'pi'] as const;

/** A true function f, compiled once, with its display forms. */
export interface Truth {
  /** As typed, or the preset's formula: `sin(2*pi*x)`, `x^3 - x`, `step(x - 0.5)`. */
  text: string;
  /** LaTeX of f(x). */
  latex: string;
  expr: Expr;
  /** f(x). */
  at(x: number): number;
}

/**
 * The preset's formula on the domain: sin(2 pi x); the cubic x^3 - x (a fixed polynomial in x,
 * so what a student types as `x^3 - x` is the same function); the step at the domain's midpoint.
 */
function presetExpr(preset: TruthPreset, domain: readonly [number, number]): Expr {
  const x = name('x');
  switch (preset) {
    case 'sin':
      return call('sin', binary('*', binary('*', num(2), name('pi')), x));
    case 'cubic':
      return binary('-', binary('^', x, num(3)), x);
    case 'step':
      return call('step', binary('-', x, num((domain[0] + domain[1]) / 2)));
  }
}

function isPreset(text: string): text is TruthPreset {
  return (TRUTH_PRESETS as readonly string[]).includes(text);
}

/** The 0-based position of the first `id` written as a whole name in `text`. */
function namePosition(text: string, id: string): number {
  const match = new RegExp(`(?<![A-Za-z0-9_])${id}(?![A-Za-z0-9_])`).exec(text);
  return match ? match.index : 0;
}

/**
 * Reads `truth` (a preset name or a formula in x in the expression language, with pi) into a
 * compiled function. Never throws: a bad formula is an issue at `field` with its position.
 */
export function readTruth(truth: string, domain: readonly [number, number], field = 'truth'): { ok: true; truth: Truth } | { ok: false; issue: RegressionIssue } {
  let expr: Expr;
  const trimmed = truth.trim();
  if (isPreset(trimmed)) expr = presetExpr(trimmed, domain);
  else {
    const parsed = tryParseExpression(truth);
    if (!parsed.ok) {
      const { position, code, values, message } = parsed.error;
      return { ok: false, issue: regressionIssue(field, 'formula_syntax', { position, reason: code, ...values, detail: message }) };
    }
    expr = parsed.expr;
    const stray = namesOf(expr).find((id) => !(TRUTH_NAMES as readonly string[]).includes(id));
    if (stray !== undefined) return { ok: false, issue: regressionIssue(field, 'unknown_name', { name: stray, position: namePosition(truth, stray) }) };
  }
  const compiled = compileModel(expr, ['pi'], ['x']);
  const constants = Float64Array.of(Math.PI);
  const input = new Float64Array(1);
  return {
    ok: true,
    truth: {
      text: toText(expr),
      latex: toLatex(expr),
      expr,
      at(x: number): number {
        input[0] = x;
        return compiled.evaluate(constants, input);
      },
    },
  };
}

/** f at every point; the first point where f is not finite, if any. */
export function evaluateTruth(truth: Truth, xs: ArrayLike<number>): { values: Float64Array; notFiniteAt: number | null } {
  const values = new Float64Array(xs.length);
  let notFiniteAt: number | null = null;
  for (let i = 0; i < xs.length; i++) {
    const value = truth.at(xs[i]!);
    values[i] = value;
    if (notFiniteAt === null && !Number.isFinite(value)) notFiniteAt = xs[i]!;
  }
  return { values, notFiniteAt };
}
