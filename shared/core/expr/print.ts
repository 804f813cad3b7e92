import type { BinaryOperator, Expr } from './ast';

/**
 * Printers: plain text in the parser's own syntax (print-then-parse gives the same AST) and
 * LaTeX for KaTeX. Both put parentheses only where the grammar needs them.
 */

const PRECEDENCE: Record<BinaryOperator, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 4 };
const NEGATE_PRECEDENCE = 3;
const ATOM = 5;

/** A number as text: shortest round-trip form ("0.1", "1e-7"), after `cleanNumber` when asked. */
export type NumberFormatter = (value: number) => string;

function precedenceOf(expr: Expr): number {
  switch (expr.kind) {
    case 'binary':
      return PRECEDENCE[expr.op];
    case 'negate':
      return NEGATE_PRECEDENCE;
    case 'number':
      // A negative literal (from simplification or substitution) prints with a minus sign.
      return expr.value < 0 || Object.is(expr.value, -0) ? NEGATE_PRECEDENCE : ATOM;
    default:
      return ATOM;
  }
}

/** Whether `child` needs parentheses as the `side` operand of `op`. */
function needsParens(op: BinaryOperator, child: Expr, side: 'left' | 'right'): boolean {
  const own = PRECEDENCE[op];
  const inner = precedenceOf(child);
  if (op === '^') {
    // Left-hand side of ^ binds tightest; the right accepts a unary minus (2^-x) or another ^.
    if (side === 'left') return inner <= own;
    return inner < NEGATE_PRECEDENCE;
  }
  // Left-associative: an equal-precedence right operand keeps its parentheses (a - (b - c)).
  return side === 'left' ? inner < own : inner <= own;
}

export interface PrintOptions {
  /** Values to write in place of names (the "numbers filled in" form). */
  values?: ReadonlyMap<string, number> | Record<string, number>;
  formatNumber?: NumberFormatter;
}

function lookup(values: PrintOptions['values'], id: string): number | undefined {
  if (!values) return undefined;
  if (values instanceof Map) return values.get(id);
  return Object.hasOwn(values, id) ? (values as Record<string, number>)[id] : undefined;
}

/** Substitutes numbers for names (kept as literals, so negative values print in parentheses where needed). */
function substitute(expr: Expr, values: PrintOptions['values']): Expr {
  if (!values) return expr;
  switch (expr.kind) {
    case 'number':
      return expr;
    case 'name': {
      const value = lookup(values, expr.name);
      return value === undefined ? expr : { kind: 'number', value };
    }
    case 'negate':
      return { kind: 'negate', operand: substitute(expr.operand, values) };
    case 'binary':
      return { kind: 'binary', op: expr.op, left: substitute(expr.left, values), right: substitute(expr.right, values) };
    case 'call':
      return { kind: 'call', fn: expr.fn, arg: substitute(expr.arg, values) };
  }
}

/** Text in the parser's syntax: `a*x1^2 + b*x2^2 + c*x1*x2 + d`. */
export function toText(expr: Expr, options: PrintOptions = {}): string {
  const format = options.formatNumber ?? String;
  const print = (node: Expr): string => {
    switch (node.kind) {
      case 'number':
        if (node.value < 0 || Object.is(node.value, -0)) return options.values ? `(-${format(-node.value)})` : `-${format(-node.value)}`;
        return format(node.value);
      case 'name':
        return node.name;
      case 'negate': {
        const inner = print(node.operand);
        return precedenceOf(node.operand) < NEGATE_PRECEDENCE || node.operand.kind === 'negate' || isNegativeLiteral(node.operand) ? `-(${inner})` : `-${inner}`;
      }
      case 'binary': {
        const left = print(node.left);
        const right = print(node.right);
        // A filled-in negative value already carries its parentheses.
        const filled = (child: Expr) => options.values !== undefined && isNegativeLiteral(child);
        const l = needsParens(node.op, node.left, 'left') && !filled(node.left) ? `(${left})` : left;
        const r = needsParens(node.op, node.right, 'right') && !filled(node.right) ? `(${right})` : right;
        return node.op === '*' || node.op === '/' || node.op === '^' ? `${l}${node.op}${r}` : `${l} ${node.op} ${r}`;
      }
      case 'call':
        return `${node.fn}(${print(node.arg)})`;
    }
  };
  return print(substitute(expr, options.values));
}

function isNegativeLiteral(expr: Expr): boolean {
  return expr.kind === 'number' && (expr.value < 0 || Object.is(expr.value, -0));
}

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'eta', 'theta', 'lambda', 'mu', 'nu', 'pi', 'rho', 'sigma', 'tau', 'phi', 'omega']);

