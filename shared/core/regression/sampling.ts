import { createRandom, normalSample } from '../random';

/** A training set: inputs x and noisy targets y = f(x) + noise. */
export interface Dataset {
  x: Float64Array;
  y: Float64Array;
}

/**
 * The seed of one named stream of a case: each training set, the fresh test targets and the
 * random features draw from their own stream, so changing the number of resamples keeps the
 * earlier sets, and changing n keeps each set's first points (a slider moves one thing).
 * A murmur3 finaliser of the seed and the stream number.
 */
export function streamSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Stream numbers: 0 the test targets, 1..R the training sets, FEATURE_STREAM the random features. */
export const TEST_TARGET_STREAM = 0;
export const FEATURE_STREAM = 0x7fffffff;

/** `count` evenly spaced points from low to high, both ends included. */
export function evenGrid(domain: readonly [number, number], count: number): Float64Array {
  const [low, high] = domain;
  if (count === 1) return Float64Array.of(low);
  return Float64Array.from({ length: count }, (_, i) => (i === count - 1 ? high : low + ((high - low) * i) / (count - 1)));
}

/**
 * Training set number `index` (1-based stream): x uniform on the domain, y = f(x) + sigma z
 * with z standard normal (normalSample); x then z for each point in turn.
 */
export function drawDataset(seed: number, index: number, size: number, domain: readonly [number, number], truth: (x: number) => number, noiseStd: number): Dataset {
  const random = createRandom(streamSeed(seed, index));
  const [low, high] = domain;
  const x = new Float64Array(size);
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    x[i] = low + (high - low) * random();
    y[i] = truth(x[i]!) + noiseStd * normalSample(random);
  }
  return { x, y };
}

/** Fresh noisy targets f(x_t) + sigma z_t on the test grid (one set, shared by every resample). */
export function drawTestTargets(seed: number, truthOnGrid: Float64Array, noiseStd: number): Float64Array {
  const random = createRandom(streamSeed(seed, TEST_TARGET_STREAM));
  return truthOnGrid.map((value) => value + noiseStd * normalSample(random));
}
