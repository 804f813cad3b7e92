import { binary, call, dependsOn, negate, num, type Expr } from './ast';

/**
 * Symbolic partial derivative, for display (dy/da = x1^2). The numbers the optimizer uses
 * come from the compiled evaluator's reverse sweep (compile.ts); tests check that both
 * agree with each other and with finite differences.
 */
export function derivative(expr: Expr, variable: string): Expr {
  return simplify(differentiate(expr, variable, new Set([variable])));
}

function differentiate(expr: Expr, variable: string, only: ReadonlySet<string>): Expr {
  if (!dependsOn(expr, only)) return num(0);
  const d = (e: Expr) => differentiate(e, variable, only);
  switch (expr.kind) {
    case 'number':
      return num(0);
    case 'name':
      return num(expr.name === variable ? 1 : 0);
    case 'negate':
      return negate(d(expr.operand));
    case 'binary': {
      const { left: u, right: v } = expr;
      switch (expr.op) {
        case '+':
          return binary('+', d(u), d(v));
        case '-':
          return binary('-', d(u), d(v));
        case '*':
          return binary('+', binary('*', d(u), v), binary('*', u, d(v)));
        case '/':
          if (!dependsOn(v, only)) return binary('/', d(u), v);
          return binary('/', binary('-', binary('*', d(u), v), binary('*', u, d(v))), binary('^', v, num(2)));
        case '^':
          if (!dependsOn(v, only)) return binary('*', binary('*', v, binary('^', u, binary('-', v, num(1)))), d(u));
          if (!dependsOn(u, only)) return binary('*', binary('*', expr, call('log', u)), d(v));
          // u^v = exp(v log u): d = u^v (v' log u + v u'/u)
          return binary('*', expr, binary('+', binary('*', d(v), call('log', u)), binary('/', binary('*', v, d(u)), u)));
      }
      break;
    }
    case 'call': {
      const u = expr.arg;
      const du = d(u);
      const outer: Expr = (() => {
        switch (expr.fn) {
          case 'exp':
            return expr;
          case 'log':
            return binary('/', num(1), u);
          case 'sqrt':
            return binary('/', num(1), binary('*', num(2), expr));
          case 'abs':
            return call('sign', u);
          case 'sin':
            return call('cos', u);
          case 'cos':
            return negate(call('sin', u));
          case 'tanh':
            return binary('-', num(1), binary('^', expr, num(2)));
          case 'sigmoid':
            return binary('*', expr, binary('-', num(1), expr));
          case 'relu':
            return call('step', u);
          case 'sign':
          case 'step':
            return num(0);
        }
      })();
      return binary('*', outer, du);
    }
  }
  return num(0);
}

const isNum = (e: Expr): e is { kind: 'number'; value: number } => e.kind === 'number';
const isValue = (e: Expr, value: number): boolean => e.kind === 'number' && e.value === value;

/** Factors of a product tree (a*(b*c) → [a, b, c]); division is kept as one factor. */
function factors(expr: Expr, into: Expr[] = []): Expr[] {
  if (expr.kind === 'binary' && expr.op === '*') {
    factors(expr.left, into);
    factors(expr.right, into);
  } else into.push(expr);
  return into;
}

/** Node-by-node identities and constant folding, bottom-up; enough to show dy/da = x1^2 rather than 1*x1^2 + a*0. */
export function simplify(expr: Expr): Expr {
  switch (expr.kind) {
    case 'number':
    case 'name':
      return expr;
    case 'negate': {
      const operand = simplify(expr.operand);
      if (isNum(operand)) return num(-operand.value === 0 ? 0 : -operand.value);
      if (operand.kind === 'negate') return operand.operand;
      return negate(operand);
    }
    case 'call': {
      const arg = simplify(expr.arg);
      return call(expr.fn, arg);
    }
    case 'binary': {
      const left = simplify(expr.left);
      const right = simplify(expr.right);
      switch (expr.op) {
        case '+':
          if (isValue(left, 0)) return right;
          if (isValue(right, 0)) return left;
          if (isNum(left) && isNum(right)) return num(left.value + right.value);
          if (right.kind === 'negate') return simplify(binary('-', left, right.operand));
          if (isNum(right) && right.value < 0) return binary('-', left, num(-right.value));
          return binary('+', left, right);
        case '-':
          if (isValue(right, 0)) return left;
          if (isValue(left, 0)) return simplify(negate(right));
          if (isNum(left) && isNum(right)) return num(left.value - right.value);
          if (right.kind === 'negate') return simplify(binary('+', left, right.operand));
          return binary('-', left, right);
        case '*': {
          if (isValue(left, 0) || isValue(right, 0)) return num(0);
          // Collect the numeric coefficient and the sign of a product in front: 2*a*x1.
          let coefficient = 1;
          const rest: Expr[] = [];
          for (const factor of [...factors(left), ...factors(right)]) {
            if (isNum(factor)) coefficient *= factor.value;
            else if (factor.kind === 'negate') {
              coefficient = -coefficient;
              rest.push(...factors(factor.operand));
            } else rest.push(factor);
          }
          if (coefficient === 0) return num(0);
          if (rest.length === 0) return num(coefficient);
          const magnitude = Math.abs(coefficient);
          const product = (magnitude === 1 ? rest : [num(magnitude), ...rest]).reduce((acc, factor) => binary('*', acc, factor));
          return coefficient < 0 ? negate(product) : product;
        }
        case '/':
          if (isValue(left, 0)) return num(0);
          if (isValue(right, 1)) return left;
          if (isNum(left) && isNum(right) && Number.isInteger(left.value / right.value)) return num(left.value / right.value);
          return binary('/', left, right);
        case '^':
          if (isValue(right, 1)) return left;
          if (isValue(right, 0)) return num(1);
          if (isNum(left) && isNum(right) && Number.isInteger(left.value) && Number.isInteger(right.value) && right.value > 0) {
            const value = left.value ** right.value;
            if (Number.isSafeInteger(value)) return num(value);
          }
          return binary('^', left, right);
      }
    }
  }
  return expr;
}
