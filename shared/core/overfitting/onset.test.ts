import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../dense/train';
import { onsetAt, onsetChanges } from './onset';

function run(train: number[], validation: number[]): EpochRecord[] {
  return train.map((loss, epoch) => ({ epoch, train_loss: loss, validation_loss: validation[epoch]! }));
}

describe('onset of overfitting', () => {
  it('the lowest validation epoch, marked at the first later epoch where validation rose by more than 1% while training fell', () => {
    // Validation lowest at epoch 2 (0.5); epoch 3 is 0.504 (+0.8%: within the tolerance); epoch 4 is 0.52 (+4%).
    const epochs = run([1, 0.8, 0.6, 0.5, 0.4, 0.3], [1, 0.7, 0.5, 0.504, 0.52, 0.6]);
    const changes = onsetChanges(epochs);
    expect(changes).toEqual([
      { from: 0, onset: null },
      { from: 4, onset: { start: { epoch: 2, train_loss: 0.6, validation_loss: 0.5 }, detected: { epoch: 4, train_loss: 0.4, validation_loss: 0.52 } } },
    ]);
    expect(onsetAt(changes, 3)).toBeNull();
    expect(onsetAt(changes, 4)!.start.epoch).toBe(2);
    expect(onsetAt(changes, 99)!.detected.epoch).toBe(4);
  });

  it('no onset while both losses fall, nor when validation rises with the training loss (that is divergence, not overfitting)', () => {
    expect(onsetChanges(run([1, 0.9, 0.8, 0.7], [1, 0.9, 0.85, 0.8]))).toEqual([{ from: 0, onset: null }]);
    expect(onsetChanges(run([1, 0.5, 0.7, 0.9], [1, 0.5, 0.7, 0.9]))).toEqual([{ from: 0, onset: null }]);
  });

  it('a new lowest validation loss clears the mark; a later rise marks the new lowest epoch', () => {
    const epochs = run([1, 0.8, 0.7, 0.6, 0.5, 0.4], [1, 0.6, 0.7, 0.55, 0.56, 0.7]);
    const changes = onsetChanges(epochs);
    expect(changes.map((change) => [change.from, change.onset?.start.epoch ?? null])).toEqual([
      [0, null],
      [2, 1],
      [3, null],
      [4, 3],
    ]);
    expect(onsetAt(changes, 2)!.detected).toEqual({ epoch: 2, train_loss: 0.7, validation_loss: 0.7 });
    expect(onsetAt(changes, 3)).toBeNull();
    // 0.56 is 1.8% above 0.55: past the tolerance.
    expect(onsetAt(changes, 5)!.detected.epoch).toBe(4);
  });

  it('a custom tolerance; records without a validation loss are skipped', () => {
    const epochs = run([1, 0.8, 0.6], [1, 0.5, 0.52]);
    expect(onsetChanges(epochs, 0.05)).toHaveLength(1);
    expect(onsetChanges(epochs, 0.01)).toHaveLength(2);
    expect(onsetChanges([{ epoch: 0, train_loss: 1 }, { epoch: 1, train_loss: 0.5 }])).toEqual([{ from: 0, onset: null }]);
  });
});
