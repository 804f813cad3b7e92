import { dependsOn, type Expr } from './ast';

/**
 * The model compiled to a tree of closures (no `new Function`, no eval): each node has its
 * forward value and, right beside it, its backward rule (reverse mode). The AST is a tree,
 * so the reverse sweep is a walk from the root that hands each child its adjoint.
 *
 * Gradients follow PyTorch's conventions at the kinks: relu'(0) = 0, abs'(0) = 0, and
 * d(u^c)/du = c u^(c-1) with a constant exponent c.
 */
export interface CompiledModel {
  /** Parameter names; `params[k]` is read from `paramValues[k]`. */
  readonly params: readonly string[];
  /** Input names; `inputs[k]` is read from `inputValues[k]`. */
  readonly inputs: readonly string[];
  /** y at the given parameter and input values. */
  evaluate(paramValues: Float64Array, inputValues: Float64Array): number;
  /** y, with dy/d(param k) written to `gradient[k]` (overwritten). */
  evaluateWithGradient(paramValues: Float64Array, inputValues: Float64Array, gradient: Float64Array): number;
}

interface Context {
  p: Float64Array;
  x: Float64Array;
  g: Float64Array;
}

interface Node {
  /** Computes and remembers this node's value (the backward rule reads it). */
  forward(): number;
  /** Adds `adjoint * d(node)/d(param)` to the context's gradient for every param below. */
  backward(adjoint: number): void;
}

const noBackward = (): void => {};

/** Sign as PyTorch's abs backward uses it: 0 at 0, NaN stays NaN. */
function sign(value: number): number {
  return value > 0 ? 1 : value < 0 ? -1 : value === 0 ? 0 : Number.NaN;
}

/** The logistic function, written to avoid exp overflow for large |u|. */
export function sigmoid(value: number): number {
  if (value >= 0) return 1 / (1 + Math.exp(-value));
  const e = Math.exp(value);
  return e / (1 + e);
}

