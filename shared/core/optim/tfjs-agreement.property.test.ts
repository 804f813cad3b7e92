import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseExpression, type Expr } from '../expr/index';
import type { OptimizerConfig } from './optimizers';
import type { LossName, Mode, OptimizeProblem, Reduction } from './problem';
import { prepareProblem, runPrepared, type RawStep } from './run';

/**
 * Oracles for every optimizer on random polynomial models:
 *
 * 1. TensorFlow.js (CPU backend, float32), fed our gradients so the optimizer alone is
 *    compared, and asked for its own gradient of the step's loss at our parameters. Where TF
 *    differs from PyTorch the test bridges the difference and says so:
 *    - momentum: tf.train.momentum is PyTorch's form (accum = m*accum + g; w -= lr*accum, and
 *      Nesterov w -= lr*(g + m*accum)); the seed's delta form equals it with Delta = lr*v.
 *    - adagrad: TF starts the accumulator at 0.1 (PyTorch at 0) and puts its epsilon (1e-7)
 *      inside the sqrt (PyTorch: sqrt(sum) + eps): the test sets initial_accumulator_value 0.1,
 *      and the tolerance covers eps (relative effect below 1e-6 once sum >= 0.1).
 *    - rmsprop: TF puts epsilon inside the sqrt; with gradients of order one the difference is
 *      below float32 resolution, and runs where sqrt(v) falls below 1e-3 are not compared with
 *      TF (there eps placement decides the step). TF's default decay is 0.9: the test passes alpha.
 *    - adam: TF.js's update is PyTorch's (bias-corrected moments, eps outside the sqrt).
 *    float32 is TF's precision, so agreement is to about 1e-4 relative.
 * 2. A hand-written float64 transcription of the torch.optim docs' pseudo-code, in this file,
 *    written from the docs and not from optimizers.ts: agreement to 1e-12.
 */

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const PARAMS = ['a', 'b', 'c', 'd'];

/** y = sum of terms; each term a product of 1-2 parameters and a monomial of x1, x2 of degree <= 2. */
const polynomialModel = fc
  .array(
    fc.record({ params: fc.subarray(PARAMS, { minLength: 1, maxLength: 2 }), x1: fc.integer({ min: 0, max: 2 }), x2: fc.integer({ min: 0, max: 2 }) }),
    { minLength: 1, maxLength: 4 },
  )
  .map((terms) =>
    terms
      .map((term) => [...term.params, ...(term.x1 > 0 ? [term.x1 === 1 ? 'x1' : `x1^${term.x1}`] : []), ...(term.x2 > 0 ? [term.x2 === 1 ? 'x2' : `x2^${term.x2}`] : [])].join('*'))
      .join(' + '),
  );

const value = fc.double({ min: -1, max: 1, noNaN: true, noDefaultInfinity: true }).map((v) => Math.round(v * 1000) / 1000);

const optimizerArbitrary: fc.Arbitrary<OptimizerConfig> = fc.oneof(
  fc.record({ type: fc.constant('sgd' as const), lr: fc.double({ min: 0.01, max: 0.2, noNaN: true }) }),
  fc.record({
    type: fc.constant('momentum' as const),
    form: fc.constantFrom('delta' as const, 'pytorch' as const),
    lr: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
    beta: fc.double({ min: 0, max: 0.95, noNaN: true }),
    nesterov: fc.boolean(),
  }).map((config) => (config.form === 'delta' ? { ...config, nesterov: false } : config)),
  fc.record({ type: fc.constant('adagrad' as const), lr: fc.double({ min: 0.01, max: 0.5, noNaN: true }), eps: fc.constant(1e-10), initial_accumulator_value: fc.constant(0.1) }),
  fc.record({ type: fc.constant('rmsprop' as const), lr: fc.double({ min: 0.001, max: 0.05, noNaN: true }), alpha: fc.double({ min: 0.5, max: 0.99, noNaN: true }), eps: fc.constant(1e-8) }),
  fc.record({
    type: fc.constant('adam' as const),
    lr: fc.double({ min: 0.001, max: 0.1, noNaN: true }),
    beta1: fc.double({ min: 0, max: 0.95, noNaN: true }),
    beta2: fc.double({ min: 0.9, max: 0.9999, noNaN: true }),
    eps: fc.constant(1e-8),
  }),
);

