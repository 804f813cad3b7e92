import { createRandom, normalSample } from '../random';
import { drawDataset, streamSeed } from '../regression/sampling';
import type { DataSet } from '../dense/spec';

/**
 * The overfitting lab's data (Q2b): 1-D regression from a true function (the bias-variance
 * lab's truths) or a 2-D classification set, each seeded, with Gaussian noise. The training
 * set, the validation set and the extra training points of the "more data" remedy each come
 * from their own stream of the seed, so changing the split or asking for more data keeps the
 * other sets (and each set's first points) as they were: a slider moves one thing.
 */
export const DATASET_KINDS = ['regression', 'moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];
export type ClassificationKind = Exclude<DatasetKind, 'regression'>;

/** Stream numbers of the one seed (regression/sampling's streamSeed). */
export const TRAIN_STREAM = 1;
export const VALIDATION_STREAM = 2;
export const EXTRA_STREAM = 3;

/** Inner circle radius of `circles` (the outer one has radius 1). */
export const INNER_RADIUS = 0.5;
/** Turns of each `spiral` arm from the centre (r = 0) to r = 1. */
export const SPIRAL_TURNS = 1.75;
/** Radius of the circle the `blobs` centres sit on. */
export const BLOB_RADIUS = 1;

/**
 * `count` labelled points of a classification set from `random`: point i has class i mod K
 * (so the classes differ in size by at most one), its position on the class's ideal curve,
 * then Gaussian noise of std `noise` on each coordinate (x noise, then y noise).
 * - moons (scikit-learn's make_moons): class 0 on (cos t, sin t), class 1 on (1 - cos t, 0.5 - sin t), t uniform in [0, pi].
 * - circles: class 0 on the unit circle, class 1 on the circle of radius INNER_RADIUS, angle uniform.
 * - xor: |x|, |y| uniform in (0, 1], class 0 where x y > 0 (quadrants 1 and 3), class 1 where x y < 0.
 * - spiral: class k on r = s, angle 2 pi SPIRAL_TURNS s + pi k, s uniform in [0, 1) (two arms).
 * - blobs: class k at the centre (cos a_k, sin a_k) BLOB_RADIUS, a_k = 2 pi k / K + pi / 2, noise its spread.
 */
export function classificationPoints(kind: ClassificationKind, count: number, noise: number, classes: number, random: () => number): { x: Float64Array; labels: Float64Array } {
  const x = new Float64Array(2 * count);
  const labels = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % classes;
    let px: number;
    let py: number;
    switch (kind) {
      case 'moons': {
        const t = Math.PI * random();
        px = label === 0 ? Math.cos(t) : 1 - Math.cos(t);
        py = label === 0 ? Math.sin(t) : 0.5 - Math.sin(t);
        break;
      }
      case 'circles': {
        const angle = 2 * Math.PI * random();
        const radius = label === 0 ? 1 : INNER_RADIUS;
        px = radius * Math.cos(angle);
        py = radius * Math.sin(angle);
        break;
      }
      case 'xor': {
        // 1 - u lies in (0, 1]: never on an axis, where the class would be undefined.
        const a = 1 - random();
        const b = 1 - random();
        const signX = random() < 0.5 ? -1 : 1;
        const signY = label === 0 ? signX : -signX;
        px = signX * a;
        py = signY * b;
        break;
      }
      case 'spiral': {
        const s = random();
        const angle = 2 * Math.PI * SPIRAL_TURNS * s + Math.PI * label;
        px = s * Math.cos(angle);
        py = s * Math.sin(angle);
        break;
      }
      case 'blobs': {
        const angle = (2 * Math.PI * label) / classes + Math.PI / 2;
        px = BLOB_RADIUS * Math.cos(angle);
        py = BLOB_RADIUS * Math.sin(angle);
        break;
      }
    }
    x[2 * i] = px + noise * normalSample(random);
    x[2 * i + 1] = py + noise * normalSample(random);
    labels[i] = label;
  }
  return { x, labels };
}

/** What a lab's data is drawn from. */
export interface DatasetSpec {
  kind: DatasetKind;
  /** Gaussian noise std (regression: on y; classification: on each coordinate; blobs: the spread). */
  noise: number;
  /** all points, training and validation */
  samples: number;
  /** share of `samples` held out for validation (rounded, at least one point each side) */
  validation: number;
  /** classes (blobs: 2..5; every other classification set: 2; regression: 0) */
  classes: number;
  seed: number;
  /** regression only: the true function on its domain */
  truth: ((x: number) => number) | null;
  domain: [number, number];
}

/** Validation and training counts of the split: round(samples * validation), at least 1, leaving at least 1 to train on. */
export function splitCounts(samples: number, validation: number): { train: number; validation: number } {
  const held = Math.min(samples - 1, Math.max(1, Math.round(samples * validation)));
  return { train: samples - held, validation: held };
}

/** `count` points of stream `stream`, as a DataSet of the dense engine (regression: mse, 1 output; else cross_entropy, K outputs). */
export function drawSet(spec: DatasetSpec, stream: number, count: number): DataSet {
  if (spec.kind === 'regression') {
    const drawn = drawDataset(spec.seed, stream, count, spec.domain, spec.truth!, spec.noise);
    return { rows: count, x: drawn.x, targets: { loss: 'mse', values: drawn.y, outputs: 1 }, drawn: false };
  }
  const { x, labels } = classificationPoints(spec.kind, count, spec.noise, spec.classes, createRandom(streamSeed(spec.seed, stream)));
  return { rows: count, x, targets: { loss: 'cross_entropy', values: labels, outputs: spec.classes }, drawn: false };
}

/** The training and validation sets of a spec (and `extra` more training points for the "more data" remedy, from their own stream). */
export function drawLabData(spec: DatasetSpec, extra = 0): { train: DataSet; validation: DataSet; extra: DataSet | null } {
  const counts = splitCounts(spec.samples, spec.validation);
  return {
    train: drawSet(spec, TRAIN_STREAM, counts.train),
    validation: drawSet(spec, VALIDATION_STREAM, counts.validation),
    extra: extra > 0 ? drawSet(spec, EXTRA_STREAM, extra) : null,
  };
}

/** Two sets as one (the training set with the extra points after it). */
export function concatSets(first: DataSet, second: DataSet): DataSet {
  const x = new Float64Array(first.x.length + second.x.length);
  x.set(first.x);
  x.set(second.x, first.x.length);
  const values = new Float64Array(first.targets.values.length + second.targets.values.length);
  values.set(first.targets.values);
  values.set(second.targets.values, first.targets.values.length);
  return { rows: first.rows + second.rows, x, targets: { ...first.targets, values }, drawn: false };
}