/** `x1` → `x_{1}`, `w_out` → `w_{out}`, `alpha` → `\alpha`, `loss` → `\mathit{loss}`. */
export function nameToLatex(id: string): string {
  const match = /^([A-Za-z]+?)_?(\d+)$/.exec(id) ?? /^([A-Za-z])_([A-Za-z0-9]+)$/.exec(id);
  if (match) return `${nameToLatex(match[1]!)}_{${match[2]!.replace(/_/g, '\\_')}}`;
  if (GREEK.has(id)) return `\\${id}`;
  if (id.length === 1) return id;
  return `\\mathit{${id.replace(/_/g, '\\_')}}`;
}

/** A number in LaTeX: 1e-7 → 1 \times 10^{-7}. */
export function numberToLatex(value: number, format: NumberFormatter = String): string {
  const text = format(value);
  const exponent = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (exponent) return `${exponent[1]} \\times 10^{${Number(exponent[2])}}`;
  return text;
}

const LATEX_FUNCTIONS: Record<string, string> = {
  exp: '\\exp',
  log: '\\ln',
  sin: '\\sin',
  cos: '\\cos',
  tanh: '\\tanh',
  sigmoid: '\\sigma',
  relu: '\\operatorname{relu}',
  sign: '\\operatorname{sign}',
};

/** Starts with something a juxtaposed product would read as part of the number before it. */
function startsWithDigit(latex: string): boolean {
  return /^[\d.]/.test(latex);
}

/** LaTeX for KaTeX: `a x_{1}^{2} + b x_{2}^{2} + c x_{1} x_{2} + d`. */
export function toLatex(expr: Expr, options: PrintOptions = {}): string {
  const format = options.formatNumber ?? String;
  const print = (node: Expr): string => {
    switch (node.kind) {
      case 'number':
        // A value filled in for a name keeps its sign inside parentheses: 2.6 \cdot (-1)^{2}.
        if (node.value < 0 || Object.is(node.value, -0)) return options.values ? `\\left(-${numberToLatex(-node.value, format)}\\right)` : `-${numberToLatex(-node.value, format)}`;
        return numberToLatex(node.value, format);
      case 'name':
        return nameToLatex(node.name);
      case 'negate': {
        const inner = print(node.operand);
        return precedenceOf(node.operand) < NEGATE_PRECEDENCE || node.operand.kind === 'negate' || isNegativeLiteral(node.operand)
          ? `-\\left(${inner}\\right)`
          : `-${inner}`;
      }
      case 'binary': {
        if (node.op === '/') return `\\frac{${print(node.left)}}{${print(node.right)}}`;
        const left = print(node.left);
        const right = print(node.right);
        if (node.op === '^') {
          const filledBase = options.values !== undefined && isNegativeLiteral(node.left);
          const base = (needsParens('^', node.left, 'left') || node.left.kind === 'call') && !filledBase ? `\\left(${left}\\right)` : left;
          return `${base}^{${right}}`;
        }
        const filled = (child: Expr) => options.values !== undefined && isNegativeLiteral(child);
        const l = needsParens(node.op, node.left, 'left') && !filled(node.left) ? `\\left(${left}\\right)` : left;
        let r = needsParens(node.op, node.right, 'right') && !filled(node.right) ? `\\left(${right}\\right)` : right;
        if (node.op === '*') {
          // Juxtapose (a x_1) unless a number would run into the one before it, or a literal
          // was substituted for a name (numbers filled in read better with a dot).
          const explicit = startsWithDigit(r) || r.startsWith('-') || node.left.kind === 'number' && node.right.kind === 'number' || options.values !== undefined;
          if (r.startsWith('-') && !r.startsWith('-\\left')) r = `\\left(${r}\\right)`;
          return explicit ? `${l} \\cdot ${r}` : `${l}\\,${r}`;
        }
        if (r.startsWith('-') && node.right.kind !== 'negate') r = `\\left(${r}\\right)`;
        return `${l} ${node.op} ${r}`;
      }
      case 'call': {
        const arg = print(node.arg);
        if (node.fn === 'sqrt') return `\\sqrt{${arg}}`;
        if (node.fn === 'abs') return `\\left\\lvert ${arg} \\right\\rvert`;
        if (node.fn === 'step') return `\\mathbb{1}\\left[${arg} > 0\\right]`;
        return `${LATEX_FUNCTIONS[node.fn] ?? `\\operatorname{${node.fn}}`}\\left(${arg}\\right)`;
      }
    }
  };
  return print(substitute(expr, options.values));
}
