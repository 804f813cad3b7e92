/**
 * A small reader for the Python that model code is written in: call expressions with
 * positional and keyword arguments, numbers, strings, True/False/None, tuples and lists,
 * and arithmetic on numbers (`16*16*16`, `64//2`, `-(3 + 1)`) with Python's precedence and
 * int/float rules. No eval: the text is tokenized and parsed into plain values; anything
 * else is an error naming its line.
 */

export interface Token {
  kind: 'name' | 'number' | 'string' | 'op' | 'eof';
  text: string;
  line: number;
  column: number;
}

/**
 * A problem with the code, located (1-based line and column): its English `message`, and the
 * code and values shared/messages/code-problems phrases in any language (`got`, `found` and
 * `allowed` are this reader's English descriptions, rewritten by the phrasebook).
 */
export interface CodeError {
  line: number;
  column: number;
  message: string;
  code?: CodeProblemCode;
  values?: Readonly<Record<string, string | number>>;
}

/** What can be wrong with imported model code: the reader's (this file), the PyTorch and Keras importers' and importCode's. */
export type CodeProblemCode =
  | 'string_not_closed'
  | 'unexpected_character'
  | 'arithmetic_on_non_number'
  | 'divides_by_zero'
  | 'negative_power_of_zero'
  | 'too_large_exact'
  | 'complex_result'
  | 'too_large'
  | 'expected_paren_after'
  | 'expected_name'
  | 'sign_needs_number'
  | 'unreadable_number'
  | 'number_too_large_exact'
  | 'expected_comma_or_close'
  | 'unsupported_operator'
  | 'expected_value'
  | 'star_args'
  | 'keyword_twice'
  | 'positional_after_keyword'
  | 'expected_comma_or_paren_in_arguments'
  | 'too_many_positional'
  | 'unknown_argument'
  | 'argument_twice'
  | 'must_be_number'
  | 'must_be_whole'
  | 'must_be_int'
  | 'must_be_int_not_float'
  | 'pair_length'
  | 'must_be_whole_or_pair'
  | 'must_be_bool'
  | 'must_be_string'
  | 'must_be_one_of'
  // pytorch.ts
  | 'argument_not_supported'
  | 'adaptive_max_output_size'
  | 'batchnorm_momentum_none'
  | 'flatten_start_dim'
  | 'flatten_end_dim'
  | 'no_sequential'
  | 'no_sequential_lines'
  | 'declared_input_mismatch'
  | 'sequential_keywords'
  | 'ordered_dict_list'
  | 'ordered_dict_pair'
  | 'unreadable'
  | 'expected_layer'
  | 'layer_not_supported'
  | 'layer_needs'
  // keras.ts
  | 'keras_shape_tuple'
  | 'keras_shape_length'
  | 'activation_not_supported'
  | 'zero_padding_place'
  | 'keras_needs_shape'
  | 'keras_needs_filters'
  | 'transpose_same_padding'
  | 'zero_padding_uneven'
  | 'batchnorm_center_scale'
  | 'activation_needs_name'
  | 'relu_argument'
  | 'softmax_axis'
  | 'keras_layer_not_supported'
  | 'same_needs_input'
  | 'same_pads_unevenly'
  | 'keras_sequential_list'
  | 'model_add_layer'
  | 'no_keras_sequential'
  | 'zero_padding_at_end'
  // index.ts
  | 'not_text'
  | 'looks_like_json';

/** A located problem with its code and values; `message` is the English. */
export function codeError(at: { line: number; column: number }, code: CodeProblemCode, values: Readonly<Record<string, string | number>>, message: string): CodeError {
  return { line: at.line, column: at.column, message, code, values };
}

export class CodeSyntaxError extends Error {
  constructor(readonly located: CodeError) {
    super(`line ${located.line}: ${located.message}`);
  }
}

/**
 * A number and its Python type: `integer` is true for an int (`3`, `4*4*64`, `7//2`) and false
 * for a float (`0.5`, `1e-3`, `32.0`, `64/2`): PyTorch's sizes must be ints.
 */
export interface PyNumber {
  kind: 'number';
  value: number;
  integer: boolean;
  line: number;
  column: number;
}

