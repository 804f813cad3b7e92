import { OPTIMIZER_DEFAULTS, type OptimizerConfig } from '../optim/optimizers';
import { joinPath, type IssueCollector } from './issues';

const TYPES = Object.keys(OPTIMIZER_DEFAULTS) as OptimizerConfig['type'][];

/**
 * The `optimize` command's optimizer object, read defensively with the same fields and
 * PyTorch's defaults (optim's OPTIMIZER_DEFAULTS, the table the optimize schema uses):
 * type sgd | momentum (form, beta, nesterov) | adagrad (eps, initial_accumulator_value) |
 * rmsprop (alpha, eps) | adam (beta1, beta2, eps); lr; weight_decay (coupled L2, default 0).
 */
export function readOptimizer(c: IssueCollector, value: unknown, field = 'optimizer'): OptimizerConfig {
  const doc = c.object(value, field);
  if (!doc) return OPTIMIZER_DEFAULTS.sgd;
  const type = c.oneOf(doc.type, joinPath(field, 'type'), TYPES);
  const at = (name: string) => joinPath(field, name);
  const lr = (fallback: number) => c.optionalNumber(doc.lr, at('lr'), fallback, { min: 0, exclusiveMin: true });
  const unit = (name: string, fallback: number) => {
    const value = c.optionalNumber(doc[name], at(name), fallback, { min: 0 });
    if (value >= 1) {
      c.add(at(name), 'too_large', { max: 1, exclusive: 1, got: value });
      return fallback;
    }
    return value;
  };
  const nonNegative = (name: string, fallback: number) => c.optionalNumber(doc[name], at(name), fallback, { min: 0 });
  const weightDecay = doc.weight_decay === undefined ? {} : { weight_decay: nonNegative('weight_decay', 0) };
  const common = ['type', 'lr', 'weight_decay'];
  switch (type) {
    case 'sgd':
      c.onlyFields(doc, field, common);
      return { type, lr: lr(OPTIMIZER_DEFAULTS.sgd.lr), ...weightDecay };
    case 'momentum': {
      c.onlyFields(doc, field, [...common, 'form', 'beta', 'nesterov']);
      const d = OPTIMIZER_DEFAULTS.momentum;
      const form = c.oneOf(doc.form, at('form'), ['delta', 'pytorch'] as const, d.form);
      const nesterov = c.boolean(doc.nesterov, at('nesterov'), d.nesterov);
      if (form === 'delta' && nesterov) c.add(at('nesterov'), 'nesterov_needs_pytorch_form');
      return { type, form, lr: lr(d.lr), beta: unit('beta', d.beta), nesterov, ...weightDecay };
    }
    case 'adagrad': {
      c.onlyFields(doc, field, [...common, 'eps', 'initial_accumulator_value']);
      const d = OPTIMIZER_DEFAULTS.adagrad;
      return { type, lr: lr(d.lr), eps: nonNegative('eps', d.eps), initial_accumulator_value: nonNegative('initial_accumulator_value', d.initial_accumulator_value), ...weightDecay };
    }
    case 'rmsprop': {
      c.onlyFields(doc, field, [...common, 'alpha', 'eps']);
      const d = OPTIMIZER_DEFAULTS.rmsprop;
      return { type, lr: lr(d.lr), alpha: unit('alpha', d.alpha), eps: nonNegative('eps', d.eps), ...weightDecay };
    }
    case 'adam': {
      c.onlyFields(doc, field, [...common, 'beta1', 'beta2', 'eps']);
      const d = OPTIMIZER_DEFAULTS.adam;
      return { type, lr: lr(d.lr), beta1: unit('beta1', d.beta1), beta2: unit('beta2', d.beta2), eps: nonNegative('eps', d.eps), ...weightDecay };
    }
  }
}
