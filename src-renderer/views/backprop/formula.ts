import type { Activation, BackpropTensors, Step, StepOperands, TensorName } from '../../../shared/core/backprop/types';

/** A number for LaTeX: up to 4 decimals, negatives in parentheses when they are operands. */
export function texNumber(value: number, wrapNegative = false): string {
  const rounded = Number(value.toFixed(4));
  const text = Object.is(rounded, -0) ? '0' : String(rounded);
  return wrapNegative && rounded < 0 ? `(${text})` : text;
}

const SYMBOL: Record<TensorName, string> = {
  input: 'x',
  filters: 'w',
  bias: 'b',
  conv: 'z',
  activated: 'h',
  pooled: 'a',
  target: 't',
  grad_pooled: '\\frac{\\partial L}{\\partial a}',
  grad_activated: '\\frac{\\partial L}{\\partial h}',
  grad_conv: '\\frac{\\partial L}{\\partial z}',
  grad_filters: '\\frac{\\partial L}{\\partial w}',
  grad_bias: '\\frac{\\partial L}{\\partial b}',
  grad_input: '\\frac{\\partial L}{\\partial x}',
  loss: 'L',
  coefficient: 'c',
};

/**
 * Symbol with its index as a subscript: z_{0,1,2}; gradients as \frac{∂L}{∂z_{0,1,2}}. The
 * names are the assignment's: z the conv output, h = f(z) the activation, a the pooled
 * output (a = max(z) for global max pooling); without an activation h is z, and named so.
 */
export function cellSymbol(tensor: TensorName, index: readonly number[], activation: Activation = 'relu'): string {
  const sub = index.length > 0 ? `_{${index.join(',')}}` : '';
  const named = (name: TensorName): TensorName => (activation === 'none' && name === 'activated' ? 'conv' : name);
  if (tensor.startsWith('grad_')) {
    const base = SYMBOL[named(tensor.replace('grad_', '') as TensorName)] ?? '';
    return `\\frac{\\partial L}{\\partial ${base}${sub}}`;
  }
  return `${SYMBOL[named(tensor)]}${sub}`;
}

const SHOWN_TERMS = 8;

/** "t1 + t2 + … + tn" with at most SHOWN_TERMS terms written out (the rest elided, counted). */
function sumOf(terms: string[]): string {
  if (terms.length === 0) return '0';
  if (terms.length <= SHOWN_TERMS) return terms.join(' + ');
  return `${terms.slice(0, SHOWN_TERMS - 2).join(' + ')} + \\cdots + ${terms.slice(-2).join(' + ')}\\;(${terms.length}\\text{ terms})`;
}

const DERIVATIVE: Record<Activation, string> = {
  none: '1',
  relu: '\\mathbb{1}[z > 0]',
  sigmoid: '\\sigma(z)\\,(1 - \\sigma(z))',
  tanh: '1 - \\tanh^2(z)',
};
const FUNCTION: Record<Activation, string> = { none: 'z', relu: '\\max(0, z)', sigmoid: '\\sigma(z) = \\frac{1}{1 + e^{-z}}', tanh: '\\tanh(z)' };

/**
 * The formula of one step with every number filled in, as LaTeX: the general form, then the
 * operands, then the result. Built only from the step and its operands (the trace is data).
 */
export function stepLatex(step: Step, operands: Pick<StepOperands, 'aValues' | 'bValues'>, activation: Activation): string {
  const { aValues, bValues } = operands;
  const lhs = step.out === 'loss' ? 'L' : cellSymbol(step.out, step.index, activation);
  const poolInput = activation === 'none' ? 'z' : 'h';
  const value = texNumber(step.value);
  const n = (v: number) => texNumber(v, true);
  const products = () => Array.from(aValues, (a, k) => `${n(a)} \\cdot ${n(bValues[k]!)}`);
  switch (step.op) {
    case 'conv':
      return `${lhs} = \\sum_{c,u,v} x_{c,\\,i s + u d - p,\\,j s + v d - p}\\, w_{f,c,u,v} + b_f = ${sumOf(products())} + ${n(step.add?.value ?? 0)} = ${value}`;
    case 'activation':
      return `${lhs} = ${FUNCTION[activation]}\\big|_{z = ${n(aValues[0] ?? 0)}} = ${value}`;
    case 'pool_max':
      return `${lhs} = \\max(${Array.from(aValues, n).join(',\\ ')}) = ${value}`;
    case 'pool_avg':
      return `${lhs} = \\frac{1}{${step.divisor}} \\sum_{\\text{window}} ${poolInput} = \\frac{${sumOf(Array.from(aValues, n))}}{${step.divisor}} = ${value}`;
    case 'loss':
      return `L = \\frac{1}{N} \\sum (a - t)^2 = \\frac{${sumOf(Array.from(aValues, (y, k) => `(${n(y)} - ${n(bValues[k]!)})^2`))}}{${step.divisor}} = ${value}`;
    case 'grad_output':
      return step.b === 'target'
        ? `${lhs} = \\frac{2 (a - t)}{N} = \\frac{2 (${n(aValues[0] ?? 0)} - ${n(bValues[0] ?? 0)})}{${step.divisor}} = ${value}`
        : `${lhs} = ${value}\\quad(\\text{given})`;
    case 'grad_pool':
      return `${lhs} = \\sum_{\\text{windows routing here}} \\frac{\\partial L}{\\partial a} \\cdot \\text{share} = ${sumOf(products())} = ${value}`;
    case 'grad_activation':
      return `${lhs} = \\frac{\\partial L}{\\partial h} \\cdot ${DERIVATIVE[activation]} = ${n(aValues[0] ?? 0)} \\cdot ${n(bValues[0] ?? 0)} = ${value}`;
    case 'grad_filter':
      return `${lhs} = \\sum_{i,j} \\frac{\\partial L}{\\partial z_{f,i,j}}\\, x_{c,\\,i s + u d - p,\\,j s + v d - p} = ${sumOf(products())} = ${value}`;
    case 'grad_bias':
      return `${lhs} = \\sum_{i,j} \\frac{\\partial L}{\\partial z_{f,i,j}} = ${sumOf(Array.from(aValues, n))} = ${value}`;
    case 'grad_input':
      return `${lhs} = \\sum_{f,u,v} \\frac{\\partial L}{\\partial z_{f,\\,(y + p - u d)/s,\\,(x + p - v d)/s}}\\, w_{f,c,u,v} = ${sumOf(products())} = ${value}`;
    default:
      return `${lhs} = ${value}`;
  }
}

/** A given value of the case (input, filter, bias, target): its symbol and number. */
export function givenLatex(tensor: TensorName, index: readonly number[], value: number): string {
  return `${cellSymbol(tensor, index, 'none')} = ${texNumber(value)}`;
}

/** Flat index → [i0, i1, …] for a shape. */
export function unflatten(at: number, shape: readonly number[]): number[] {
  const index: number[] = [];
  let rest = at;
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    index.unshift(rest % size);
    rest = Math.floor(rest / size);
  }
  return index;
}

export type TensorKey = Exclude<keyof BackpropTensors, 'loss' | 'argmax'>;
