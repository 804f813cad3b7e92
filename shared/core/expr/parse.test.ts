import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, binary, call, name, negate, num, type BinaryOperator, type Expr } from './ast';
import { MAX_EXPRESSION_DEPTH, MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_NODES, ParseError, parseExpression } from './parse';
import { toLatex, toText } from './print';

function errorOf(text: string): ParseError {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error(`"${text}" parsed`);
}

describe('parseExpression: the grammar', () => {
  it('reads the seed model with the usual precedence', () => {
    expect(parseExpression('a*x1^2 + b')).toEqual(binary('+', binary('*', name('a'), binary('^', name('x1'), num(2))), name('b')));
  });

  it('^ is right-associative and binds tighter than unary minus; 2^-1 is allowed', () => {
    expect(parseExpression('-x^2')).toEqual(negate(binary('^', name('x'), num(2))));
    expect(parseExpression('a^b^c')).toEqual(binary('^', name('a'), binary('^', name('b'), name('c'))));
    expect(parseExpression('2^-1')).toEqual(binary('^', num(2), negate(num(1))));
  });

  it('- and / are left-associative; parentheses group', () => {
    expect(parseExpression('a - b - c')).toEqual(binary('-', binary('-', name('a'), name('b')), name('c')));
    expect(parseExpression('a / (b / c)')).toEqual(binary('/', name('a'), binary('/', name('b'), name('c'))));
  });

  it('calls the nine functions, and only them', () => {
    for (const fn of FUNCTIONS) expect(parseExpression(`${fn}(x)`)).toEqual(call(fn, name('x')));
    expect(errorOf('foo(x)').message).toMatch(/unknown function "foo"; the functions are exp, log, sqrt/);
    expect(errorOf('sign(x)').message).toMatch(/unknown function "sign"/);
  });

  it('reads numbers in decimal and exponent form', () => {
    expect(parseExpression('0.5 + .25 + 1e-3 + 2E+2')).toEqual(binary('+', binary('+', binary('+', num(0.5), num(0.25)), num(0.001)), num(200)));
  });
});

