import { FUNCTIONS, binary, call, isFunctionName, name, negate, num, type Expr } from './ast';
import { reportCaughtError } from '../internal-error';

/** Longest model text accepted, in characters. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Deepest nesting of operators, calls and parentheses. */
export const MAX_EXPRESSION_DEPTH = 64;
/** Most AST nodes in one expression. */
export const MAX_EXPRESSION_NODES = 400;

/**
 * Names refused even though they are well-formed identifiers: they mean something to
 * JavaScript, so a student who types them is told plainly that they are not variables here.
 */
const RESERVED = new Set(['constructor', 'prototype', 'this', 'import', 'eval', 'function', 'new', 'return', 'window', 'globalThis', 'require', 'process']);

/**
 * What went wrong, as a code any language can phrase (with `values`); `message` is the
 * English. `found` values are the token's text ('' at the end of the text).
 */
export type ParseErrorCode =
  | 'not_text'
  | 'too_long' // max
  | 'number_too_large' // number
  | 'member_access'
  | 'brackets'
  | 'comma'
  | 'unexpected_character' // character, functions (the function names, comma-separated)
  | 'too_many_parts' // max
  | 'too_deep' // max
  | 'missing_multiplication' // number, found
  | 'reserved_name' // name
  | 'unknown_function' // name, functions
  | 'unclosed_call' // name, found
  | 'function_without_call' // name
  | 'missing_operator' // name, found
  | 'unclosed_parenthesis' // opened_at (1-based), found
  | 'empty'
  | 'ends_early'
  | 'expected_value' // found
  | 'unmatched_parenthesis'
  | 'expected_operator' // found
  | 'unreadable';

/** A syntax error with the 0-based character position it refers to. */
export class ParseError extends Error {
  readonly position: number;
  readonly code: ParseErrorCode;
  readonly values: Readonly<Record<string, string | number>>;
  constructor(message: string, position: number, code: ParseErrorCode = 'unreadable', values: Record<string, string | number> = {}) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'ParseError';
    this.position = position;
    this.code = code;
    this.values = values;
  }
}

type Token =
  | { type: 'number'; value: number; start: number; end: number }
  | { type: 'name'; text: string; start: number; end: number }
  | { type: 'op'; text: '+' | '-' | '*' | '/' | '^' | '(' | ')'; start: number; end: number }
  | { type: 'end'; start: number; end: number };

const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*/;

function describeChar(char: string): string {
  return char === '"' ? "'\"'" : `"${char}"`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const numberMatch = NUMBER.exec(rest);
    if (numberMatch) {
      const value = Number(numberMatch[0]);
      if (!Number.isFinite(value)) throw new ParseError(`the number ${numberMatch[0]} is too large`, i, 'number_too_large', { number: numberMatch[0] });
      tokens.push({ type: 'number', value, start: i, end: i + numberMatch[0].length });
      i += numberMatch[0].length;
      continue;
    }
    const identMatch = IDENT.exec(rest);
    if (identMatch) {
      tokens.push({ type: 'name', text: identMatch[0], start: i, end: i + identMatch[0].length });
      i += identMatch[0].length;
      continue;
    }
    if ('+-*/^()'.includes(char)) {
      tokens.push({ type: 'op', text: char as '+', start: i, end: i + 1 });
      i++;
      continue;
    }
    if (char === '.') throw new ParseError('member access (".") is not allowed: write a number like 0.5, or a name', i, 'member_access');
    if (char === '[' || char === ']') throw new ParseError('brackets are not allowed: use parentheses ( )', i, 'brackets');
    if (char === ',') throw new ParseError('"," is not allowed: every function takes one argument, and decimals use "."', i, 'comma');
    throw new ParseError(`unexpected ${describeChar(char)}: use numbers, names, + - * / ^, parentheses and ${FUNCTIONS.join(', ')}`, i, 'unexpected_character', { character: char, functions: FUNCTIONS.join(', ') });
  }
  tokens.push({ type: 'end', start: text.length, end: text.length });
  return tokens;
}

/** The token as typed ('' for the end). */
function tokenText(token: Token): string {
  switch (token.type) {
    case 'end':
      return '';
    case 'number':
      return String(token.value);
    case 'name':
      return token.text;
    case 'op':
      return token.text;
  }
}

function describeToken(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'the end';
    case 'number':
      return `the number ${token.value}`;
    case 'name':
      return `"${token.text}"`;
    case 'op':
      return `"${token.text}"`;
  }
}

/**
 * Parses a model such as `a*x1^2 + b*x2^2 + c*x1*x2 + d` into a typed AST. Precedence, high
 * to low: `^` (right-associative; `-x^2` is `-(x^2)`, `2^-1` is allowed), unary minus,
 * `* /`, `+ -`. Throws `ParseError` (with a position) and nothing else.
 */