export type PyValue =
  | PyNumber
  | { kind: 'string'; value: string; line: number; column: number }
  | { kind: 'bool'; value: boolean; line: number; column: number }
  | { kind: 'none'; line: number; column: number }
  | { kind: 'sequence'; brackets: '()' | '[]'; items: PyValue[]; line: number; column: number }
  | { kind: 'name'; name: string; line: number; column: number }
  | PyCall;

export interface PyCall {
  kind: 'call';
  /** Dotted name as written: "nn.Conv2d", "torch.nn.ReLU", "layers.Dense" */
  callee: string;
  args: PyValue[];
  keywords: { name: string; value: PyValue; line: number; column: number }[];
  line: number;
  column: number;
}

/** Comments as text with their line, for `# input: 3x128x128`. */
export interface Tokenized {
  tokens: Token[];
  comments: { text: string; line: number }[];
}

const OPS = new Set(['(', ')', '[', ']', '{', '}', ',', '=', '.', ':', '-', '+', '*', '/', ';', '@', '<', '>', '!', '%', '&', '|', '^', '~']);
/** Two-character operators read as one token (so `2**3` is not `2 * *3`). */
const DOUBLE_OPS = new Set(['**', '//', '<<', '>>', '==', '!=', '<=', '>=']);

export function tokenize(source: string): Tokenized {
  const tokens: Token[] = [];
  const comments: { text: string; line: number }[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    const column = i - lineStart + 1;
    if (char === '\n') {
      line++;
      i++;
      lineStart = i;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r' || char === '\\' || char === '\f') {
      i++;
      continue;
    }
    if (char === '#') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      comments.push({ text: source.slice(i + 1, stop).trim(), line });
      i = stop;
      continue;
    }
    if (/[A-Za-z_]/.test(char)) {
      let j = i + 1;
      while (j < source.length && /[A-Za-z0-9_]/.test(source[j]!)) j++;
      tokens.push({ kind: 'name', text: source.slice(i, j), line, column });
      i = j;
      continue;
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const match = /^(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][-+]?\d+)?/.exec(source.slice(i));
      const text = match![0];
      tokens.push({ kind: 'number', text, line, column });
      i += text.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const triple = source.startsWith(char.repeat(3), i);
      const quote = triple ? char.repeat(3) : char;
      let j = i + quote.length;
      let value = '';
      while (j < source.length && !source.startsWith(quote, j)) {
        if (!triple && source[j] === '\n') break;
        if (source[j] === '\\' && j + 1 < source.length) {
          value += source[j + 1];
          j += 2;
          continue;
        }
        if (source[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
        value += source[j];
        j++;
      }
      if (!source.startsWith(quote, j)) throw new CodeSyntaxError(codeError({ line, column }, 'string_not_closed', {}, 'this string is not closed'));
      tokens.push({ kind: 'string', text: value, line, column });
      i = j + quote.length;
      continue;
    }
    if (DOUBLE_OPS.has(source.slice(i, i + 2))) {
      tokens.push({ kind: 'op', text: source.slice(i, i + 2), line, column });
      i += 2;
      continue;
    }
    if (OPS.has(char)) {
      tokens.push({ kind: 'op', text: char, line, column });
      i++;
      continue;
    }
    throw new CodeSyntaxError(codeError({ line, column }, 'unexpected_character', { character: JSON.stringify(char) }, `unexpected character ${JSON.stringify(char)}`));
  }
  tokens.push({ kind: 'eof', text: '', line, column: i - lineStart + 1 });
  return { tokens, comments };
}

function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'the end of the code';
  if (token.kind === 'string') return `the string ${JSON.stringify(token.text)}`;
  return `"${token.text}"`;
}

/** The operators `arithmetic` computes, for messages. */
const ARITHMETIC_OPERATORS = '+ - * / // % **';
/** Python operators this reader does not compute (bitwise, comparison, matrix product). */
const UNSUPPORTED_OPERATORS = new Set(['@', '<', '>', '&', '|', '^', '~', '<<', '>>', '==', '!=', '<=', '>=', '!']);

/**
 * `left operator right` with Python's rules for int and float:
 * - `+ - * // % **` of two ints is an int, computed exactly (BigInt for `//`, `%`, `**`);
 *   `//` and `%` floor towards minus infinity (`-7 // 2` is -4, `7 % -3` is -2).
 * - `/` always gives a float (`64 / 2` is 32.0), as in Python 3; PyTorch then refuses it
 *   as a size, and so does `read.integer`, with the line and "use //".
 * - any float operand, or an int to a negative power, gives a float.
 * Division by zero, non-numbers, results beyond 2^53 (ints) and non-finite floats are
 * errors at the left operand's position.
 */
