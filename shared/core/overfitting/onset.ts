import type { EpochRecord } from '../dense/train';

/**
 * Where overfitting starts: the epoch of the lowest validation loss so far, once a later epoch
 * shows the validation loss risen above it (by more than ONSET_TOLERANCE of it) while the
 * training loss has fallen below its value there. Followed epoch by epoch, so a view playing a
 * run back marks the onset exactly when the data so far shows it (a new lowest validation loss
 * clears the mark until the loss rises again).
 */
export const ONSET_TOLERANCE = 0.01;

export interface OnsetPoint {
  epoch: number;
  train_loss: number;
  validation_loss: number;
}

export interface Onset {
  /** the epoch of the lowest validation loss: overfitting starts after it */
  start: OnsetPoint;
  /** the first later epoch that shows it: validation loss above start's by the tolerance, training loss below start's */
  detected: OnsetPoint;
}

/** From epoch `from` on (until the next change), the onset of the epochs so far. The first change is at epoch 0. */
export interface OnsetChange {
  from: number;
  onset: Onset | null;
}

function point(record: EpochRecord): OnsetPoint {
  return { epoch: record.epoch, train_loss: record.train_loss, validation_loss: record.validation_loss! };
}

/** Every change of the onset as the epochs come in (records without a validation loss are skipped). */
export function onsetChanges(epochs: readonly EpochRecord[], tolerance = ONSET_TOLERANCE): OnsetChange[] {
  const changes: OnsetChange[] = [{ from: 0, onset: null }];
  let lowest: EpochRecord | null = null;
  let current: Onset | null = null;
  for (const record of epochs) {
    const validation = record.validation_loss;
    if (validation === undefined || !Number.isFinite(validation) || !Number.isFinite(record.train_loss)) continue;
    if (lowest === null || validation < lowest.validation_loss!) {
      lowest = record;
      if (current !== null) {
        current = null;
        changes.push({ from: record.epoch, onset: null });
      }
      continue;
    }
    if (current === null && validation > lowest.validation_loss! + tolerance * Math.abs(lowest.validation_loss!) && record.train_loss < lowest.train_loss) {
      current = { start: point(lowest), detected: point(record) };
      changes.push({ from: record.epoch, onset: current });
    }
  }
  return changes;
}

/** The onset as the epochs up to `epoch` show it. */
export function onsetAt(changes: readonly OnsetChange[], epoch: number): Onset | null {
  let found: Onset | null = null;
  for (const change of changes) {
    if (change.from > epoch) break;
    found = change.onset;
  }
  return found;
}
