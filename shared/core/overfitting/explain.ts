import type { Cooperation } from '../cooperation';
import { isCancellation } from '../dense/gradient-flow';
import { internalFailure, IssueCollector, type DenseFailure } from '../dense/issues';
import { evaluateOutputs } from '../dense/mlp';
import type { DataSet } from '../dense/spec';
import type { Trainer } from '../dense/train';
import { formatNumber } from '../optim/format';
import { derivation, meanOfTerms, n, operand, plainOperand, squaredDifference, sumOf, type Derivation, type Explanation } from '../regression/explain';
import { checkOverfittingLab, prepareLab, type LabRemedies } from './lab';
import { ONSET_TOLERANCE, onsetAt, onsetChanges } from './onset';

/**
 * Derivations of the overfitting lab's numbers at one epoch: each run is trained again from
 * the same document (the lab is seeded, so the same weights and the same losses), stopped at
 * the epoch, and its numbers there are written out with the terms they are made of:
 * - `train_loss`, `validation_loss`: nn.MSELoss (regression) or nn.CrossEntropyLoss
 *   (classification), the mean over the set of each sample's term, without dropout;
 * - `onset`: the rule that marks the onset of overfitting, with its epochs and losses;
 * - `best_epoch` (early stopping): the strictly lowest validation loss so far and the epochs waited;
 * - `dropout`: inverted dropout's scale 1/(1-p) of the kept units;
 * - `weight_decay`: PyTorch's coupled weight decay as the L2 penalty (lambda/2)||theta||^2 it
 *   adds to the loss, at the weights of the epoch;
 * and `comparison`: the remedied run's validation loss minus the baseline's.
 * A run stopped early is explained at its last epoch when the epoch is past it.
 */
export interface OverfittingExplainRequest {
  lab: unknown;
  /** the epoch shown (0 is before training) */
  epoch: number;
}

export interface RunExplanation {
  /** the epoch the run is explained at (its last one when it stopped sooner) */
  epoch: number;
  /** the run's losses there, as its epoch record has them */
  train_loss: number;
  validation_loss: number;
  explanation: Explanation;
}

export interface OverfittingExplainResult {
  ok: true;
  baseline: RunExplanation;
  remedied: RunExplanation | null;
  comparison: Derivation | null;
}

type Term = { latex: string; plain: string };

/** Each sample's term of the loss and their count, with the weights the trainer holds now. */
function lossTerms(trainer: Trainer, set: DataSet): Term[] {
  const { layout, run } = trainer;
  const outputs = evaluateOutputs(layout, run.network.activation, trainer.params, set.x, set.rows);
  const k = set.targets.outputs;
  const values = set.targets.values;
  const terms: Term[] = [];
  for (let i = 0; i < set.rows; i++) {
    if (run.loss === 'mse') {
      for (let j = 0; j < k; j++) terms.push(squaredDifference(outputs[i * k + j]!, values[i * k + j]!));
      continue;
    }
    const base = i * k;
    let max = -Infinity;
    for (let j = 0; j < k; j++) max = Math.max(max, outputs[base + j]!);
    let sum = 0;
    for (let j = 0; j < k; j++) sum += Math.exp(outputs[base + j]! - max);
    const p = Math.exp(outputs[base + values[i]!]! - max) / sum;
    terms.push({ latex: `-\\ln ${n(p)}`, plain: `-ln(${formatNumber(p)})` });
  }
  return terms;
}

function lossDerivation(trainer: Trainer, set: DataSet, value: number, epoch: number, which: 'train' | 'validation'): Derivation {
  const terms = lossTerms(trainer, set);
  const mean = meanOfTerms(terms.length, terms);
  const name = which === 'train' ? 'L_{\\text{train}}' : 'L_{\\text{val}}';
  const count = `N = ${terms.length},\\ e = ${epoch}`;
  const formula =
    trainer.run.loss === 'mse'
      ? `${name} = \\frac{1}{N}\\sum_{i=1}^{N}\\left(\\hat y_i - y_i\\right)^{2},\\quad ${count}`
      : `${name} = \\frac{1}{N}\\sum_{i=1}^{N} -\\ln p_{i,y_i},\\quad p_{i} = \\operatorname{softmax}(z_i),\\quad ${count}`;
  return derivation(formula, mean.latex, value, `${which} loss at epoch ${epoch} = ${mean.plain}`);
}

function onsetDerivation(trainer: Trainer, epoch: number): Derivation | null {
  const onset = onsetAt(onsetChanges(trainer.epochs), epoch);
  if (!onset) return null;
  const { start: s, detected: d } = onset;
  const threshold = s.validation_loss + ONSET_TOLERANCE * Math.abs(s.validation_loss);
  return {
    formula: `s = \\arg\\min_{e \\le d} V_e,\\quad V_d > V_s + \\tau\\lvert V_s\\rvert \\ \\text{and}\\ T_d < T_s,\\quad \\tau = ${n(ONSET_TOLERANCE)}`,
    substituted: `V_{${d.epoch}} = ${n(d.validation_loss)} > ${n(s.validation_loss)} + ${n(ONSET_TOLERANCE)} \\cdot ${n(Math.abs(s.validation_loss))} = ${n(threshold)},\\quad T_{${d.epoch}} = ${n(d.train_loss)} < T_{${s.epoch}} = ${n(s.train_loss)}`,
    result: `s = ${s.epoch}`,
    text: `onset after epoch s = ${s.epoch} (lowest validation loss ${formatNumber(s.validation_loss)}, training loss ${formatNumber(s.train_loss)}): at epoch d = ${d.epoch} the validation loss ${formatNumber(d.validation_loss)} > ${formatNumber(threshold)} and the training loss ${formatNumber(d.train_loss)} < ${formatNumber(s.train_loss)}`,
  };
}