function arithmetic(operator: Token, left: PyValue, right: PyValue): PyNumber {
  const where = { line: left.line, column: left.column };
  const fail = (code: CodeProblemCode, message: string): never => {
    throw new CodeSyntaxError(codeError(where, code, operands, message));
  };
  for (const operand of [left, right]) {
    if (operand.kind !== 'number') {
      const values = { operator: operator.text, operators: ARITHMETIC_OPERATORS, got: describePy(operand) };
      throw new CodeSyntaxError(codeError(operand, 'arithmetic_on_non_number', values, `"${values.operator}" computes numbers only (${ARITHMETIC_OPERATORS}), got ${values.got}`));
    }
  }
  const a = left as PyNumber;
  const b = right as PyNumber;
  const op = operator.text;
  const operands = { left: describePy(a), operator: op, right: describePy(b), max: Number.MAX_SAFE_INTEGER };
  if ((op === '/' || op === '//' || op === '%') && b.value === 0) fail('divides_by_zero', `${describePy(a)} ${op} ${describePy(b)} divides by zero`);
  const bothInt = a.integer && b.integer;
  let value: number;
  let integer = bothInt;
  if (bothInt && op !== '/') {
    const [x, y] = [BigInt(a.value), BigInt(b.value)];
    let exact: bigint;
    switch (op) {
      case '+':
        exact = x + y;
        break;
      case '-':
        exact = x - y;
        break;
      case '*':
        exact = x * y;
        break;
      case '//': {
        const quotient = x / y;
        // BigInt division truncates; Python floors.
        exact = (x % y !== 0n && (x < 0n) !== (y < 0n)) ? quotient - 1n : quotient;
        break;
      }
      case '%': {
        const remainder = x % y;
        exact = remainder !== 0n && (remainder < 0n) !== (y < 0n) ? remainder + y : remainder;
        break;
      }
      default: {
        // '**'
        if (y < 0n) {
          if (x === 0n) fail('negative_power_of_zero', '0 cannot be raised to a negative power');
          integer = false;
          exact = 0n;
          break;
        }
        // |x| >= 2 to a power above 53 is beyond 2^53 anyway; stop before computing it.
        if ((x > 1n || x < -1n) && y > 53n) fail('too_large_exact', `${describePy(a)} ** ${describePy(b)} is larger than this reader computes exactly (${Number.MAX_SAFE_INTEGER})`);
        exact = x ** y;
      }
    }
    value = integer ? Number(exact) : a.value ** b.value;
    if (integer && (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER))) {
      fail('too_large_exact', `${describePy(a)} ${op} ${describePy(b)} is larger than this reader computes exactly (${Number.MAX_SAFE_INTEGER})`);
    }
  } else {
    integer = false;
    const [x, y] = [a.value, b.value];
    switch (op) {
      case '+':
        value = x + y;
        break;
      case '-':
        value = x - y;
        break;
      case '*':
        value = x * y;
        break;
      case '/':
        value = x / y;
        break;
      case '//':
        value = Math.floor(x / y);
        break;
      case '%':
        value = x - y * Math.floor(x / y);
        break;
      default:
        if (x === 0 && y < 0) fail('negative_power_of_zero', '0 cannot be raised to a negative power');
        if (x < 0 && !Number.isInteger(y)) fail('complex_result', `${describePy(a)} ** ${describePy(b)} is a complex number`);
        value = x ** y;
    }
  }
  if (!Number.isFinite(value)) fail('too_large', `${describePy(a)} ${op} ${describePy(b)} is too large to compute`);
  return { kind: 'number', value, integer, ...where };
}