function compileNode(expr: Expr, ctx: Context, paramIndex: ReadonlyMap<string, number>, inputIndex: ReadonlyMap<string, number>, paramSet: ReadonlySet<string>): Node {
  const trainable = dependsOn(expr, paramSet);
  const child = (e: Expr) => compileNode(e, ctx, paramIndex, inputIndex, paramSet);
  switch (expr.kind) {
    case 'number': {
      const value = expr.value;
      return { forward: () => value, backward: noBackward };
    }
    case 'name': {
      const p = paramIndex.get(expr.name);
      if (p !== undefined) {
        return {
          forward: () => ctx.p[p]!,
          backward: (adjoint) => {
            ctx.g[p] = ctx.g[p]! + adjoint;
          },
        };
      }
      const x = inputIndex.get(expr.name);
      if (x === undefined) throw new Error(`unbound name ${expr.name}`);
      return { forward: () => ctx.x[x]!, backward: noBackward };
    }
    case 'negate': {
      const operand = child(expr.operand);
      return { forward: () => -operand.forward(), backward: trainable ? (adjoint) => operand.backward(-adjoint) : noBackward };
    }
    case 'binary': {
      const left = child(expr.left);
      const right = child(expr.right);
      const leftTrainable = dependsOn(expr.left, paramSet);
      const rightTrainable = dependsOn(expr.right, paramSet);
      let u = 0;
      let v = 0;
      let out = 0;
      switch (expr.op) {
        case '+':
          return {
            forward: () => left.forward() + right.forward(),
            backward: (adjoint) => {
              left.backward(adjoint);
              right.backward(adjoint);
            },
          };
        case '-':
          return {
            forward: () => left.forward() - right.forward(),
            backward: (adjoint) => {
              left.backward(adjoint);
              right.backward(-adjoint);
            },
          };
        case '*':
          return {
            forward: () => (u = left.forward()) * (v = right.forward()),
            backward: (adjoint) => {
              if (leftTrainable) left.backward(adjoint * v);
              if (rightTrainable) right.backward(adjoint * u);
            },
          };
        case '/':
          return {
            forward: () => (u = left.forward()) / (v = right.forward()),
            backward: (adjoint) => {
              if (leftTrainable) left.backward(adjoint / v);
              if (rightTrainable) right.backward((-adjoint * u) / (v * v));
            },
          };
        case '^':
          if (expr.right.kind === 'number' && expr.right.value === 2) {
            // Squares are the common case (polynomial models): u*u is exact, as Math.pow(u, 2) is.
            return {
              forward: () => (u = left.forward()) * u,
              backward: (adjoint) => {
                if (leftTrainable) left.backward(adjoint * 2 * u);
              },
            };
          }
          return {
            forward: () => (out = Math.pow((u = left.forward()), (v = right.forward()))),
            backward: (adjoint) => {
              // PyTorch pow backward: exponent 0 gives 0 (not 0 * u^-1); base 0 with exponent >= 0 gives 0 for the exponent.
              if (leftTrainable) left.backward(v === 0 ? 0 : adjoint * v * Math.pow(u, v - 1));
              if (rightTrainable) right.backward(u === 0 && v >= 0 ? 0 : adjoint * out * Math.log(u));
            },
          };
      }
      break;
    }
    case 'call': {
      const arg = child(expr.arg);
      let u = 0;
      let out = 0;
      const back = (rule: (adjoint: number) => number) => (trainable ? (adjoint: number) => arg.backward(rule(adjoint)) : noBackward);
      switch (expr.fn) {
        case 'exp':
          return { forward: () => (out = Math.exp(arg.forward())), backward: back((a) => a * out) };
        case 'log':
          return { forward: () => Math.log((u = arg.forward())), backward: back((a) => a / u) };
        case 'sqrt':
          return { forward: () => (out = Math.sqrt(arg.forward())), backward: back((a) => a / (2 * out)) };
        case 'abs':
          return { forward: () => Math.abs((u = arg.forward())), backward: back((a) => a * sign(u)) };
        case 'sin':
          return { forward: () => Math.sin((u = arg.forward())), backward: back((a) => a * Math.cos(u)) };
        case 'cos':
          return { forward: () => Math.cos((u = arg.forward())), backward: back((a) => -a * Math.sin(u)) };
        case 'tanh':
          return { forward: () => (out = Math.tanh(arg.forward())), backward: back((a) => a * (1 - out * out)) };
        case 'sigmoid':
          return { forward: () => (out = sigmoid(arg.forward())), backward: back((a) => a * out * (1 - out)) };
        case 'relu':
          // NaN passes through as NaN (PyTorch's relu keeps NaN).
          return { forward: () => ((u = arg.forward()) > 0 ? u : u === u ? 0 : u), backward: back((a) => (u > 0 ? a : 0)) };
        case 'sign':
          return { forward: () => sign(arg.forward()), backward: back(() => 0) };
        case 'step':
          return { forward: () => ((u = arg.forward()) > 0 ? 1 : u === u ? 0 : u), backward: back(() => 0) };
      }
    }
  }
  throw new Error('unknown expression node');
}

/** Compiles `expr`; every name must be one of `params` or `inputs` (the caller checks first). */
export function compileModel(expr: Expr, params: readonly string[], inputs: readonly string[]): CompiledModel {
  const ctx: Context = { p: new Float64Array(params.length), x: new Float64Array(inputs.length), g: new Float64Array(params.length) };
  const root = compileNode(expr, ctx, new Map(params.map((id, k) => [id, k])), new Map(inputs.map((id, k) => [id, k])), new Set(params));
  return {
    params: [...params],
    inputs: [...inputs],
    evaluate(paramValues, inputValues) {
      ctx.p = paramValues;
      ctx.x = inputValues;
      return root.forward();
    },
    evaluateWithGradient(paramValues, inputValues, gradient) {
      ctx.p = paramValues;
      ctx.x = inputValues;
      ctx.g = gradient;
      gradient.fill(0);
      const y = root.forward();
      root.backward(1);
      return y;
    },
  };
}

/**
 * The model over many samples at once (the contour grid): each node is a scalar when it
 * reads no input (computed once per call) or a column of `count` values otherwise, so the
 * inner loops run over plain Float64Arrays.
 */
export interface CompiledBatchModel {
  /** y for every sample: `columns[k][i]` is input k of sample i. The returned array is reused by the next call. */
  evaluate(paramValues: Float64Array, columns: readonly Float64Array[]): Float64Array;
}

type BatchNode = { vector: false; run(): number } | { vector: true; run(): Float64Array };

const SCALAR_OPS: Record<string, (u: number, v: number) => number> = {
  '+': (u, v) => u + v,
  '-': (u, v) => u - v,
  '*': (u, v) => u * v,
  '/': (u, v) => u / v,
  '^': (u, v) => Math.pow(u, v),
};