describe('parseExpression: what is refused, and where', () => {
  it.each([
    ['constructor', 0, /"constructor" is not allowed/, 'reserved_name', { name: 'constructor' }],
    ['__proto__', 0, /"__proto__" is not allowed/, 'reserved_name', { name: '__proto__' }],
    ['this', 0, /"this" is not allowed/, 'reserved_name', { name: 'this' }],
    ['import(x)', 0, /"import" is not allowed/, 'reserved_name', { name: 'import' }],
    ['x.constructor', 1, /member access/, 'member_access', {}],
    ['a + b.c', 5, /member access/, 'member_access', {}],
    ['a[0]', 1, /brackets are not allowed/, 'brackets', {}],
    ['x => 1', 2, /unexpected "="/, 'unexpected_character', { character: '=', functions: FUNCTIONS.join(', ') }],
    ['`x`', 0, /unexpected "`"/, 'unexpected_character', { character: '`', functions: FUNCTIONS.join(', ') }],
    ['"a"', 0, /unexpected/, 'unexpected_character', { character: '"', functions: FUNCTIONS.join(', ') }],
    ['2x', 1, /write "\*" between 2 and "x"/, 'missing_multiplication', { number: 2, found: 'x' }],
    ['a b', 2, /expected an operator between "a" and "b"/, 'missing_operator', { name: 'a', found: 'b' }],
    ['(a + b', 6, /expected "\)" to close the "\(" at character 1/, 'unclosed_parenthesis', { opened_at: 1, found: '' }],
    ['a + b)', 5, /has no matching "\("/, 'unmatched_parenthesis', {}],
    ['a +', 3, /ends too early/, 'ends_early', {}],
    ['', 0, /empty/, 'empty', {}],
    ['exp', 0, /exp is a function: write exp\(\.\.\.\)/, 'function_without_call', { name: 'exp' }],
    ['max(a, b)', 5, /"," is not allowed: every function takes one argument/, 'comma', {}],
    ['max(a)', 0, /unknown function "max"/, 'unknown_function', { name: 'max', functions: FUNCTIONS.join(', ') }],
    ['1e999', 0, /too large/, 'number_too_large', { number: '1e999' }],
    ['a + *', 4, /expected a number, a name or "\(" but found "\*"/, 'expected_value', { found: '*' }],
    ['(a) b', 4, /expected an operator but found "b"/, 'expected_operator', { found: 'b' }],
    ['exp(a', 5, /expected "\)" to close exp\( but found the end/, 'unclosed_call', { name: 'exp', found: '' }],
  ] as const)('%j → ParseError at %i', (text, position, message, code, values) => {
    const error = errorOf(text);
    expect(error.position).toBe(position);
    // The code and values let any language phrase the error; the message is the English.
    expect(error.code).toBe(code);
    expect(error.values).toEqual(values);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(`(at character ${position + 1})`);
  });

  it('limits length, depth and node count', () => {
    expect(errorOf('a+'.repeat(MAX_EXPRESSION_LENGTH)).message).toMatch(/longer than 1000 characters/);
    expect(errorOf('a+'.repeat(MAX_EXPRESSION_LENGTH))).toMatchObject({ code: 'too_long', values: { max: MAX_EXPRESSION_LENGTH } });
    expect(errorOf('('.repeat(MAX_EXPRESSION_DEPTH + 5) + 'a' + ')'.repeat(MAX_EXPRESSION_DEPTH + 5))).toMatchObject({ code: 'too_deep', values: { max: MAX_EXPRESSION_DEPTH } });
    expect(errorOf(Array.from({ length: MAX_EXPRESSION_NODES }, () => 'a').join('+'))).toMatchObject({ code: 'too_many_parts', values: { max: MAX_EXPRESSION_NODES } });
    expect(errorOf('('.repeat(MAX_EXPRESSION_DEPTH + 5) + 'a' + ')'.repeat(MAX_EXPRESSION_DEPTH + 5)).message).toMatch(/nests deeper than 64/);
    expect(errorOf('-'.repeat(MAX_EXPRESSION_DEPTH + 5) + 'a').message).toMatch(/nests deeper than 64/);
    expect(errorOf(Array.from({ length: MAX_EXPRESSION_NODES }, () => 'a').join('+')).message).toMatch(/more than 400 parts/);
  });

  it('random strings either parse or raise a ParseError, never anything else', () => {
    const alphabet = fc.constantFrom(...'ab x1 2.e-+*/^()[],.;`\'"_=>{}$\\sqrtexplogconstructor__proto__import'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join(''))), (text) => {
        try {
          const expr = parseExpression(text);
          expect(typeof expr.kind).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(ParseError);
          const { position } = error as ParseError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('no name made of JavaScript object keys ever reaches the AST', () => {
    fc.assert(
      fc.property(fc.constantFrom('constructor', '__proto__', 'prototype', 'this', '__defineGetter__', 'import'), fc.constantFrom('', '(x)', '.a', '+1'), (id, suffix) => {
        expect(() => parseExpression(`${id}${suffix}`)).toThrow(ParseError);
        expect(() => parseExpression(`a*${id}${suffix}`)).toThrow(ParseError);
      }),
    );
  });
});

/** Random ASTs of the parser's own shape (non-negative literals; negation as a node). */
const exprArbitrary: fc.Arbitrary<Expr> = fc.letrec<{ expr: Expr }>((tie) => ({
  expr: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1e6, noNaN: true }), fc.constantFrom(1e-7, 1e21, 0.1)).map((value) => num(value)),
    fc.constantFrom('a', 'b', 'x1', 'w_out', 'alpha').map(name),
    tie('expr').map(negate),
    fc.tuple(fc.constantFrom<BinaryOperator>('+', '-', '*', '/', '^'), tie('expr'), tie('expr')).map(([op, left, right]) => binary(op, left, right)),
    fc.tuple(fc.constantFrom(...FUNCTIONS), tie('expr')).map(([fn, arg]) => call(fn, arg)),
  ),
})).expr;

describe('printers', () => {
  it('print-then-parse gives the same AST', () => {
    fc.assert(
      fc.property(exprArbitrary, (expr) => {
        const text = toText(expr);
        expect(parseExpression(text)).toEqual(expr);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints parentheses only where needed', () => {
    for (const text of ['a*x1^2 + b*x2^2 + c*x1*x2 + d', 'a - (b - c)', '(a + b)*c', '-x^2', '(-x)^2', '2^-x', 'a^b^c', '(a^b)^c', 'a/(b*c)', 'exp(-(a*x))', 'sigmoid(w*x + b)']) {
      expect(toText(parseExpression(text))).toBe(text);
    }
  });

  it('writes LaTeX for KaTeX', () => {
    expect(toLatex(parseExpression('a*x1^2 + b*x2^2 + c*x1*x2 + d'))).toBe('a\\,x_{1}^{2} + b\\,x_{2}^{2} + c\\,x_{1}\\,x_{2} + d');
    expect(toLatex(parseExpression('sqrt(abs(x))/(1 + exp(-w_out))'))).toBe('\\frac{\\sqrt{\\left\\lvert x \\right\\rvert}}{1 + \\exp\\left(-w_{out}\\right)}');
    expect(toLatex(parseExpression('alpha*2*1e-7'))).toBe('\\alpha \\cdot 2 \\cdot 1 \\times 10^{-7}');
  });

  it('fills in numbers, negative ones in parentheses', () => {
    const values = { a: 2.6, c: -2.6, x1: 2, x2: -1 };
    expect(toText(parseExpression('a*x1^2 + c*x1*x2'), { values })).toBe('2.6*2^2 + (-2.6)*2*(-1)');
    expect(toLatex(parseExpression('c*x2^2'), { values })).toBe('\\left(-2.6\\right) \\cdot \\left(-1\\right)^{2}');
  });
});
