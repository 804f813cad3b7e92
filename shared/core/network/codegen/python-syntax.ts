/**
 * A small reader for the Python that model code is written in: call expressions with
 * positional and keyword arguments, numbers, strings, True/False/None, tuples and lists.
 * No eval: the text is tokenized and parsed into plain values; anything else is an error
 * naming its line.
 */

export interface Token {
  kind: 'name' | 'number' | 'string' | 'op' | 'eof';
  text: string;
  line: number;
  column: number;
}

/** A problem with the code, located (1-based line and column). */
export interface CodeError {
  line: number;
  column: number;
  message: string;
}

export class CodeSyntaxError extends Error {
  constructor(readonly located: CodeError) {
    super(`line ${located.line}: ${located.message}`);
  }
}

export type PyValue =
  | { kind: 'number'; value: number; line: number; column: number }
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
      if (!source.startsWith(quote, j)) throw new CodeSyntaxError({ line, column, message: 'this string is not closed' });
      tokens.push({ kind: 'string', text: value, line, column });
      i = j + quote.length;
      continue;
    }
    if (OPS.has(char)) {
      tokens.push({ kind: 'op', text: char, line, column });
      i++;
      continue;
    }
    throw new CodeSyntaxError({ line, column, message: `unexpected character ${JSON.stringify(char)}` });
  }
  tokens.push({ kind: 'eof', text: '', line, column: i - lineStart + 1 });
  return { tokens, comments };
}

function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'the end of the code';
  if (token.kind === 'string') return `the string ${JSON.stringify(token.text)}`;
  return `"${token.text}"`;
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

  fail(token: Token, message: string): never {
    throw new CodeSyntaxError({ line: token.line, column: token.column, message });
  }

  expectOp(text: string, context: string): Token {
    const token = this.next();
    if (token.kind !== 'op' || token.text !== text) this.fail(token, `expected "${text}" ${context}, found ${describeToken(token)}`);
    return token;
  }

  /** a.b.c as one name */
  dottedName(): { name: string; token: Token } {
    const first = this.next();
    if (first.kind !== 'name') this.fail(first, `expected a name, found ${describeToken(first)}`);
    let name = first.text;
    while (this.isOp('.') && this.peek(1).kind === 'name') {
      this.next();
      name += '.' + this.next().text;
    }
    return { name, token: first };
  }

  value(): PyValue {
    const token = this.peek();
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      const operand = this.value();
      if (operand.kind !== 'number') this.fail(token, `"${token.text}" must be followed by a number`);
      return { ...operand, value: token.text === '-' ? -operand.value : operand.value, line: token.line, column: token.column };
    }
    if (token.kind === 'number') {
      this.next();
      const value = Number(token.text.replace(/_/g, ''));
      if (!Number.isFinite(value)) this.fail(token, `${token.text} is not a number this reader understands`);
      return { kind: 'number', value, line: token.line, column: token.column };
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
          this.fail(this.peek(), `expected "," or "${close}", found ${describeToken(this.peek())}`);
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
    this.fail(token, `expected a value, found ${describeToken(token)}`);
  }

  /** The argument list of a call whose name was just read. */
  callAfterName(callee: string, at: Token): PyCall {
    this.expectOp('(', `after ${callee}`);
    const call: PyCall = { kind: 'call', callee, args: [], keywords: [], line: at.line, column: at.column };
    while (!this.isOp(')')) {
      const token = this.peek();
      if (token.kind === 'op' && token.text === '*') this.fail(token, '*args and **kwargs cannot be read; write the arguments out');
      if (token.kind === 'name' && this.isOp('=', 1)) {
        this.next();
        this.next();
        if (call.keywords.some((keyword) => keyword.name === token.text)) this.fail(token, `keyword argument ${token.text} is given twice`);
        call.keywords.push({ name: token.text, value: this.value(), line: token.line, column: token.column });
      } else {
        if (call.keywords.length > 0) this.fail(token, 'a positional argument cannot follow a keyword argument');
        call.args.push(this.value());
      }
      if (this.isOp(',')) this.next();
      else if (!this.isOp(')')) this.fail(this.peek(), `expected "," or ")" in the arguments of ${callee}, found ${describeToken(this.peek())}`);
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
    throw new CodeSyntaxError({
      line: extra.line,
      column: extra.column,
      message: `${display} takes at most ${signature.length} positional arguments (${signature.join(', ')}), got ${call.args.length}`,
    });
  }
  call.args.forEach((value, i) => bound.set(signature[i]!, value));
  for (const keyword of call.keywords) {
    if (!signature.includes(keyword.name)) {
      throw new CodeSyntaxError({
        line: keyword.line,
        column: keyword.column,
        message: `${display} has no argument "${keyword.name}"; its arguments are ${signature.join(', ')}`,
      });
    }
    if (bound.has(keyword.name)) {
      throw new CodeSyntaxError({ line: keyword.line, column: keyword.column, message: `${display} got "${keyword.name}" both by position and by name` });
    }
    bound.set(keyword.name, keyword.value);
  }
  return bound;
}

function locatedFail(value: PyValue, message: string): never {
  throw new CodeSyntaxError({ line: value.line, column: value.column, message });
}

function describePy(value: PyValue): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'string':
      return JSON.stringify(value.value);
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'sequence':
      return value.brackets === '()' ? 'a tuple' : 'a list';
    case 'name':
      return `the name ${value.name} (only literal values can be read)`;
    case 'call':
      return `a call of ${value.callee}`;
  }
}

/** Readers of one argument's value; `where` names it in messages ("Conv2d kernel_size"). */
export interface ValueReaders {
  number(value: PyValue, where: string): number;
  numberOrPair(value: PyValue, where: string): number | [number, number];
  boolean(value: PyValue, where: string): boolean;
  string(value: PyValue, where: string, allowed?: readonly string[]): string;
  /** Throws a located error (typed `never` so callers narrow after it). */
  fail(value: PyValue, message: string): never;
  describe(value: PyValue): string;
}

export const read: ValueReaders = {
  number(value: PyValue, where: string): number {
    if (value.kind !== 'number') locatedFail(value, `${where} must be a number, got ${describePy(value)}`);
    return value.value;
  },
  numberOrPair(value: PyValue, where: string): number | [number, number] {
    if (value.kind === 'number') return value.value;
    if (value.kind === 'sequence' && value.items.length === 2 && value.items.every((item) => item.kind === 'number')) {
      return [(value.items[0] as { value: number }).value, (value.items[1] as { value: number }).value];
    }
    locatedFail(value, `${where} must be a number or a pair (h, w), got ${describePy(value)}`);
  },
  boolean(value: PyValue, where: string): boolean {
    if (value.kind !== 'bool') locatedFail(value, `${where} must be True or False, got ${describePy(value)}`);
    return value.value;
  },
  string(value: PyValue, where: string, allowed?: readonly string[]): string {
    if (value.kind !== 'string' || (allowed && !allowed.includes(value.value))) {
      locatedFail(value, `${where} must be ${allowed ? allowed.map((each) => `'${each}'`).join(' or ') : 'a string'}, got ${describePy(value)}`);
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