const UNARY_OPS: Record<string, (u: number) => number> = {
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  sigmoid,
  relu: (u) => (u > 0 ? u : u === u ? 0 : u),
  sign,
  step: (u) => (u > 0 ? 1 : u === u ? 0 : u),
};

/**
 * `varying` (optional): the only parameters that change between calls (the two axes of a
 * contour grid). Subtrees that read none of them are computed on the first call and reused,
 * so a grid costs only the work that depends on its axes.
 */
export function compileBatchModel(expr: Expr, params: readonly string[], inputs: readonly string[], count: number, varying?: ReadonlySet<string>): CompiledBatchModel {
  const inputIndex = new Map(inputs.map((id, k) => [id, k]));
  const inputSet = new Set(inputs);
  let p: Float64Array = new Float64Array(params.length);
  let columns: readonly Float64Array[] = [];

  const build = (node: Expr): BatchNode => {
    const built = buildNode(node);
    if (!varying || dependsOn(node, varying) || node.kind === 'name' || node.kind === 'number') return built;
    if (!built.vector) {
      let cached: number | null = null;
      return { vector: false, run: () => (cached ??= built.run()) };
    }
    let cachedColumn: Float64Array | null = null;
    return { vector: true, run: () => (cachedColumn ??= Float64Array.from(built.run())) };
  };

  const buildNode = (node: Expr): BatchNode => {
    if (!dependsOn(node, inputSet)) {
      // Scalar subtree: reuse the per-sample compiler's forward pass.
      const scalar = compileModel(node, params, []);
      const none = new Float64Array(0);
      return { vector: false, run: () => scalar.evaluate(p, none) };
    }
    const buffer = new Float64Array(count);
    switch (node.kind) {
      case 'name': {
        const k = inputIndex.get(node.name)!;
        return { vector: true, run: () => columns[k]! };
      }
      case 'negate': {
        const operand = build(node.operand) as { vector: true; run(): Float64Array };
        return {
          vector: true,
          run: () => {
            const a = operand.run();
            for (let i = 0; i < count; i++) buffer[i] = -a[i]!;
            return buffer;
          },
        };
      }
      case 'call': {
        const arg = build(node.arg) as { vector: true; run(): Float64Array };
        const f = UNARY_OPS[node.fn]!;
        return {
          vector: true,
          run: () => {
            const a = arg.run();
            for (let i = 0; i < count; i++) buffer[i] = f(a[i]!);
            return buffer;
          },
        };
      }
      case 'binary': {
        const left = build(node.left);
        const right = build(node.right);
        const op = node.op;
        const f = SCALAR_OPS[op]!;
        return {
          vector: true,
          run: () => {
            const a = left.run();
            const b = right.run();
            // The common operators are written out so the loop needs no call per element.
            if (typeof a === 'number') {
              const bv = b as Float64Array;
              if (op === '*') for (let i = 0; i < count; i++) buffer[i] = a * bv[i]!;
              else if (op === '+') for (let i = 0; i < count; i++) buffer[i] = a + bv[i]!;
              else for (let i = 0; i < count; i++) buffer[i] = f(a, bv[i]!);
            } else if (typeof b === 'number') {
              if (op === '*') for (let i = 0; i < count; i++) buffer[i] = a[i]! * b;
              else if (op === '+') for (let i = 0; i < count; i++) buffer[i] = a[i]! + b;
              else if (op === '^' && b === 2) for (let i = 0; i < count; i++) buffer[i] = a[i]! * a[i]!;
              else for (let i = 0; i < count; i++) buffer[i] = f(a[i]!, b);
            } else {
              if (op === '*') for (let i = 0; i < count; i++) buffer[i] = a[i]! * b[i]!;
              else if (op === '+') for (let i = 0; i < count; i++) buffer[i] = a[i]! + b[i]!;
              else if (op === '-') for (let i = 0; i < count; i++) buffer[i] = a[i]! - b[i]!;
              else for (let i = 0; i < count; i++) buffer[i] = f(a[i]!, b[i]!);
            }
            return buffer;
          },
        };
      }
      case 'number':
        break;
    }
    throw new Error('unreachable batch node');
  };

  const root = build(expr);
  const result = new Float64Array(count);
  return {
    evaluate(paramValues, inputColumns) {
      p = paramValues;
      columns = inputColumns;
      const value = root.run();
      if (typeof value === 'number') result.fill(value);
      else result.set(value);
      return result;
    },
  };
}
