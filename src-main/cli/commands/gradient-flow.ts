import type { GradientFlowResult } from '../../../shared/core/dense/index';
import { gradientFlowCaseSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber, table } from './dense-output';
import type { CliCommand } from './types';

/** Machine form, as the README documents it. */
export function gradientFlowToJson(result: GradientFlowResult) {
  return {
    loss: result.loss,
    layers: result.layers.map((layer) => ({
      layer: layer.layer,
      weight_std: layer.weight_std,
      activation_mean: layer.activation_mean,
      activation_std: layer.activation_std,
      ...(layer.saturated_fraction !== undefined ? { saturated_fraction: layer.saturated_fraction } : {}),
      ...(layer.inactive_fraction !== undefined ? { inactive_fraction: layer.inactive_fraction } : {}),
      grad_weight_norm: layer.grad_weight_norm,
      grad_bias_norm: layer.grad_bias_norm,
      delta_norm: layer.delta_norm,
      grad_to_weight: layer.grad_to_weight,
    })),
    ...result.tensors,
  };
}

function gradientFlowText(result: GradientFlowResult): string {
  const share = result.layers.some((layer) => layer.saturated_fraction !== undefined) ? 'saturated' : result.layers.some((layer) => layer.inactive_fraction !== undefined) ? 'inactive' : null;
  const header = ['layer', 'units', 'std(W)', 'mean(a)', 'std(a)', ...(share ? [share] : []), '||dL/dW||', '||dL/db||', '||delta||', 'std(dW)/std(W)'];
  const rows = result.layers.map((layer) => [
    `${layer.layer}${layer.kind === 'output' ? ' (output)' : ''}`,
    String(layer.units),
    shortNumber(layer.weight_std),
    shortNumber(layer.activation_mean),
    shortNumber(layer.activation_std),
    ...(share ? [shortNumber(layer.saturated_fraction ?? layer.inactive_fraction)] : []),
    shortNumber(layer.grad_weight_norm),
    shortNumber(layer.grad_bias_norm),
    shortNumber(layer.delta_norm),
    shortNumber(layer.grad_to_weight),
  ]);
  const bound = result.bound.derivations.bound!;
  return `network ${result.sizes.join('-')} (${result.activation}), ${result.parameters} parameters, ${result.samples} samples; loss ${shortNumber(result.loss)}\n\n${table([header, ...rows])}\n\nbound: ${bound.text}\nmeasured: ${result.bound.derivations.measured!.text}\n`;
}

/** `gradient-flow`: one batch forward and backward through an MLP, per-layer statistics. */
export const gradientFlowCommand: CliCommand = {
  name: 'gradient-flow',
  description: 'per-layer activation and gradient statistics of an MLP on one batch (vanishing / exploding gradients)',
  async run(document, core) {
    const parsed = gradientFlowCaseSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error) };
    const result = await core.gradientFlow({ case: document, tensors: true });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result) };
    return { text: gradientFlowText(result), json: gradientFlowToJson(result), errors: [] };
  },
};