/** Recursive-descent parser over the tokens; `position` moves forward only. */
export class PyParser {
  position = 0;
  constructor(readonly tokens: Token[]) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.position + offset, this.tokens.length - 1)]!;
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.position++;
    return token;
  }

  isOp(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === 'op' && token.text === text;
  }

  fail(token: Token, code: CodeProblemCode, values: Readonly<Record<string, string | number>>, message: string): never {
    throw new CodeSyntaxError(codeError(token, code, values, message));
  }

  /** "(" after the name of a call. */
  expectParenAfter(callee: string): Token {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== '(') this.fail(token, 'expected_paren_after', { callee, found: describeToken(token) }, `expected "(" after ${callee}, found ${describeToken(token)}`);
    return token;
  }

  /** a.b.c as one name */
  dottedName(): { name: string; token: Token } {
    const first = this.next();
    if (first.kind !== 'name') this.fail(first, 'expected_name', { found: describeToken(first) }, `expected a name, found ${describeToken(first)}`);
    let name = first.text;
    while (this.isOp('.') && this.peek(1).kind === 'name') {
      this.next();
      name += '.' + this.next().text;
    }
    return { name, token: first };
  }

  /**
   * One value: an atom, or arithmetic on numbers with Python's precedence, lowest first:
   * `+ -`, then `* / // %`, then unary `+ -`, then `**` (right-associative, and tighter than
   * a unary minus on its left: `-2**2` is -4). See `arithmetic` for the int/float rules.
   */
  value(): PyValue {
    return this.sum();
  }

  private sum(): PyValue {
    let left = this.product();
    while (this.isOp('+') || this.isOp('-')) {
      const operator = this.next();
      left = arithmetic(operator, left, this.product());
    }
    return left;
  }

  private product(): PyValue {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const operator = this.next();
      left = arithmetic(operator, left, this.unary());
    }
    return left;
  }

  private unary(): PyValue {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      const operand = this.unary();
      if (operand.kind !== 'number') this.fail(token, 'sign_needs_number', { operator: token.text, got: describePy(operand) }, `"${token.text}" must be followed by a number, found ${describePy(operand)}`);
      // 0 - value keeps an int zero from becoming -0.
      const value = token.text === '-' ? (operand.integer ? 0 - operand.value : -operand.value) : operand.value;
      return { ...operand, value, line: token.line, column: token.column };
    }
    return this.power();
  }

  private power(): PyValue {
    const base = this.atom();
    if (!this.isOp('**')) return base;
    const operator = this.next();
    return arithmetic(operator, base, this.unary());
  }

  private atom(): PyValue {
    const token = this.peek();
    if (token.kind === 'number') {
      this.next();
      const value = Number(token.text.replace(/_/g, ''));
      if (!Number.isFinite(value)) this.fail(token, 'unreadable_number', { number: token.text }, `${token.text} is not a number this reader understands`);
      // Python: a literal with a point or an exponent is a float (32.0, 1e3); digits alone are an int.
      const integer = !/[.eE]/.test(token.text);
      if (integer && !Number.isSafeInteger(value)) {
        this.fail(token, 'number_too_large_exact', { number: token.text, max: Number.MAX_SAFE_INTEGER }, `${token.text} is larger than this reader computes exactly (${Number.MAX_SAFE_INTEGER})`);
      }
      return { kind: 'number', value, integer, line: token.line, column: token.column };
    }
    if (token.kind === 'string') {
      this.next();
      return { kind: 'string', value: token.text, line: token.line, column: token.column };
    }
    if (token.kind === 'op' && (token.text === '(' || token.text === '[')) {
      this.next();
      const close = token.text === '(' ? ')' : ']';
      const items: PyValue[] = [];
      let sawComma = false;
      while (!this.isOp(close)) {
        items.push(this.value());
        if (this.isOp(',')) {
          this.next();
          sawComma = true;
        } else if (!this.isOp(close)) {
          this.failAfterValue('expected_comma_or_close', { close }, `expected "," or "${close}"`);
        }
      }
      this.next();
      // (x) is just x in Python; (x,) is a tuple.
      if (token.text === '(' && items.length === 1 && !sawComma) return items[0]!;
      return { kind: 'sequence', brackets: token.text === '(' ? '()' : '[]', items, line: token.line, column: token.column };
    }
    if (token.kind === 'name') {
      if (token.text === 'True' || token.text === 'False') {
        this.next();
        return { kind: 'bool', value: token.text === 'True', line: token.line, column: token.column };
      }
      if (token.text === 'None') {
        this.next();
        return { kind: 'none', line: token.line, column: token.column };
      }
      const { name } = this.dottedName();
      if (this.isOp('(')) return this.callAfterName(name, token);
      return { kind: 'name', name, line: token.line, column: token.column };
    }
    this.fail(token, 'expected_value', { found: describeToken(token) }, `expected a value, found ${describeToken(token)}`);
  }

  /** A token that cannot follow a value: an operator this reader does not compute gets its own message. */
  private failAfterValue(code: CodeProblemCode, values: Readonly<Record<string, string | number>>, expected: string): never {
    const token = this.peek();
    if (token.kind === 'op' && UNSUPPORTED_OPERATORS.has(token.text)) {
      const operator = { operator: token.text, operators: ARITHMETIC_OPERATORS };
      this.fail(token, 'unsupported_operator', operator, `"${token.text}" cannot be computed here; a value may use numbers with ${ARITHMETIC_OPERATORS} and parentheses`);
    }
    this.fail(token, code, { ...values, found: describeToken(token) }, `${expected}, found ${describeToken(token)}`);
  }
  /** The argument list of a call whose name was just read. */
  callAfterName(callee: string, at: Token): PyCall {
    this.expectParenAfter(callee);
    const call: PyCall = { kind: 'call', callee, args: [], keywords: [], line: at.line, column: at.column };
    while (!this.isOp(')')) {
      const token = this.peek();
      if (token.kind === 'op' && (token.text === '*' || token.text === '**')) this.fail(token, 'star_args', {}, '*args and **kwargs cannot be read; write the arguments out');
      if (token.kind === 'name' && this.isOp('=', 1)) {
        this.next();
        this.next();
        if (call.keywords.some((keyword) => keyword.name === token.text)) this.fail(token, 'keyword_twice', { name: token.text }, `keyword argument ${token.text} is given twice`);
        call.keywords.push({ name: token.text, value: this.value(), line: token.line, column: token.column });
      } else {
        if (call.keywords.length > 0) this.fail(token, 'positional_after_keyword', {}, 'a positional argument cannot follow a keyword argument');
        call.args.push(this.value());
      }
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) this.failAfterValue('expected_comma_or_paren_in_arguments', { callee }, `expected "," or ")" in the arguments of ${callee}`);
    }
    this.next();
    return call;
  }
}

