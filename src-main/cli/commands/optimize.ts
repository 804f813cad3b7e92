import type { OptimizeResult, OptimizeStep } from '../../../shared/core/optim/index';
import { describeSchemaErrors, optimizeProblemSchema } from '../../../shared/protocol/optimize-schema';
import { cliLanguage, type CliLanguage } from '../language';
import type { CliCommand } from './types';

type Trace = Extract<OptimizeResult, { ok: true }>;

/** Machine form: the steps as the issue documents them, then the final parameters (and why the run stopped, if it did). */
export function traceToJson(trace: Trace) {
  return {
    model: trace.model.text,
    partials: Object.fromEntries(trace.model.partials.map((partial) => [partial.param, partial.text])),
    initial: trace.initial,
    steps: trace.steps.map((step) => ({
      step: step.step,
      epoch: step.epoch,
      samples: step.samples,
      y: step.y,
      loss: step.loss,
      dloss_dy: step.dloss_dy,
      dy_dparams: step.dy_dparams,
      grad: step.grad,
      state: step.state,
      params: step.params,
      data_loss: step.data_loss,
    })),
    final: trace.final,
    ...(trace.stopped ? { stopped: trace.stopped } : {}),
  };
}

const cell = (value: number) => String(value);

/** A plain table: one line per step with y, the loss, the gradient and the new parameters. */
export function traceToTable(trace: Trace, language: CliLanguage = cliLanguage('en')): string {
  const { say, num } = language;
  const names = trace.paramNames;
  const header = [say('optimize.step'), say('optimize.samples'), 'y', say('optimize.loss'), ...names.map((id) => `dL/d${id}`), ...Object.keys(trace.steps[0]?.state ?? {}).flatMap((buffer) => names.map((id) => `${buffer}_${id}`)), ...names];
  const rows = trace.steps.map((step: OptimizeStep) =>
    [
      String(step.step),
      step.samples.map((sample) => sample + 1).join(' '),
      step.y.map(cell).join(' '),
      cell(step.loss),
      ...names.map((id) => cell(step.grad[id]!)),
      ...Object.values(step.state).flatMap((buffer) => names.map((id) => cell(buffer[id]!))),
      ...names.map((id) => cell(step.params[id]!)),
    ].map((text) => num(text)),
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((text, column) => text.padStart(widths[column]!)).join('  ');
  const lines = [say('optimize.model', { model: trace.model.text }), ...trace.model.partials.map((partial) => `  dy/d${partial.param} = ${partial.text}`), '', line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  lines.push('', say('optimize.final', { params: names.map((id) => `${id} = ${num(trace.final[id]!)}`).join(say('list.separator')) }));
  if (trace.stopped) lines.push(trace.stopped.message);
  return `${lines.join('\n')}\n`;
}

/** `optimize`: the optimizer stepper's trace for a problem document (model, params, data, loss, optimizer, mode). */
export const optimizeCommand: CliCommand = {
  name: 'optimize',
  description: 'every step of an optimizer (SGD, momentum, Adagrad, RMSprop, Adam) on a model you type, as a trace',
  descriptionFa: 'همهٔ گام‌های یک بهینه‌ساز (SGD، تکانه، Adagrad، RMSprop، Adam) روی مدلی که می‌نویسید، به شکل یک ردگیری',
  run(document, core, _flags, language) {
    const parsed = optimizeProblemSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: describeSchemaErrors(parsed.error) };
    const result = core.optimize({ problem: parsed.data });
    if (!result.ok) return { text: '', json: undefined, errors: result.errors.map(language.optimizeError) };
    return { text: traceToTable(result, language), json: traceToJson(result), errors: [] };
  },
};
