/**
 * The closed expression language of the optimizer tool: numbers, names, + - * / ^, unary
 * minus, parentheses and a fixed list of one-argument functions. Nothing else can be
 * written, so nothing else can run: there is no member access, no call of an arbitrary
 * name and no evaluation of text.
 */

/** Functions a student may call, each of one argument. `log` is the natural logarithm (as in PyTorch). */
export const FUNCTIONS = ['exp', 'log', 'sqrt', 'abs', 'sin', 'cos', 'tanh', 'sigmoid', 'relu'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

/**
 * Functions that only derivatives produce (the parser refuses them): `sign` (abs'), and
 * `step`, the indicator [u > 0] (relu'). Both are 0 at 0, as PyTorch's gradients are.
 */
export type DerivativeFunctionName = 'sign' | 'step';

export type BinaryOperator = '+' | '-' | '*' | '/' | '^';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'negate'; operand: Expr }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'call'; fn: FunctionName | DerivativeFunctionName; arg: Expr };

export const num = (value: number): Expr => ({ kind: 'number', value });
export const name = (id: string): Expr => ({ kind: 'name', name: id });
export const negate = (operand: Expr): Expr => ({ kind: 'negate', operand });
export const binary = (op: BinaryOperator, left: Expr, right: Expr): Expr => ({ kind: 'binary', op, left, right });
export const call = (fn: FunctionName | DerivativeFunctionName, arg: Expr): Expr => ({ kind: 'call', fn, arg });

export function isFunctionName(text: string): text is FunctionName {
  return (FUNCTIONS as readonly string[]).includes(text);
}

/** Every name the expression reads, in order of first appearance. */
export function namesOf(expr: Expr, into: string[] = []): string[] {
  switch (expr.kind) {
    case 'number':
      return into;
    case 'name':
      if (!into.includes(expr.name)) into.push(expr.name);
      return into;
    case 'negate':
      return namesOf(expr.operand, into);
    case 'binary':
      namesOf(expr.left, into);
      return namesOf(expr.right, into);
    case 'call':
      return namesOf(expr.arg, into);
  }
}

/** Whether `expr` reads any of `names`. */
export function dependsOn(expr: Expr, names: ReadonlySet<string>): boolean {
  switch (expr.kind) {
    case 'number':
      return false;
    case 'name':
      return names.has(expr.name);
    case 'negate':
      return dependsOn(expr.operand, names);
    case 'binary':
      return dependsOn(expr.left, names) || dependsOn(expr.right, names);
    case 'call':
      return dependsOn(expr.arg, names);
  }
}

export function nodeCount(expr: Expr): number {
  switch (expr.kind) {
    case 'number':
    case 'name':
      return 1;
    case 'negate':
      return 1 + nodeCount(expr.operand);
    case 'binary':
      return 1 + nodeCount(expr.left) + nodeCount(expr.right);
    case 'call':
      return 1 + nodeCount(expr.arg);
  }
}
