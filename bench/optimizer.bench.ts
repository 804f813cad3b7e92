/**
 * Optimizer stepper cost, against mathjs on the same work in the same run:
 *   - sample-steps per second: y and dy/d(param) of the seed model for one sample, the loss
 *     derivative and the gradient accumulated (Layerwise: the compiled closure tree with its
 *     reverse sweep; mathjs: `derivative` once per parameter, compiled, then `evaluate` of y
 *     and of each partial per sample). Target: at least 1,000,000 per second.
 *   - the loss surface: 200 x 200 grid over 100 samples (Layerwise: lossSurfacePrepared;
 *     mathjs: the compiled model evaluated per grid point and sample). Target: under 200 ms.
 */
import { compile as mathjsCompile, derivative as mathjsDerivative } from 'mathjs';
import { SEED_OPTIMIZE_PROBLEM } from '../shared/core/optim/presets';
import { lossSurfacePrepared } from '../shared/core/optim/contour';
import { prepareProblem } from '../shared/core/optim/run';
import { createRandom } from '../shared/core/random';
import type { OptimizeProblem } from '../shared/core/optim/problem';
import { formatMs, measure, writeResults } from './measure';

const random = createRandom(42);
const SAMPLES = 100;
const rows = Array.from({ length: SAMPLES }, () => {
  const x1 = random() * 4 - 2;
  const x2 = random() * 4 - 2;
  return [x1, x2, 2 * x1 * x1 - x2 * x2 + 0.5 * x1 * x2 + 1 + random() * 0.1];
});
const problem: OptimizeProblem = { ...SEED_OPTIMIZE_PROBLEM, data: { columns: ['x1', 'x2', 't'], rows } };
const preparedResult = prepareProblem(problem);
if (!preparedResult.ok) throw new Error('bench problem invalid');
const prepared = preparedResult.prepared;
const params = Float64Array.from(prepared.initial);
const paramNames = prepared.paramNames;

// --- sample-steps: one pass over the 100 samples per call -------------------------------
const sampleGradient = new Float64Array(paramNames.length);
const grad = new Float64Array(paramNames.length);
function layerwisePass(): number {
  grad.fill(0);
  for (let i = 0; i < SAMPLES; i++) {
    const y = prepared.compiled.evaluateWithGradient(params, prepared.inputRows[i]!, sampleGradient);
    const dLdy = (-2 * (prepared.targets[i]! - y)) / SAMPLES;
    for (let k = 0; k < grad.length; k++) grad[k] = grad[k]! + dLdy * sampleGradient[k]!;
  }
  return grad[0]!;
}

const mathjsModel = mathjsCompile(problem.model);
const mathjsPartials = paramNames.map((p) => mathjsDerivative(problem.model, p).compile());
const scope: Record<string, number> = Object.fromEntries(paramNames.map((p, k) => [p, params[k]!]));
function mathjsPass(): number {
  grad.fill(0);
  for (let i = 0; i < SAMPLES; i++) {
    scope.x1 = rows[i]![0]!;
    scope.x2 = rows[i]![1]!;
    const y = mathjsModel.evaluate(scope) as number;
    const dLdy = (-2 * (rows[i]![2]! - y)) / SAMPLES;
    for (let k = 0; k < grad.length; k++) grad[k] = grad[k]! + dLdy * (mathjsPartials[k]!.evaluate(scope) as number);
  }
  return grad[0]!;
}

// Both compute the same gradient.
const ours = (layerwisePass(), Array.from(grad));
const theirs = (mathjsPass(), Array.from(grad));
ours.forEach((value, k) => {
  if (Math.abs(value - theirs[k]!) > 1e-9 * (1 + Math.abs(value))) throw new Error(`gradient ${paramNames[k]} differs: ${value} vs ${theirs[k]}`);
});

const stepsLayerwise = measure('sample-steps: Layerwise', layerwisePass);
const stepsMathjs = measure('sample-steps: mathjs', mathjsPass, { minTimeMs: 1000, maxTimeMs: 4000, minSamples: 10 });
const perSecond = (ms: number) => (SAMPLES / ms) * 1000;

// --- the 200 x 200 loss surface over 100 samples ------------------------------------------
const GRID = 200;
const request = { x: { param: 'a', min: -3, max: 3 }, y: { param: 'b', min: -3, max: 3 }, resolution: GRID };
const gridLayerwise = measure('surface 200x200x100: Layerwise', () => lossSurfacePrepared(prepared, request), { minTimeMs: 2000, maxTimeMs: 8000, minSamples: 10 });
function mathjsGrid(): number {
  let total = 0;
  const local: Record<string, number> = { ...scope };
  for (let j = 0; j < GRID; j++) {
    local.b = -3 + (6 * j) / (GRID - 1);
    for (let i = 0; i < GRID; i++) {
      local.a = -3 + (6 * i) / (GRID - 1);
      let loss = 0;
      for (let s = 0; s < SAMPLES; s++) {
        local.x1 = rows[s]![0]!;
        local.x2 = rows[s]![1]!;
        const r = rows[s]![2]! - (mathjsModel.evaluate(local) as number);
        loss += r * r;
      }
      total += loss / SAMPLES;
    }
  }
  return total;
}
const gridMathjs = measure('surface 200x200x100: mathjs', mathjsGrid, { minTimeMs: 1, maxTimeMs: 1, minSamples: 3, warmupMs: 1 });

const rowsOut = [
  ['sample-steps / s (seed model, y + gradient)', `${Math.round(perSecond(stepsLayerwise.medianMs)).toLocaleString('en-US')}`, `${Math.round(perSecond(stepsLayerwise.p90Ms)).toLocaleString('en-US')}`, `${Math.round(perSecond(stepsMathjs.medianMs)).toLocaleString('en-US')}`, `${(stepsMathjs.medianMs / stepsLayerwise.medianMs).toFixed(0)}x`],
  ['loss surface 200x200 over 100 samples', formatMs(gridLayerwise.medianMs), formatMs(gridLayerwise.p90Ms), formatMs(gridMathjs.medianMs), `${(gridMathjs.medianMs / gridLayerwise.medianMs).toFixed(0)}x`],
];
const header = ['work', 'Layerwise median', 'p90', 'mathjs median', 'ratio'];
const widths = header.map((title, column) => Math.max(title.length, ...rowsOut.map((row) => row[column]!.length)));
const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
console.log('\noptimizer stepper (ratio = mathjs time / Layerwise time)');
console.log(line(header));
console.log(widths.map((width) => '-'.repeat(width)).join('  '));
for (const row of rowsOut) console.log(line(row));
const stepsTarget = perSecond(stepsLayerwise.medianMs) >= 1_000_000;
const gridTarget = gridLayerwise.medianMs < 200;
console.log(`\ntarget: at least 1,000,000 sample-steps per second: ${stepsTarget ? 'met' : 'MISSED'} (${Math.round(perSecond(stepsLayerwise.medianMs)).toLocaleString('en-US')})`);
console.log(`target: 200x200 surface over 100 samples under 200 ms: ${gridTarget ? 'met' : 'MISSED'} (${formatMs(gridLayerwise.medianMs)})`);
console.log(
  `results: ${writeResults('optimizer', {
    sampleSteps: { layerwise: stepsLayerwise, mathjs: stepsMathjs, layerwisePerSecond: perSecond(stepsLayerwise.medianMs), mathjsPerSecond: perSecond(stepsMathjs.medianMs), target: 1_000_000, met: stepsTarget },
    surface: { layerwise: gridLayerwise, mathjs: gridMathjs, targetMs: 200, met: gridTarget },
  })}`,
);