/** The last part of a dotted name: "torch.nn.Conv2d" → "Conv2d". */
export function baseName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/** Arguments matched to a signature: name → value. */
export type BoundArguments = Map<string, PyValue>;

/**
 * Python's argument binding for a constructor signature: positional in order, then keywords;
 * too many positional arguments, unknown or repeated keywords are errors naming the line.
 */
export function bindArguments(call: PyCall, signature: readonly string[], display: string): BoundArguments {
  const bound: BoundArguments = new Map();
  if (call.args.length > signature.length) {
    const extra = call.args[signature.length]!;
    const values = { module: display, count: signature.length, signature: signature.join(', '), given: call.args.length };
    throw new CodeSyntaxError(codeError(extra, 'too_many_positional', values, `${display} takes at most ${signature.length} positional arguments (${values.signature}), got ${call.args.length}`));
  }
  call.args.forEach((value, i) => bound.set(signature[i]!, value));
  for (const keyword of call.keywords) {
    if (!signature.includes(keyword.name)) {
      const values = { module: display, name: keyword.name, signature: signature.join(', ') };
      throw new CodeSyntaxError(codeError(keyword, 'unknown_argument', values, `${display} has no argument "${keyword.name}"; its arguments are ${values.signature}`));
    }
    if (bound.has(keyword.name)) {
      throw new CodeSyntaxError(codeError(keyword, 'argument_twice', { module: display, name: keyword.name }, `${display} got "${keyword.name}" both by position and by name`));
    }
    bound.set(keyword.name, keyword.value);
  }
  return bound;
}

function locatedFail(value: PyValue, code: CodeProblemCode, values: Readonly<Record<string, string | number>>, message: string): never {
  throw new CodeSyntaxError(codeError(value, code, values, message));
}