const problemArbitrary: fc.Arbitrary<OptimizeProblem> = fc
  .record({
    model: polynomialModel,
    initial: fc.array(value, { minLength: 4, maxLength: 4 }),
    rows: fc.array(fc.tuple(value, value, value.map((v) => v * 2)), { minLength: 1, maxLength: 5 }),
    optimizer: optimizerArbitrary,
    loss: fc.constantFrom<LossName>('squared_error', 'half_squared_error', 'absolute_error'),
    reduction: fc.constantFrom<Reduction>('sum', 'mean'),
    mode: fc.constantFrom<Mode>('online', 'minibatch', 'batch'),
    batch_size: fc.integer({ min: 1, max: 3 }),
    epochs: fc.integer({ min: 1, max: 3 }),
    shuffle: fc.boolean(),
    seed: fc.nat(1000),
  })
  .map(({ model, initial, rows, ...rest }) => {
    const used = PARAMS.filter((p) => model.includes(p));
    return {
      ...rest,
      model,
      params: Object.fromEntries(used.map((p) => [p, initial[PARAMS.indexOf(p)]!])),
      data: { columns: ['x1', 'x2', 't'], rows: rows.map((row) => [...row]) },
      target: 't',
    };
  });

/** The model as TF ops: inputs are 1-D tensors over the step's samples, params scalars. */
function tfModel(expr: Expr, env: Record<string, tf.Tensor>): tf.Tensor {
  switch (expr.kind) {
    case 'number':
      return tf.scalar(expr.value);
    case 'name':
      return env[expr.name]!;
    case 'negate':
      return tf.neg(tfModel(expr.operand, env));
    case 'binary': {
      const l = tfModel(expr.left, env);
      const r = tfModel(expr.right, env);
      if (expr.op === '^') return tf.pow(l, r);
      return expr.op === '+' ? tf.add(l, r) : expr.op === '-' ? tf.sub(l, r) : expr.op === '*' ? tf.mul(l, r) : tf.div(l, r);
    }
    case 'call':
      throw new Error('polynomials only');
  }
}

function tfLoss(loss: LossName, t: tf.Tensor, y: tf.Tensor): tf.Tensor {
  const r = tf.sub(t, y);
  return loss === 'squared_error' ? tf.square(r) : loss === 'half_squared_error' ? tf.mul(0.5, tf.square(r)) : tf.abs(r);
}

function tfOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.type) {
    case 'sgd':
      return tf.train.sgd(config.lr);
    case 'momentum':
      return tf.train.momentum(config.lr, config.beta, config.nesterov);
    case 'adagrad':
      return tf.train.adagrad(config.lr, config.initial_accumulator_value);
    case 'rmsprop':
      return tf.train.rmsprop(config.lr, config.alpha, 0, config.eps);
    case 'adam':
      return tf.train.adam(config.lr, config.beta1, config.beta2, config.eps);
  }
}

/** torch.optim pseudo-code (docs), one parameter vector, float64. */
function referenceStep(config: OptimizerConfig, theta: number[], g: number[], state: Record<string, number[]>, t: number): number[] {
  const out = [...theta];
  for (let i = 0; i < theta.length; i++) {
    const gi = g[i]!;
    switch (config.type) {
      case 'sgd':
        out[i] = theta[i]! - config.lr * gi;
        break;
      case 'momentum': {
        if (config.form === 'delta') {
          state.delta![i] = config.beta * state.delta![i]! + config.lr * gi;
          out[i] = theta[i]! - state.delta![i]!;
        } else {
          const b = t > 1 ? config.beta * state.b![i]! + gi : gi;
          state.b![i] = b;
          out[i] = theta[i]! - config.lr * (config.nesterov ? gi + config.beta * b : b);
        }
        break;
      }
      case 'adagrad':
        state.sum![i] = state.sum![i]! + gi * gi;
        out[i] = theta[i]! - (config.lr * gi) / (Math.sqrt(state.sum![i]!) + config.eps);
        break;
      case 'rmsprop':
        state.v![i] = config.alpha * state.v![i]! + (1 - config.alpha) * gi * gi;
        out[i] = theta[i]! - (config.lr * gi) / (Math.sqrt(state.v![i]!) + config.eps);
        break;
      case 'adam': {
        state.m![i] = config.beta1 * state.m![i]! + (1 - config.beta1) * gi;
        state.v![i] = config.beta2 * state.v![i]! + (1 - config.beta2) * gi * gi;
        const mHat = state.m![i]! / (1 - config.beta1 ** t);
        const vHat = state.v![i]! / (1 - config.beta2 ** t);
        out[i] = theta[i]! - (config.lr * mHat) / (Math.sqrt(vHat) + config.eps);
        break;
      }
    }
  }
  return out;
}

