import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodeSyntaxError, PyParser, tokenize, type PyValue } from './python-syntax';

/** Parses one value (an argument as the importers read it). */
function evaluate(text: string): PyValue {
  const parser = new PyParser(tokenize(text).tokens);
  const value = parser.value();
  const rest = parser.peek();
  if (rest.kind !== 'eof') throw new Error(`unread text after the value at column ${rest.column}`);
  return value;
}

function located(text: string): { line: number; message: string } {
  try {
    evaluate(text);
  } catch (error) {
    if (error instanceof CodeSyntaxError) return { line: error.located.line, message: error.located.message };
    throw error;
  }
  throw new Error(`${text} did not fail`);
}

describe('arithmetic in arguments', () => {
  // Values and types as CPython 3 prints them for the same text (python3 -c "print(repr(eval(text)))").
  it.each([
    ['16*16*16', 4096, true],
    ['64*2', 128, true],
    ['4*4*64', 1024, true],
    ['2+3*4', 14, true],
    ['(2+3)*4', 20, true],
    ['10-4-3', 3, true],
    ['2*-3', -6, true],
    ['--3', 3, true],
    ['-2**2', -4, true],
    ['2**3**2', 512, true],
    ['(-2)**2', 4, true],
    ['7//2', 3, true],
    ['-7//2', -4, true],
    ['7%-3', -2, true],
    ['-7%3', 2, true],
    ['100//7*7', 98, true],
    ['3*(1+1)//4', 1, true],
    ['-(3+1)*2', -8, true],
    ['2*3%4', 2, true],
    ['17%5*2', 4, true],
    ['+4', 4, true],
    ['1_000*2', 2000, true],
    ['2**0', 1, true],
    ['3 - -3', 6, true],
    ['2**-1', 0.5, false],
    ['64/2', 32, false],
    ['1/2', 0.5, false],
    ['0.5*4', 2, false],
  ])('%s = %d (int: %s), as Python computes it', (text, value, integer) => {
    expect(evaluate(text)).toMatchObject({ kind: 'number', value, integer });
  });

  it('tuples hold expressions: (2*2, 3) is the pair (4, 3)', () => {
    expect(evaluate('(2*2, 3)')).toMatchObject({ kind: 'sequence', items: [{ value: 4 }, { value: 3 }] });
  });

  it.each([
    ['a variable', '2 *\n c', 2, '"*" computes numbers only (+ - * / // % **), got the name c'],
    ['a string', "3 * 'same'", 1, '"*" computes numbers only (+ - * / // % **), got "same"'],
    ['division by zero', '\n\n64 // (2 - 2)', 3, '64 // 0 divides by zero'],
    ['a shift', 'f(1 << 4)', 1, '"<<" cannot be computed here; a value may use numbers with + - * / // % ** and parentheses'],
    ['an int beyond 2^53', '2**60', 1, 'larger than this reader computes exactly'],
    ['a minus before a string', "-'a'", 1, '"-" must be followed by a number'],
  ])('%s is an error on its line', (_name, text, line, message) => {
    const error = located(text);
    expect(error.line).toBe(line);
    expect(error.message).toContain(message);
  });
});

// ---- fast-check: random integer expressions against an independent evaluation ----

type Expr = { kind: 'literal'; value: bigint } | { kind: 'negate'; operand: Expr } | { kind: 'binary'; operator: '+' | '-' | '*' | '//' | '%'; left: Expr; right: Expr } | { kind: 'power'; base: Expr; exponent: bigint };

const PRECEDENCE = { binaryLow: 1, binaryHigh: 2, unary: 3, power: 4, atom: 5 } as const;

function level(expr: Expr): number {
  if (expr.kind === 'literal') return PRECEDENCE.atom;
  if (expr.kind === 'negate') return PRECEDENCE.unary;
  if (expr.kind === 'power') return PRECEDENCE.power;
  return expr.operator === '+' || expr.operator === '-' ? PRECEDENCE.binaryLow : PRECEDENCE.binaryHigh;
}

/** Python text with the fewest parentheses the precedence needs, plus the redundant ones `extra` asks for. */
function print(expr: Expr, extra: () => boolean): string {
  const wrap = (child: Expr, needed: boolean) => {
    const text = print(child, extra);
    return needed || extra() ? `(${text})` : text;
  };
  switch (expr.kind) {
    case 'literal':
      return String(expr.value);
    case 'negate':
      return `-${wrap(expr.operand, level(expr.operand) < PRECEDENCE.unary)}`;
    case 'power':
      // The base binds tighter than a unary minus: (-2)**2 needs its parentheses.
      return `${wrap(expr.base, level(expr.base) <= PRECEDENCE.power)} ** ${expr.exponent}`;
    case 'binary': {
      const own = level(expr);
      return `${wrap(expr.left, level(expr.left) < own)} ${expr.operator} ${wrap(expr.right, level(expr.right) <= own)}`;
    }
  }
}

const LIMIT = BigInt(Number.MAX_SAFE_INTEGER);
class Refused extends Error {}

/** Python's semantics, written another way than the reader: mod first, floor division from it. */
function reference(expr: Expr): bigint {
  const checked = (value: bigint) => {
    if (value > LIMIT || value < -LIMIT) throw new Refused('too large');
    return value;
  };
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'negate':
      return -reference(expr.operand);
    case 'power':
      return checked(reference(expr.base) ** expr.exponent);
    case 'binary': {
      const a = reference(expr.left);
      const b = reference(expr.right);
      if ((expr.operator === '//' || expr.operator === '%') && b === 0n) throw new Refused('division by zero');
      const mod = () => ((a % b) + b) % b;
      switch (expr.operator) {
        case '+':
          return checked(a + b);
        case '-':
          return checked(a - b);
        case '*':
          return checked(a * b);
        case '%':
          return mod();
        case '//':
          return checked((a - mod()) / b);
      }
    }
  }
}

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.bigInt({ min: 0n, max: 1000n }).map((value) => ({ kind: 'literal' as const, value })),
    tie('expr').map((operand) => ({ kind: 'negate' as const, operand })),
    fc.record({ operator: fc.constantFrom('+' as const, '-' as const, '*' as const, '//' as const, '%' as const), left: tie('expr'), right: tie('expr') }).map((parts) => ({ kind: 'binary' as const, ...parts })),
    fc.record({ base: tie('expr'), exponent: fc.bigInt({ min: 0n, max: 3n }) }).map((parts) => ({ kind: 'power' as const, ...parts })),
  ),
})).expr;

describe('arithmetic (fast-check)', () => {
  it('a random integer expression, printed with any redundant parentheses, reads as Python evaluates it', () => {
    fc.assert(
      fc.property(exprArb, fc.infiniteStream(fc.boolean()), (expr, coins) => {
        const iterator = coins[Symbol.iterator]();
        const text = print(expr, () => iterator.next().value === true && iterator.next().value === true);
        let expected: bigint | Refused;
        try {
          expected = reference(expr);
        } catch (error) {
          if (!(error instanceof Refused)) throw error;
          expected = error;
        }
        if (expected instanceof Refused) {
          expect(() => evaluate(text)).toThrow(CodeSyntaxError);
          return;
        }
        expect(evaluate(text)).toMatchObject({ kind: 'number', value: Number(expected), integer: true });
      }),
      { numRuns: 500 },
    );
  });
});