export function parseExpression(text: string): Expr {
  if (typeof text !== 'string') throw new ParseError('the model must be text', 0, 'not_text');
  if (text.length > MAX_EXPRESSION_LENGTH) throw new ParseError(`the model is longer than ${MAX_EXPRESSION_LENGTH} characters`, MAX_EXPRESSION_LENGTH, 'too_long', { max: MAX_EXPRESSION_LENGTH });
  const tokens = tokenize(text);
  let index = 0;
  let depth = 0;
  let nodes = 0;

  const peek = (): Token => tokens[index]!;
  const next = (): Token => tokens[index++]!;
  const isOp = (token: Token, op: string): boolean => token.type === 'op' && token.text === op;
  const made = (expr: Expr, at: number): Expr => {
    if (++nodes > MAX_EXPRESSION_NODES) throw new ParseError(`the model has more than ${MAX_EXPRESSION_NODES} parts`, at, 'too_many_parts', { max: MAX_EXPRESSION_NODES });
    return expr;
  };
  const enter = (at: number) => {
    if (++depth > MAX_EXPRESSION_DEPTH) throw new ParseError(`the model nests deeper than ${MAX_EXPRESSION_DEPTH} levels`, at, 'too_deep', { max: MAX_EXPRESSION_DEPTH });
  };

  function parseSum(): Expr {
    enter(peek().start);
    let left = parseProduct();
    for (let token = peek(); isOp(token, '+') || isOp(token, '-'); token = peek()) {
      next();
      left = made(binary(token.type === 'op' && token.text === '+' ? '+' : '-', left, parseProduct()), token.start);
    }
    depth--;
    return left;
  }

  function parseProduct(): Expr {
    let left = parseUnary();
    for (let token = peek(); isOp(token, '*') || isOp(token, '/'); token = peek()) {
      next();
      left = made(binary(token.type === 'op' && token.text === '*' ? '*' : '/', left, parseUnary()), token.start);
    }
    return left;
  }

  function parseUnary(): Expr {
    const token = peek();
    if (isOp(token, '-')) {
      next();
      enter(token.start);
      const operand = parseUnary();
      depth--;
      return made(negate(operand), token.start);
    }
    if (isOp(token, '+')) {
      next();
      enter(token.start);
      const operand = parseUnary();
      depth--;
      return operand;
    }
    return parsePower();
  }

  function parsePower(): Expr {
    const base = parsePrimary();
    const token = peek();
    if (!isOp(token, '^')) return base;
    next();
    enter(token.start);
    const exponent = parseUnary();
    depth--;
    return made(binary('^', base, exponent), token.start);
  }

  function parsePrimary(): Expr {
    const token = next();
    if (token.type === 'number') {
      const after = peek();
      if (after.type === 'name' || isOp(after, '(')) throw new ParseError(`write "*" between ${token.value} and ${describeToken(after)}`, after.start, 'missing_multiplication', { number: token.value, found: tokenText(after) });
      return made(num(token.value), token.start);
    }
    if (token.type === 'name') {
      const id = token.text;
      if (id.startsWith('__') || RESERVED.has(id)) throw new ParseError(`"${id}" is not allowed as a name`, token.start, 'reserved_name', { name: id });
      const after = peek();
      if (isOp(after, '(')) {
        if (!isFunctionName(id)) throw new ParseError(`unknown function "${id}"; the functions are ${FUNCTIONS.join(', ')}`, token.start, 'unknown_function', { name: id, functions: FUNCTIONS.join(', ') });
        next();
        enter(after.start);
        const arg = parseSum();
        depth--;
        const close = next();
        if (!isOp(close, ')')) throw new ParseError(`expected ")" to close ${id}( but found ${describeToken(close)}`, close.start, 'unclosed_call', { name: id, found: tokenText(close) });
        return made(call(id, arg), token.start);
      }
      if (isFunctionName(id)) throw new ParseError(`${id} is a function: write ${id}(...)`, token.start, 'function_without_call', { name: id });
      if (after.type === 'name' || after.type === 'number') throw new ParseError(`expected an operator between "${id}" and ${describeToken(after)}`, after.start, 'missing_operator', { name: id, found: tokenText(after) });
      return made(name(id), token.start);
    }
    if (isOp(token, '(')) {
      enter(token.start);
      const inner = parseSum();
      depth--;
      const close = next();
      if (!isOp(close, ')')) throw new ParseError(`expected ")" to close the "(" at character ${token.start + 1} but found ${describeToken(close)}`, close.start, 'unclosed_parenthesis', { opened_at: token.start + 1, found: tokenText(close) });
      return inner;
    }
    if (token.type === 'end') {
      if (text.trim() === '') throw new ParseError('the model is empty', token.start, 'empty');
      throw new ParseError('the model ends too early: a value is missing', token.start, 'ends_early');
    }
    throw new ParseError(`expected a number, a name or "(" but found ${describeToken(token)}`, token.start, 'expected_value', { found: tokenText(token) });
  }

  const expr = parseSum();
  const rest = peek();
  if (rest.type !== 'end') {
    if (isOp(rest, ')')) throw new ParseError('this ")" has no matching "("', rest.start, 'unmatched_parenthesis');
    throw new ParseError(`expected an operator but found ${describeToken(rest)}`, rest.start, 'expected_operator', { found: tokenText(rest) });
  }
  return expr;
}

/** `parseExpression` as a value: never throws. */
export function tryParseExpression(text: string): { ok: true; expr: Expr } | { ok: false; error: ParseError } {
  try {
    return { ok: true, expr: parseExpression(text) };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, error };
    // A RangeError from a pathological input still becomes a ParseError, never an escape.
    reportCaughtError('parseExpression', error);
    return { ok: false, error: new ParseError('the model could not be read', 0, 'unreadable') };
  }
}
