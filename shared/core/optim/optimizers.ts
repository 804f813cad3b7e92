/**
 * Optimizer steppers: pure functions, state in → state out, one parameter vector at a time.
 * Each follows PyTorch's `torch.optim` update exactly (dampening 0, no amsgrad, maximize
 * false); the seed's momentum form is added beside PyTorch's. `weight_decay` (default 0) is
 * torch.optim's coupled L2 for every one of them: g <- g + weight_decay * w before the update
 * (Adam's too: Adam's L2, not AdamW's decoupled decay).
 */

export type OptimizerConfig = (
  | { type: 'sgd'; lr: number }
  /**
   * `delta`: the seed's form, Delta = beta*Delta + lr*g; w = w - Delta.
   * `pytorch`: v = beta*v + g; w = w - lr*v (nesterov: w = w - lr*(g + beta*v)).
   * With a fixed rate the two agree: Delta = lr*v at every step.
   */
  | { type: 'momentum'; form: 'delta' | 'pytorch'; lr: number; beta: number; nesterov: boolean }
  | { type: 'adagrad'; lr: number; eps: number; initial_accumulator_value: number }
  | { type: 'rmsprop'; lr: number; alpha: number; eps: number }
  | { type: 'adam'; lr: number; beta1: number; beta2: number; eps: number }
) & {
  /** Coupled L2 (torch.optim's weight_decay): the gradient gains weight_decay * w. Default 0. */
  weight_decay?: number;
};

/** Each optimizer with PyTorch's defaults (momentum's beta is the seed's 0.9; PyTorch's 0 would be plain SGD). */
export const OPTIMIZER_DEFAULTS = {
  sgd: { type: 'sgd', lr: 0.001 },
  momentum: { type: 'momentum', form: 'pytorch', lr: 0.001, beta: 0.9, nesterov: false },
  adagrad: { type: 'adagrad', lr: 0.01, eps: 1e-10, initial_accumulator_value: 0 },
  rmsprop: { type: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8 },
  adam: { type: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
} satisfies { readonly [T in OptimizerConfig['type']]: Extract<OptimizerConfig, { type: T }> };

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
  const w = Float64Array.from(params);
  optimizerStepInPlace(config, w, grad, next);
  return { params: w, state: next };
}

/**
 * The same update written into `params` and `state` (for training loops that own their
 * buffers). `grad` is read, never written: with weight decay the step uses g + wd*w.
 */
export function optimizerStepInPlace(config: OptimizerConfig, w: Float64Array, grad: Float64Array, state: OptimizerState): void {
  state.t = state.t + 1;
  const n = w.length;
  const wd = config.weight_decay ?? 0;
  // torch.optim: grad = grad.add(param, alpha=weight_decay)
  const g = (i: number) => (wd === 0 ? grad[i]! : grad[i]! + wd * w[i]!);
  switch (config.type) {
    case 'sgd':
      for (let i = 0; i < n; i++) w[i] = w[i]! - config.lr * g(i);
      break;
    case 'momentum': {
      const { lr, beta } = config;
      if (config.form === 'delta') {
        const delta = state.buffers.delta!;
        for (let i = 0; i < n; i++) {
          delta[i] = beta * delta[i]! + lr * g(i);
          w[i] = w[i]! - delta[i]!;
        }
      } else {
        // torch.optim.SGD(momentum=beta): buf = g on the first step (= beta*0 + g), then beta*buf + g.
        const v = state.buffers.v!;
        for (let i = 0; i < n; i++) {
          const gi = g(i);
          v[i] = state.t === 1 ? gi : beta * v[i]! + gi;
          const direction = config.nesterov ? gi + beta * v[i]! : v[i]!;
          w[i] = w[i]! - lr * direction;
        }
      }
      break;
    }
    case 'adagrad': {
      // torch.optim.Adagrad (lr_decay 0): sum += g^2; w -= lr * g / (sqrt(sum) + eps).
      const sum = state.buffers.sum!;
      for (let i = 0; i < n; i++) {
        const gi = g(i);
        sum[i] = sum[i]! + gi * gi;
        w[i] = w[i]! + -config.lr * (gi / (Math.sqrt(sum[i]!) + config.eps));
      }
      break;
    }
    case 'rmsprop': {
      // torch.optim.RMSprop (not centered, momentum 0): v = alpha v + (1 - alpha) g^2; w -= lr g / (sqrt(v) + eps).
      const v = state.buffers.v!;
      for (let i = 0; i < n; i++) {
        const gi = g(i);
        v[i] = config.alpha * v[i]! + (1 - config.alpha) * (gi * gi);
        w[i] = w[i]! + -config.lr * (gi / (Math.sqrt(v[i]!) + config.eps));
      }
      break;
    }
    case 'adam': {
      // torch.optim.Adam (exp_avg.lerp_, exp_avg_sq.mul_().addcmul_, param.addcdiv_): m, v with bias corrections 1 - beta^t; w -= lr/bc1 * m / (sqrt(v)/sqrt(bc2) + eps).
      const { lr, beta1, beta2, eps } = config;
      const m = state.buffers.m!;
      const v = state.buffers.v!;
      const bc1 = 1 - Math.pow(beta1, state.t);
      const bc2 = 1 - Math.pow(beta2, state.t);
      const stepSize = lr / bc1;
      const bc2Sqrt = Math.sqrt(bc2);
      for (let i = 0; i < n; i++) {
        const gi = g(i);
        m[i] = lerp(m[i]!, gi, 1 - beta1);
        v[i] = beta2 * v[i]! + (1 - beta2) * (gi * gi);
        w[i] = w[i]! + -stepSize * (m[i]! / (Math.sqrt(v[i]!) / bc2Sqrt + eps));
      }
      break;
    }
  }
}

