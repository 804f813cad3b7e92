/**
 * Overfitting lab (issue 13, speed): 1,000 full-batch Adam epochs of a 2-16-16-2 ReLU network on
 * 200 training points of the two moons (target: under 1 s), with the progress reports the view
 * draws from (each carries the decision surface on its grid; target: at least 20 a second),
 * in the worker as the app runs it and in-process; TF.js (CPU backend) trains the same network on
 * the same points as the peer. Figures only, no assertion: see bench-results/overfitting.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs-core';
import { overfittingLab, type OverfittingResult } from '../shared/core/overfitting/index';
import { nodeWorkerFactory } from '../src-main/worker/node-worker';
import { CoreSupervisor } from '../src-main/worker/supervisor';
import { formatMs, writeResults } from './measure';
import { loadTfjsWithGradients } from './tfjs-gradients';

let tf: typeof TF;

/** 250 points, a fifth held out: 200 to train on. */
const LAB = {
  data: { kind: 'moons', noise: 0.25, samples: 250, validation: 0.2, seed: 1 },
  widths: [16, 16],
  activation: 'relu',
  seed: 1,
  optimizer: { type: 'adam', lr: 0.01 },
  epochs: 1000,
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeRuns(samples: number, run: () => Promise<unknown> | unknown): Promise<number> {
  const wall: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await run();
    wall.push(performance.now() - started);
  }
  return median(wall);
}

/** The same network trained by TF.js: Glorot-free (its own init), softmax cross-entropy, Adam, full batch. */
function tfTraining(x: number[][], y: number[], epochs: number): number {
  const weights = [tf.variable(tf.randomNormal([2, 16], 0, 0.5)), tf.variable(tf.randomNormal([16, 16], 0, 0.25)), tf.variable(tf.randomNormal([16, 2], 0, 0.25))];
  const biases = [tf.variable(tf.zeros([16])), tf.variable(tf.zeros([16])), tf.variable(tf.zeros([2]))];
  const inputs = tf.tensor2d(x);
  const labels = tf.oneHot(tf.tensor1d(y, 'int32'), 2);
  const optimizer = tf.train.adam(0.01, 0.9, 0.999, 1e-8);
  let last = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const cost = optimizer.minimize(() => {
      let h: TF.Tensor = inputs;
      weights.forEach((w, l) => {
        const z = tf.add(tf.matMul(h as TF.Tensor2D, w as TF.Tensor2D), biases[l]!);
        h = l < weights.length - 1 ? tf.relu(z) : z;
      });
      return tf.losses.softmaxCrossEntropy(labels, h) as TF.Scalar;
    }, true, [...weights, ...biases])!;
    last = cost.dataSync()[0]!;
    cost.dispose();
  }
  tf.dispose([...weights, ...biases, inputs, labels]);
  optimizer.dispose();
  return last;
}

async function main(): Promise<void> {
  tf = await loadTfjsWithGradients('overfitting');
  const reference = (await overfittingLab({ lab: LAB })) as OverfittingResult;
  if (!reference.ok) throw new Error('bench lab invalid');
  const train = reference.data.train;

  const outDir = fs.mkdtempSync(path.join(tmpdir(), 'layerwise-bench-'));
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'build-main.mjs'), outDir], { stdio: 'pipe' });
  const supervisor = new CoreSupervisor({ createWorker: nodeWorkerFactory(path.join(outDir, 'main', 'core-worker.cjs')) });
  await supervisor.whenReady();
  let reports = 0;
  let reportsWithSurface = 0;
  const onProgress = (progress: unknown) => {
    reports++;
    if ((progress as { baseline?: { surface?: unknown } }).baseline?.surface) reportsWithSurface++;
  };
  await supervisor.call('overfittingLab', { lab: LAB }, { timeoutMs: 120_000, onProgress });
  reports = 0;
  reportsWithSurface = 0;
  const runs = 5;
  const worker = await timeRuns(runs, () => supervisor.call('overfittingLab', { lab: LAB }, { timeoutMs: 120_000, onProgress }));
  await supervisor.dispose();
  fs.rmSync(outDir, { recursive: true, force: true });
  const reportsPerSecond = reports / runs / (worker / 1000);

  const inProcess = await timeRuns(3, () => overfittingLab({ lab: LAB }));
  const theirs = await timeRuns(2, () => tfTraining(train.x, train.y, LAB.epochs));

  const load = loadavg()[0]!;
  console.log(`load average ${load.toFixed(2)} on ${cpus().length} cores; ${train.x.length} training points, 2-16-16-2 ReLU, ${LAB.epochs} full-batch Adam epochs`);
  console.log(`  Layerwise in the worker (with surfaces) ${formatMs(worker)} median of ${runs}`);
  console.log(`  Layerwise in-process                     ${formatMs(inProcess)}`);
  console.log(`  TF.js CPU, same network and points       ${formatMs(theirs)}  (ratio TF.js / worker ${(theirs / worker).toFixed(1)}x)`);
  console.log(`  progress: ${reportsPerSecond.toFixed(0)} reports a second, ${reportsWithSurface} of ${reports} carrying the decision surface`);
  const targets = { under1s: worker < 1000, progress20: reportsPerSecond >= 20 };
  console.log(`target: 1,000 epochs under 1 s in the worker: ${targets.under1s ? 'met' : 'MISSED'} (${formatMs(worker)})`);
  console.log(`target: at least 20 progress reports a second, each with the surface: ${targets.progress20 && reportsWithSurface === reports ? 'met' : 'MISSED'} (${reportsPerSecond.toFixed(0)}/s)`);
  console.log('not measured here: the canvas redraw of each surface in the page (the view redraws on every report it receives)');
  console.log(`results: ${writeResults('overfitting', { loadAverage: load, cores: cpus().length, workerMs: worker, inProcessMs: inProcess, tfjsMs: theirs, reportsPerSecond, reports, reportsWithSurface, targets })}`);
}

await main();