/** Early stopping as the trainer keeps it: the first epoch of the strictly lowest validation loss so far, and the epochs since. */
function bestEpochDerivation(trainer: Trainer, epoch: number, patience: number): Derivation {
  const best = trainer.bestEpoch;
  const lowest = trainer.epochs[best]!.validation_loss!;
  const waited = epoch - best;
  const stopped = waited >= patience;
  return {
    formula: `b = \\text{first } e \\le E \\text{ with } V_e = \\min_{e' \\le E} V_{e'},\\quad \\text{stop once } E - b = \\text{patience}`,
    substituted: `V_{${best}} = ${n(lowest)} = \\min_{e \\le ${epoch}} V_e,\\quad E - b = ${epoch} - ${best} = ${waited} ${stopped ? '=' : '<'} ${patience}`,
    result: `b = ${best}`,
    text: `best epoch b = ${best}: validation loss ${formatNumber(lowest)}, the lowest up to epoch ${epoch} (first reached there); ${waited} epochs since, patience ${patience}${stopped ? ': training stops and the weights of epoch ' + best + ' are restored' : ''}`,
  };
}

function dropoutDerivation(rate: number): Derivation {
  return derivation(
    '\\tilde h = \\frac{m \\odot h}{1 - p},\\quad m_j \\sim \\operatorname{Bernoulli}(1 - p)\\ \\text{(training only)}',
    `\\frac{1}{1 - ${n(rate)}}`,
    1 / (1 - rate),
    `kept units scaled by 1/(1 - ${formatNumber(rate)}) while training; the losses are evaluated without dropout`,
  );
}

function weightDecayDerivation(trainer: Trainer, lambda: number, epoch: number): Derivation {
  const params = trainer.params;
  let squares = 0;
  for (const value of params) squares += value * value;
  const sum = sumOf(Array.from(params, (value) => ({ latex: `${operand(value)}^{2}`, plain: `${plainOperand(value)}^2` })));
  return derivation(
    `g_t = \\nabla_\\theta L + \\lambda\\,\\theta_{t-1} = \\nabla_\\theta\\!\\left(L + \\tfrac{\\lambda}{2}\\lVert\\theta\\rVert^{2}\\right),\\quad \\tfrac{\\lambda}{2}\\lVert\\theta\\rVert^{2} \\text{ at } e = ${epoch}`,
    `\\frac{${n(lambda)}}{2}\\left[${sum.latex}\\right]`,
    (lambda / 2) * squares,
    `(lambda/2)*||theta||^2 at epoch ${epoch} = (${formatNumber(lambda)}/2)*[${sum.plain}]`,
  );
}

async function explainRun(trainer: Trainer, remedies: LabRemedies | null, epoch: number, cooperation: Cooperation | undefined): Promise<RunExplanation> {
  while (!trainer.finished && trainer.epochsDone < epoch) await trainer.runEpoch(cooperation);
  const at = Math.min(epoch, trainer.epochsDone);
  const record = trainer.epochs[at]!;
  const explanation: Explanation = {
    train_loss: lossDerivation(trainer, trainer.run.data, record.train_loss, at, 'train'),
    validation_loss: lossDerivation(trainer, trainer.run.validation!, record.validation_loss!, at, 'validation'),
  };
  const onset = onsetDerivation(trainer, at);
  if (onset) explanation.onset = onset;
  if (remedies?.patience != null) explanation.best_epoch = bestEpochDerivation(trainer, at, remedies.patience);
  if (remedies && remedies.dropout > 0) explanation.dropout = dropoutDerivation(remedies.dropout);
  if (remedies && remedies.weightDecay > 0) explanation.weight_decay = weightDecayDerivation(trainer, remedies.weightDecay, at);
  return { epoch: at, train_loss: record.train_loss, validation_loss: record.validation_loss!, explanation };
}

/** The numbers of both runs at `epoch` as derivations. Asynchronous and cooperative (it trains again); never throws but for a cancel. */
export async function explainOverfitting(request: OverfittingExplainRequest, cooperation?: Cooperation): Promise<OverfittingExplainResult | DenseFailure> {
  const checked = checkOverfittingLab((request as { lab?: unknown } | undefined)?.lab);
  if (!checked.ok) return checked;
  const spec = checked.value;
  const c = new IssueCollector();
  const epoch = c.integer((request as { epoch?: unknown }).epoch, 'epoch', { min: 0, max: spec.epochs }, 0);
  if (c.failed) return c.failure();
  try {
    const { trainer } = prepareLab(spec);
    const baseline = await explainRun(trainer(spec.widths, null), null, epoch, cooperation);
    const remedied = spec.remedies ? await explainRun(trainer(spec.remedies.smallerWidths ?? spec.widths, spec.remedies), spec.remedies, epoch, cooperation) : null;
    let comparison: Derivation | null = null;
    if (remedied) {
      const vb = baseline.validation_loss;
      const vr = remedied.validation_loss;
      comparison = derivation(
        `\\Delta V = V^{\\text{remedies}}_{${remedied.epoch}} - V^{\\text{none}}_{${baseline.epoch}}`,
        `${n(vr)} - ${operand(vb)}`,
        vr - vb,
        `validation loss with remedies minus without = ${formatNumber(vr)} - ${plainOperand(vb)}`,
      );
    }
    return { ok: true, baseline, remedied, comparison };
  } catch (error) {
    if (isCancellation(error)) throw error;
    return internalFailure('overfittingExplain', error);
  }
}