function runOurs(problem: OptimizeProblem) {
  const prepared = prepareProblem(problem);
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.errors));
  const raw: RawStep[] = [];
  const trace = runPrepared(prepared.prepared, { raw });
  return { prepared: prepared.prepared, raw, trace };
}

const close = (actual: number, expected: number, relative: number) => Math.abs(actual - expected) <= relative * (1 + Math.abs(expected));

let variableCounter = 0;

describe('optimizers against TensorFlow.js and the torch.optim pseudo-code', () => {
  it('every optimizer, random polynomial models, every mode, loss and reduction', () => {
    fc.assert(
      fc.property(problemArbitrary, (problem) => {
        const { prepared, raw, trace } = runOurs(problem);
        const names = prepared.paramNames;
        const expr = parseExpression(problem.model);

        // 2. The float64 reference, from the same gradients.
        let theta = Array.from(prepared.initial);
        const state: Record<string, number[]> = { delta: names.map(() => 0), b: names.map(() => 0), sum: names.map(() => 0.1), v: names.map(() => 0), m: names.map(() => 0) };
        raw.forEach((step, s) => {
          theta = referenceStep(problem.optimizer, theta, Array.from(step.grad), state, s + 1);
          theta.forEach((value, k) => expect(close(step.paramsAfter[k]!, value, 1e-12), `${problem.optimizer.type} step ${s + 1} ${names[k]}`).toBe(true));
        });

        // 1. TF.js: its optimizer on our gradients, and its gradient at our parameters. RMSProp's
        // epsilon sits inside TF's sqrt: once sqrt(v) is small against eps the two optimizers
        // differ by design, so such runs are left to the float64 reference.
        const epsMatters = problem.optimizer.type === 'rmsprop' && raw.some((step) => step.stateAfter.buffers.v!.some((v) => Math.sqrt(v) < 1e-3));
        if (epsMatters) return;
        tf.tidy(() => {
          const variables = names.map((id, k) => tf.variable(tf.scalar(prepared.initial[k]!), true, `${id}_${variableCounter++}`));
          const optimizer = tfOptimizer(problem.optimizer);
          trace.steps.forEach((step, s) => {
            const rawStep = raw[s]!;
            const columns = {
              x1: tf.tensor1d(step.samples.map((row) => problem.data.rows[row]![0]!)),
              x2: tf.tensor1d(step.samples.map((row) => problem.data.rows[row]![1]!)),
            };
            const targets = tf.tensor1d(step.samples.map((row) => problem.data.rows[row]![2]!));
            const lossOf = (...ps: tf.Tensor[]) => {
              const env: Record<string, tf.Tensor> = { ...columns };
              names.forEach((id, k) => (env[id] = ps[k]!));
              const losses = tfLoss(problem.loss, targets, tfModel(expr, env));
              return problem.reduction === 'mean' ? tf.mean(losses) : tf.sum(losses);
            };
            // |t - y| at t = y: PyTorch's (and our) gradient is 0, TF.js's abs gradient is -1 there: not compared.
            const kink = problem.loss === 'absolute_error' && step.y.some((y, j) => y === step.targets[j]);
            const tfGrads = kink ? [] : tf.grads(lossOf)(Array.from(rawStep.paramsBefore, (p) => tf.scalar(p)));
            tfGrads.forEach((grad, k) => {
              // float32 gradient: about 1e-4 relative.
              expect(close(grad.dataSync()[0]!, rawStep.grad[k]!, 2e-4), `TF gradient ${names[k]} at step ${s + 1}: ${grad.dataSync()[0]} vs ${rawStep.grad[k]}`).toBe(true);
            });
            const named: Record<string, tf.Tensor> = {};
            variables.forEach((variable, k) => (named[variable.name] = tf.scalar(rawStep.grad[k]!)));
            optimizer.applyGradients(named);
            variables.forEach((variable, k) => {
              const theirs = variable.dataSync()[0]!;
              expect(close(theirs, rawStep.paramsAfter[k]!, 2e-4), `${JSON.stringify(problem.optimizer)} step ${s + 1} ${names[k]}: TF ${theirs} vs ${rawStep.paramsAfter[k]}`).toBe(true);
            });
          });
          optimizer.dispose();
          variables.forEach((variable) => variable.dispose());
        });
      }),
      { numRuns: 150 },
    );
  });
});
