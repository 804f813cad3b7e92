import type { GradientFlowResult } from '../../../shared/core/dense/index';
import { gradientFlowCaseSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber, table } from './dense-output';
import type { CliLanguage } from '../language';
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

function gradientFlowText(result: GradientFlowResult, language: CliLanguage): string {
  const { say, num } = language;
  const share = result.layers.some((layer) => layer.saturated_fraction !== undefined) ? say('flow.saturated') : result.layers.some((layer) => layer.inactive_fraction !== undefined) ? say('flow.inactive') : null;
  const header = [say('flow.layer'), say('flow.units'), 'std(W)', 'mean(a)', 'std(a)', ...(share ? [share] : []), '||dL/dW||', '||dL/db||', '||delta||', 'std(dW)/std(W)'];
  const cell = (value: number | null | undefined) => num(shortNumber(value));
  const rows = result.layers.map((layer) => [
    `${num(layer.layer)}${layer.kind === 'output' ? say('flow.output') : ''}`,
    num(layer.units),
    cell(layer.weight_std),
    cell(layer.activation_mean),
    cell(layer.activation_std),
    ...(share ? [cell(layer.saturated_fraction ?? layer.inactive_fraction)] : []),
    cell(layer.grad_weight_norm),
    cell(layer.grad_bias_norm),
    cell(layer.delta_norm),
    cell(layer.grad_to_weight),
  ]);
  const head = say('flow.head', { sizes: num(result.sizes.join('-')), activation: result.activation, parameters: result.parameters, samples: result.samples, loss: cell(result.loss) });
  const lines = boundLines(result, language);
  return `${head}\n\n${table([header, ...rows])}\n\n${say('flow.bound', { text: lines.bound })}\n${say('flow.measured', { text: lines.measured })}\n`;
}

/** A number as the bound's derivation writes it (4 significant digits). */
function boundNumber(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(4))) : String(value);
}

/**
 * The bound ||delta_1|| <= ||delta_L|| prod_{l=2..L} c ||W_l||_2 with this network's numbers, and
 * the measured ||delta_1|| beside it, from the result's numbers in the language `--lang` chose
 * (English: word for word the core's derivation texts; the subscripts stay Latin, the values
 * take the language's digits).
 */
export function boundLines(result: GradientFlowResult, language: CliLanguage): { bound: string; measured: string } {
  const { say, num } = language;
  const { layers, bound } = result;
  const last = layers.length;
  const written = (value: number) => num(boundNumber(value));
  const factors = [layers[last - 1]!.delta_norm, ...layers.slice(1).map((layer) => bound.derivativeBound * layer.weight_spectral_norm)];
  const product = last >= 2 ? say('flow.boundProduct', { last: String(last) }) : say('flow.boundNoProduct');
  return {
    bound: say('flow.boundLine', { last: String(last), product, factors: factors.map(written).join(' * '), value: written(bound.value) }),
    measured: say('flow.measuredLine', { measured: written(bound.measured), relation: bound.holds ? '<=' : '>', value: written(bound.value) }),
  };
}

/** `gradient-flow`: one batch forward and backward through an MLP, per-layer statistics. */
export const gradientFlowCommand: CliCommand = {
  name: 'gradient-flow',
  description: 'per-layer activation and gradient statistics of an MLP on one batch (vanishing / exploding gradients)',
  descriptionFa: 'آمار فعال‌سازی‌ها و گرادیان‌های هر لایهٔ یک MLP روی یک دسته (گرادیان‌های محوشونده / انفجاری)',
  async run(document, core, _flags, language) {
    const parsed = gradientFlowCaseSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error, language) };
    const result = await core.gradientFlow({ case: document, tensors: true });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result, language) };
    return { text: gradientFlowText(result, language), json: gradientFlowToJson(result), errors: [] };
  },
};
