import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Measurement {
  name: string;
  /** Calls timed in total (after warm-up). */
  calls: number;
  medianMs: number;
  p90Ms: number;
}

export interface MeasureOptions {
  /** Minimum time spent measuring, after warm-up. */
  minTimeMs?: number;
  /** Upper bound on the time spent measuring (slow peers stop early, after `minSamples`). */
  maxTimeMs?: number;
  minSamples?: number;
  warmupMs?: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * Times `run` in batches long enough (>= 1 ms) for the clock, after a warm-up, and reports
 * the median and 90th percentile of the time per call over the batches.
 */
export function measure(name: string, run: () => unknown, options: MeasureOptions = {}): Measurement {
  const { minTimeMs = 1000, maxTimeMs = 5000, minSamples = 30, warmupMs = 300 } = options;
  const warmupEnd = performance.now() + warmupMs;
  let warmupCalls = 0;
  do {
    run();
    warmupCalls++;
  } while (performance.now() < warmupEnd);
  const perCall = warmupMs / warmupCalls;
  const batch = Math.max(1, Math.ceil(1 / perCall));
  const samples: number[] = [];
  const started = performance.now();
  for (;;) {
    const batchStart = performance.now();
    for (let i = 0; i < batch; i++) run();
    samples.push((performance.now() - batchStart) / batch);
    const elapsed = performance.now() - started;
    if (samples.length >= minSamples && elapsed >= minTimeMs) break;
    if (elapsed >= maxTimeMs && samples.length >= 3) break;
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, calls: samples.length * batch, medianMs: quantile(sorted, 0.5), p90Ms: quantile(sorted, 0.9) };
}

export function formatMs(ms: number): string {
  if (ms < 0.01) return `${(ms * 1000).toFixed(2)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1000) return `${ms.toFixed(2)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Writes `bench-results/<name>.json` (the folder is git-ignored). */
export function writeResults(name: string, results: unknown): string {
  const directory = path.resolve(import.meta.dirname, '..', 'bench-results');
  mkdirSync(directory, { recursive: true });
  const file = path.join(directory, `${name}.json`);
  writeFileSync(file, JSON.stringify({ name, date: new Date().toISOString(), node: process.version, results }, null, 2) + '\n');
  return file;
}
