import type { Activation, Step } from '../../../shared/core/backprop/types';
import { formatDecimal, t, type MessageKey } from '../../lib/i18n';

type Params = Record<string, string | number>;
/** `t` for keys chosen at run time (the step's own key); the catalog has every STEP_TEXT_KEYS entry. */
const tr = t as unknown as (key: MessageKey, params?: Params) => string;

/**
 * A step's words in the current language, its numbers formatted (4 decimals at most). `input`
 * names what the pooling reads, as the assignment does: z without an activation, h = f(z) with one.
 */
export function stepText(step: Step, activation: Activation = 'none'): string {
  const params: Params = { input: activation === 'none' ? 'z' : 'h' };
  for (const [name, value] of Object.entries(step.text.params)) params[name] = typeof value === 'number' ? formatDecimal(value, 4) : value;
  if (typeof step.text.params.kind === 'string') params.kind = tr(`backprop.activation.${step.text.params.kind}` as MessageKey);
  if ('global' in step.text.params) {
    params.where = step.text.params.global ? tr('backprop.text.where.global', params) : tr('backprop.text.where.window', params);
  }
  return tr(`backprop.text.${step.text.key}` as MessageKey, params);
}