function describePy(value: PyValue): string {
  switch (value.kind) {
    case 'number':
      // Python's repr: the float 32.0 keeps its point, so a message can tell it from the int 32.
      return !value.integer && Number.isInteger(value.value) && Math.abs(value.value) < 1e16 ? `${value.value}.0` : String(value.value);
    case 'string':
      return JSON.stringify(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'sequence':
      return value.brackets === '()' ? 'a tuple' : 'a list';
    case 'name':
      return `the name ${value.name} (a variable; only numbers, arithmetic on them and other literal values can be read)`;
    case 'call':
      return `a call of ${value.callee}`;
  }
}

/** Readers of one argument's value; `where` names it in messages ("Conv2d kernel_size"). */
export interface ValueReaders {
  /** Any number, int or float (eps, momentum, p). */
  number(value: PyValue, where: string): number;
  /** A Python int, as PyTorch and Keras need for sizes; the float 32.0 (or 64/2) is refused with "use //". */
  integer(value: PyValue, where: string): number;
  /** An int or a pair of ints (kernel_size=3, kernel_size=(3, 5)). */
  integerOrPair(value: PyValue, where: string): number | [number, number];
  boolean(value: PyValue, where: string): boolean;
  string(value: PyValue, where: string, allowed?: readonly string[]): string;
  /** Throws a located error (typed `never` so callers narrow after it). */
  fail(value: PyValue, code: CodeProblemCode, values: Readonly<Record<string, string | number>>, message: string): never;
  describe(value: PyValue): string;
}

export const read: ValueReaders = {
  number(value: PyValue, where: string): number {
    if (value.kind !== 'number') locatedFail(value, 'must_be_number', { where, got: describePy(value) }, `${where} must be a number, got ${describePy(value)}`);
    return value.value;
  },
  integer(value: PyValue, where: string): number {
    if (value.kind !== 'number') locatedFail(value, 'must_be_whole', { where, got: describePy(value) }, `${where} must be a whole number, got ${describePy(value)}`);
    if (!value.integer) {
      const hint = Number.isInteger(value.value) ? ' (a float: in Python / always gives a float; // gives an int)' : '';
      locatedFail(value, hint ? 'must_be_int_not_float' : 'must_be_int', { where, got: describePy(value) }, `${where} must be a whole number (an int), got ${describePy(value)}${hint}`);
    }
    return value.value;
  },
  integerOrPair(value: PyValue, where: string): number | [number, number] {
    if (value.kind === 'sequence') {
      if (value.items.length !== 2) {
        const values = { where, sequence: value.brackets === '()' ? 'tuple' : 'list', count: value.items.length };
        locatedFail(value, 'pair_length', values, `${where} must be a whole number or a pair (h, w), got a ${values.sequence} of ${value.items.length}`);
      }
      return [read.integer(value.items[0]!, `${where}[0]`), read.integer(value.items[1]!, `${where}[1]`)];
    }
    if (value.kind !== 'number') locatedFail(value, 'must_be_whole_or_pair', { where, got: describePy(value) }, `${where} must be a whole number or a pair (h, w), got ${describePy(value)}`);
    return read.integer(value, where);
  },
  boolean(value: PyValue, where: string): boolean {
    if (value.kind !== 'bool') locatedFail(value, 'must_be_bool', { where, got: describePy(value) }, `${where} must be True or False, got ${describePy(value)}`);
    return value.value;
  },
  string(value: PyValue, where: string, allowed?: readonly string[]): string {
    if (value.kind !== 'string' || (allowed && !allowed.includes(value.value))) {
      const got = describePy(value);
      if (!allowed) locatedFail(value, 'must_be_string', { where, got }, `${where} must be a string, got ${got}`);
      const options = allowed.map((each) => `'${each}'`).join(' or ');
      locatedFail(value, 'must_be_one_of', { where, allowed: options, got }, `${where} must be ${options}, got ${got}`);
    }
    return value.value;
  },
  fail: locatedFail,
  describe: describePy,
};

/** A number as Python writes it: 3, 0.5, 1e-05 → 1e-05, -2. */
export function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as a Python literal`);
  return String(value);
}

export function pythonPair(value: number | readonly [number, number]): string {
  return typeof value === 'number' ? pythonNumber(value) : `(${pythonNumber(value[0])}, ${pythonNumber(value[1])})`;
}

export function pythonString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `# input: 3x128x128` or `# input: [3, 128, 128]` in a comment → the shape. */
export function inputFromComments(comments: readonly { text: string; line: number }[]): { shape: number[]; line: number } | null {
  for (const comment of comments) {
    const match = /^input\s*(?:shape)?\s*[:=]\s*\[?\(?\s*([\d\s,x×]+?)\s*\)?\]?\s*(?:\(.*\))?$/i.exec(comment.text);
    if (!match?.[1]) continue;
    const parts = match[1].split(/\s*(?:,|x|×|\s)\s*/i).filter((part) => part !== '');
    if (parts.length > 0 && parts.every((part) => /^\d+$/.test(part))) return { shape: parts.map(Number), line: comment.line };
  }
  return null;
}
