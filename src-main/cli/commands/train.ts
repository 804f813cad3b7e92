import type { TrainResult } from '../../../shared/core/dense/index';
import { trainRunSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber, table } from './dense-output';
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

function trainText(result: TrainResult): string {
  const validation = result.epochs.some((entry) => entry.validation_loss !== undefined);
  const rows = [['epoch', 'train loss', ...(validation ? ['validation loss'] : [])], ...result.epochs.map((entry) => [String(entry.epoch), shortNumber(entry.train_loss), ...(validation ? [shortNumber(entry.validation_loss)] : [])])];
  const lines = [`network ${result.sizes.join('-')} (${result.activation}), ${result.parameters} parameters`, '', table(rows)];
  if (result.best_epoch !== undefined) lines.push('', `best epoch: ${result.best_epoch} (its weights restored)`);
  if (result.stopped) lines.push('', result.stopped.message);
  return `${lines.join('\n')}\n`;
}

/** `train`: a training run as a trace of losses per epoch, with the initial and final weights. */
export const trainCommand: CliCommand = {
  name: 'train',
  description: 'train an MLP (SGD, momentum, Adagrad, RMSprop, Adam; dropout, weight decay, early stopping) and print the losses per epoch',
  async run(document, core) {
    const parsed = trainRunSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error) };
    const result = await core.trainNetwork({ run: document, tensors: true });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result) };
    return { text: trainText(result), json: trainToJson(result), errors: [] };
  },
};
