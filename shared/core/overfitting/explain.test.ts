import { describe, expect, it } from 'vitest';
import { formatNumber } from '../optim/format';
import { explainOverfitting, type OverfittingExplainResult } from './explain';
import { overfittingLab, type OverfittingResult } from './lab';
import { onsetAt } from './onset';

async function both(lab: Record<string, unknown>, epoch: number): Promise<{ result: OverfittingResult; explained: OverfittingExplainResult }> {
  const result = await overfittingLab({ lab });
  const explained = await explainOverfitting({ lab, epoch });
  if (!result.ok || !explained.ok) throw new Error('lab failed');
  return { result, explained };
}

/** The numbers of a plain-text line "... = (1/N)*[a + b + ... + z (N terms)] = value". */
function terms(text: string): string[] {
  const inside = /\[(.*)\]/.exec(text)![1]!;
  return inside.split(' + ').filter((term) => !term.startsWith('...')).map((term) => term.replace(/ \(\d+ terms\)$/, ''));
}

const MOONS = { data: { kind: 'moons', samples: 30, noise: 0.3, seed: 3 }, widths: [12, 12], epochs: 120, seed: 5, grid: 5, optimizer: { type: 'adam', lr: 0.03 } };

describe('overfitting explain: the numbers on screen, derived again from the same seeded runs', () => {
  it('a loss is the mean of its samples\' terms, with the run\'s own value as the result', async () => {
    const lab = { data: { kind: 'regression', truth: 'cubic', samples: 5, noise: 0.1, validation: 0.4 }, widths: [3], epochs: 20, seed: 1, grid: 5 };
    const { result, explained } = await both(lab, 7);
    const record = result.baseline.epochs[7]!;
    const train = explained.baseline.explanation.train_loss!;
    expect(explained.baseline.train_loss).toBe(record.train_loss);
    expect(explained.baseline.validation_loss).toBe(record.validation_loss);
    expect(train.text.endsWith(`= ${formatNumber(record.train_loss)}`)).toBe(true);
    // three training points, (fit - y)^2 each: their mean is the recorded loss
    const squares = terms(train.text).map((term) => {
      const [fit, y] = term.slice(1, -3).split(' - ').map((part) => Number(part.replace(/[()]/g, '')));
      return (fit! - y!) ** 2;
    });
    expect(squares).toHaveLength(3);
    expect(squares.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(record.train_loss, 10);
    expect(train.formula).toContain('N = 3');
    expect(explained.baseline.explanation.validation_loss!.formula).toContain('N = 2');
    expect(explained.remedied).toBeNull();
    expect(explained.comparison).toBeNull();
  });

  it('cross-entropy: the mean of -ln p of each sample\'s class; onset and early stopping name the run\'s epochs and losses', async () => {
    const lab = { ...MOONS, remedies: { early_stopping: { patience: 15 }, dropout: 0.25, weight_decay: 0.001 } };
    const { result, explained } = await both(lab, 80);
    const runs: [OverfittingResult['baseline'], OverfittingExplainResult['baseline']][] = [[result.baseline, explained.baseline], [result.remedied!, explained.remedied!]];
    for (const [run, explanation] of runs) {
      const at = Math.min(80, run.epochs.length - 1);
      expect(explanation.epoch).toBe(at);
      expect(explanation.explanation.train_loss!.formula).toContain(`N = ${run.train_samples}`);
      const onset = onsetAt(run.onsets, at);
      if (onset) {
        expect(explanation.explanation.onset!.result).toBe(`s = ${onset.start.epoch}`);
        expect(explanation.explanation.onset!.text).toContain(`at epoch d = ${onset.detected.epoch}`);
      } else expect(explanation.explanation.onset).toBeUndefined();
    }
    const remedied = explained.remedied!;
    // the remedied run stopped early: its best epoch is the lab's, and the wait equals the patience
    expect(result.remedied!.best_epoch).not.toBeNull();
    expect(remedied.explanation.best_epoch!.result).toBe(`b = ${result.remedied!.best_epoch}`);
    const stop = result.remedied!.epochs.length - 1;
    if (stop <= 80) expect(remedied.explanation.best_epoch!.substituted).toContain(`= ${stop - result.remedied!.best_epoch!} = 15`);
    expect(remedied.explanation.dropout!.text.endsWith(`= ${formatNumber(1 / (1 - 0.25))}`)).toBe(true);
    expect(remedied.explanation.dropout!.text).toContain('1/(1 - 0.25)');
    expect(remedied.explanation.weight_decay!.formula).toContain('\\lambda');
    expect(explained.baseline.explanation.best_epoch).toBeUndefined();
    expect(explained.comparison!.text).toContain(`= ${formatNumber(remedied.validation_loss)} - ${formatNumber(explained.baseline.validation_loss)} = `);
  });

  it('few samples: every cross-entropy term shown, their mean is the recorded loss', async () => {
    const lab = { data: { kind: 'xor', samples: 6, noise: 0.2, validation: 0.5 }, widths: [4], epochs: 10, seed: 2, grid: 4 };
    const { result, explained } = await both(lab, 10);
    const text = explained.baseline.explanation.train_loss!.text;
    const logs = terms(text).map((term) => -Math.log(Number(/-ln\((.*)\)/.exec(term)![1])));
    expect(logs).toHaveLength(3);
    expect(logs.reduce((a, b) => a + b, 0) / 3).toBeCloseTo(result.baseline.epochs[10]!.train_loss, 10);
  });

  it('names the field of a bad epoch', async () => {
    const answer = await explainOverfitting({ lab: MOONS, epoch: 121 });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.issues[0]!.field).toBe('epoch');
  });
});
