/**
 * Optimizer steppers: pure functions, state in → state out, one parameter vector at a time.
 * Each follows PyTorch's `torch.optim` update exactly (weight decay 0, dampening 0, no
 * amsgrad, maximize false); the seed's momentum form is added beside PyTorch's.
 */

export type OptimizerConfig =
  | { type: 'sgd'; lr: number }
  /**
   * `delta`: the seed's form, Delta = beta*Delta + lr*g; w = w - Delta.
   * `pytorch`: v = beta*v + g; w = w - lr*v (nesterov: w = w - lr*(g + beta*v)).
   * With a fixed rate the two agree: Delta = lr*v at every step.
   */
  | { type: 'momentum'; form: 'delta' | 'pytorch'; lr: number; beta: number; nesterov: boolean }
  | { type: 'adagrad'; lr: number; eps: number; initial_accumulator_value: number }
  | { type: 'rmsprop'; lr: number; alpha: number; eps: number }
  | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number };

export type OptimizerType = OptimizerConfig['type'];

/** Per-parameter state vectors by name (e.g. `{ delta: [...] }`, `{ m: [...], v: [...] }`) and the step count. */
export interface OptimizerState {
  t: number;
  buffers: Record<string, Float64Array>;
}

/** Names of the state buffers of each optimizer, in display order. */
export function stateNames(config: OptimizerConfig): string[] {
  switch (config.type) {
    case 'sgd':
      return [];
    case 'momentum':
      return config.form === 'delta' ? ['delta'] : ['v'];
    case 'adagrad':
      return ['sum'];
    case 'rmsprop':
      return ['v'];
    case 'adam':
      return ['m', 'v'];
  }
}

export function initialState(config: OptimizerConfig, size: number): OptimizerState {
  const buffers: Record<string, Float64Array> = {};
  for (const key of stateNames(config)) {
    buffers[key] = new Float64Array(size);
    if (config.type === 'adagrad') buffers[key].fill(config.initial_accumulator_value);
  }
  return { t: 0, buffers };
}

function copyState(state: OptimizerState): OptimizerState {
  const buffers: Record<string, Float64Array> = {};
  for (const [key, buffer] of Object.entries(state.buffers)) buffers[key] = Float64Array.from(buffer);
  return { t: state.t, buffers };
}

/** torch.lerp's formula (weight below one half from the start, else from the end): the rounding PyTorch's Adam gets. */
function lerp(start: number, end: number, weight: number): number {
  return weight < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight);
}

/**
 * One update, in PyTorch's order of floating-point operations (addcdiv: w + (-lr)*(g/denom)). Returns the new parameters and the new state; the inputs are not changed.
 */
export function optimizerStep(config: OptimizerConfig, params: Float64Array, grad: Float64Array, state: OptimizerState): { params: Float64Array; state: OptimizerState } {
  const next = copyState(state);
  next.t = state.t + 1;
  const w = Float64Array.from(params);
  const n = w.length;
  switch (config.type) {
    case 'sgd':
      for (let i = 0; i < n; i++) w[i] = w[i]! - config.lr * grad[i]!;
      break;
    case 'momentum': {
      const { lr, beta } = config;
      if (config.form === 'delta') {
        const delta = next.buffers.delta!;
        for (let i = 0; i < n; i++) {
          delta[i] = beta * delta[i]! + lr * grad[i]!;
          w[i] = w[i]! - delta[i]!;
        }
      } else {
        // torch.optim.SGD(momentum=beta): buf = g on the first step (= beta*0 + g), then beta*buf + g.
        const v = next.buffers.v!;
        for (let i = 0; i < n; i++) {
          v[i] = next.t === 1 ? grad[i]! : beta * v[i]! + grad[i]!;
          const direction = config.nesterov ? grad[i]! + beta * v[i]! : v[i]!;
          w[i] = w[i]! - lr * direction;
        }
      }
      break;
    }
    case 'adagrad': {
      // torch.optim.Adagrad (lr_decay 0): sum += g^2; w -= lr * g / (sqrt(sum) + eps).
      const sum = next.buffers.sum!;
      for (let i = 0; i < n; i++) {
        sum[i] = sum[i]! + grad[i]! * grad[i]!;
        w[i] = w[i]! + -config.lr * (grad[i]! / (Math.sqrt(sum[i]!) + config.eps));
      }
      break;
    }
    case 'rmsprop': {
      // torch.optim.RMSprop (not centered, momentum 0): v = alpha v + (1 - alpha) g^2; w -= lr g / (sqrt(v) + eps).
      const v = next.buffers.v!;
      for (let i = 0; i < n; i++) {
        v[i] = config.alpha * v[i]! + (1 - config.alpha) * (grad[i]! * grad[i]!);
        w[i] = w[i]! + -config.lr * (grad[i]! / (Math.sqrt(v[i]!) + config.eps));
      }
      break;
    }
    case 'adam': {
      // torch.optim.Adam (exp_avg.lerp_, exp_avg_sq.mul_().addcmul_, param.addcdiv_): m, v with bias corrections 1 - beta^t; w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps).
      const { lr, beta1, beta2, eps } = config;
      const m = next.buffers.m!;
      const v = next.buffers.v!;
      const bc1 = 1 - Math.pow(beta1, next.t);
      const bc2 = 1 - Math.pow(beta2, next.t);
      const stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      for (let i = 0; i < n; i++) {
        m[i] = lerp(m[i]!, grad[i]!, 1 - beta1);
        v[i] = beta2 * v[i]! + (1 - beta2) * (grad[i]! * grad[i]!);
        w[i] = w[i]! + -stepSize * (m[i]! / (Math.sqrt(v[i]!) / bc2Sqrt + eps));
      }
      break;
    }
  }
  return { params: w, state: next };
}

/** The update rule of an optimizer as display LaTeX lines (g is the gradient of the step's loss). */
export function updateRule(config: OptimizerConfig): string[] {
  switch (config.type) {
    case 'sgd':
      return ['w \\leftarrow w - \\eta\\, g'];
    case 'momentum':
      if (config.form === 'delta') return ['\\Delta \\leftarrow \\beta\\,\\Delta + \\mu\\, g', 'w \\leftarrow w - \\Delta'];
      if (config.nesterov) return ['v \\leftarrow \\beta\\, v + g', 'w \\leftarrow w - \\eta\\,(g + \\beta\\, v)'];
      return ['v \\leftarrow \\beta\\, v + g', 'w \\leftarrow w - \\eta\\, v'];
    case 'adagrad':
      return ['s \\leftarrow s + g^{2}', 'w \\leftarrow w - \\frac{\\eta\\, g}{\\sqrt{s} + \\epsilon}'];
    case 'rmsprop':
      return ['v \\leftarrow \\alpha\\, v + (1 - \\alpha)\\, g^{2}', 'w \\leftarrow w - \\frac{\\eta\\, g}{\\sqrt{v} + \\epsilon}'];
    case 'adam':
      return [
        'm \\leftarrow \\beta_1 m + (1 - \\beta_1)\\, g', 'v \\leftarrow \\beta_2 v + (1 - \\beta_2)\\, g^{2}',
        '\\hat m = \\frac{m}{1 - \\beta_1^{t}},\\quad \\hat v = \\frac{v}{1 - \\beta_2^{t}}',
        'w \\leftarrow w - \\frac{\\eta\\, \\hat m}{\\sqrt{\\hat v} + \\epsilon}',
      ];
  }
}
