import type { TrainResult } from '../../../shared/core/dense/index';
import { trainRunSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber, table } from './dense-output';
import type { CliLanguage } from '../language';
import type { CliCommand } from './types';

/** Machine form, as the README documents it. */
export function trainToJson(result: TrainResult) {
  return {
    epochs: result.epochs,
    ...(result.best_epoch !== undefined ? { best_epoch: result.best_epoch } : {}),
    ...(result.steps ? { steps: result.steps } : {}),
    // The JSON keeps its shape: the values for phrasing stay out of the contract.
    ...(result.stopped ? { stopped: { epoch: result.stopped.epoch, step: result.stopped.step, reason: result.stopped.reason, message: result.stopped.message } } : {}),
    initial: result.tensors?.initial,
    final: result.tensors?.final,
  };
}

function trainText(result: TrainResult, language: CliLanguage): string {
  const { say, num } = language;
  const validation = result.epochs.some((entry) => entry.validation_loss !== undefined);
  const rows = [
    [say('train.epoch'), say('train.trainLoss'), ...(validation ? [say('train.validationLoss')] : [])],
    ...result.epochs.map((entry) => [num(entry.epoch), num(shortNumber(entry.train_loss)), ...(validation ? [num(shortNumber(entry.validation_loss))] : [])]),
  ];
  const lines = [say('train.head', { sizes: num(result.sizes.join('-')), activation: result.activation, parameters: result.parameters }), '', table(rows)];
  if (result.best_epoch !== undefined) lines.push('', say('train.best', { epoch: result.best_epoch }));
  if (result.stopped) lines.push('', language.trainStop(result.stopped));
  return `${lines.join('\n')}\n`;
}

/** `train`: a training run as a trace of losses per epoch, with the initial and final weights. */
export const trainCommand: CliCommand = {
  name: 'train',
  description: 'train an MLP (SGD, momentum, Adagrad, RMSprop, Adam; dropout, weight decay, early stopping) and print the losses per epoch',
  descriptionFa: 'یک MLP را آموزش می‌دهد (SGD، تکانه، Adagrad، RMSprop، Adam؛ dropout، weight decay، توقف زودهنگام) و زیان هر دوره را چاپ می‌کند',
  async run(document, core, _flags, language) {
    const parsed = trainRunSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error, language) };
    const result = await core.trainNetwork({ run: document, tensors: true });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result, language) };
    return { text: trainText(result, language), json: trainToJson(result), errors: [] };
  },
};