/**
 * A step's move (w_after - w_before) split the way the momentum picture draws it, head to tail:
 * `carried`, the velocity carried over from the last step, plus `gradient`, this step's
 * gradient term. Delta form: -beta*Delta_prev and -mu*g (w - Delta = w - beta*Delta_prev -
 * mu*g). PyTorch form: -lr*beta*v_prev and -lr*g; Nesterov (w - lr*(g + beta*(beta*v_prev +
 * g))): -lr*beta^2*v_prev and -lr*(1 + beta)*g. SGD: 0 and -lr*g. g is the decayed gradient
 * under weight decay. Null for Adagrad, RMSprop and Adam, whose move is a ratio, not such a sum.
 */
export function moveParts(config: OptimizerConfig, params: Float64Array, grad: Float64Array, before: OptimizerState): { carried: Float64Array; gradient: Float64Array } | null {
  const n = params.length;
  const wd = config.weight_decay ?? 0;
  const g = (i: number) => (wd === 0 ? grad[i]! : grad[i]! + wd * params[i]!);
  const carried = new Float64Array(n);
  const gradient = new Float64Array(n);
  switch (config.type) {
    case 'sgd':
      for (let i = 0; i < n; i++) gradient[i] = -config.lr * g(i);
      return { carried, gradient };
    case 'momentum': {
      const { lr, beta } = config;
      // PyTorch's first step sets v = g: nothing is carried (the buffers start at 0 in both forms).
      const previous = before.t === 0 ? new Float64Array(n) : before.buffers[config.form === 'delta' ? 'delta' : 'v']!;
      for (let i = 0; i < n; i++) {
        if (config.form === 'delta') {
          carried[i] = -beta * previous[i]!;
          gradient[i] = -lr * g(i);
        } else if (config.nesterov) {
          carried[i] = -lr * beta * beta * previous[i]!;
          gradient[i] = -lr * (1 + beta) * g(i);
        } else {
          carried[i] = -lr * beta * previous[i]!;
          gradient[i] = -lr * g(i);
        }
      }
      return { carried, gradient };
    }
    case 'adagrad':
    case 'rmsprop':
    case 'adam':
      return null;
  }
}

/** The update rule of an optimizer as display LaTeX lines (g is the gradient of the step's loss). */
export function updateRule(config: OptimizerConfig): string[] {
  const rule = baseUpdateRule(config);
  return (config.weight_decay ?? 0) > 0 ? ['g \\leftarrow g + \\lambda\\, w', ...rule] : rule;
}

function baseUpdateRule(config: OptimizerConfig): string[] {
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
