import { describe, expect, it } from 'vitest';
import { SEED_OPTIMIZE_PROBLEM } from './presets';
import { runOptimization } from './run';
import type { OptimizeProblem } from './problem';
import type { OptimizerConfig } from './optimizers';

const PARAMS = ['a', 'b', 'c', 'd'];
const run = (problem: OptimizeProblem) => {
  const result = runOptimization(problem);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
};

describe('a step\'s move split into carried velocity and gradient term (the momentum picture)', () => {
  it("seed Q4 by hand: step 1 carries nothing and moves by -mu*g = -Delta_1; step 2's gradient is 0 and it moves by -beta*Delta_1", () => {
    const [one, two] = run(SEED_OPTIMIZE_PROBLEM).steps;
    // Delta_1 = 0.9*0 + 0.1*g = (-1.6, -1.6, 1.6, -1.6) (SEED-NOTES), so -mu*g = (1.6, 1.6, -1.6, 1.6).
    expect(PARAMS.map((p) => one!.move!.carried[p])).toEqual([0, 0, 0, 0]);
    expect(PARAMS.map((p) => one!.move!.gradient[p])).toEqual([1.6, 1.6, -1.6, 1.6]);
    // -beta*Delta_1 = -0.9*(-1.6, -1.6, 1.6, -1.6) = (1.44, 1.44, -1.44, 1.44) = -Delta_2 (the seed's second row).
    expect(PARAMS.map((p) => two!.move!.carried[p])).toEqual([1.44, 1.44, -1.44, 1.44]);
    expect(PARAMS.map((p) => two!.move!.gradient[p])).toEqual([0, 0, 0, 0]);
  });

  const starter: OptimizeProblem = {
    ...SEED_OPTIMIZE_PROBLEM,
    model: 'w*x + b',
    params: { w: 0.5, b: -1 },
    data: { columns: ['x', 't'], rows: [[1, 3], [2, 5], [3, 7], [-1, 0.5]] },
    mode: 'minibatch',
    batch_size: 2,
    epochs: 3,
  };
  const configs: [string, OptimizerConfig][] = [
    ['sgd', { type: 'sgd', lr: 0.05 }],
    ['momentum, delta form', { type: 'momentum', form: 'delta', lr: 0.05, beta: 0.9, nesterov: false }],
    ['momentum, PyTorch form', { type: 'momentum', form: 'pytorch', lr: 0.05, beta: 0.8, nesterov: false }],
    ['Nesterov', { type: 'momentum', form: 'pytorch', lr: 0.05, beta: 0.8, nesterov: true }],
    ['momentum with weight decay', { type: 'momentum', form: 'delta', lr: 0.05, beta: 0.9, nesterov: false, weight_decay: 0.1 }],
  ];
  for (const [name, optimizer] of configs) {
    it(`${name}: before + carried + gradient is the step's new parameters, every step`, () => {
      const trace = run({ ...starter, optimizer });
      let before = trace.initial;
      for (const step of trace.steps) {
        for (const p of ['w', 'b']) expect(before[p]! + step.move!.carried[p]! + step.move!.gradient[p]!).toBeCloseTo(step.params[p]!, 10);
        before = step.params;
      }
    });
  }

  it('the carried term is beta times the last state (delta form: -beta*Delta; PyTorch: -lr*beta*v) and the gradient term -lr*g', () => {
    const delta = run({ ...starter, optimizer: { type: 'momentum', form: 'delta', lr: 0.05, beta: 0.9, nesterov: false } });
    const pytorch = run({ ...starter, optimizer: { type: 'momentum', form: 'pytorch', lr: 0.05, beta: 0.8, nesterov: false } });
    for (let k = 1; k < delta.steps.length; k++) {
      expect(delta.steps[k]!.move!.carried.w).toBeCloseTo(-0.9 * delta.steps[k - 1]!.state.delta!.w!, 10);
      expect(delta.steps[k]!.move!.gradient.w).toBeCloseTo(-0.05 * delta.steps[k]!.grad.w!, 10);
      expect(pytorch.steps[k]!.move!.carried.b).toBeCloseTo(-0.05 * 0.8 * pytorch.steps[k - 1]!.state.v!.b!, 10);
    }
  });

  it('adaptive optimizers have no such split (null): their move is one ratio', () => {
    for (const type of ['adam', 'rmsprop', 'adagrad'] as const) {
      const optimizer = { adam: { type, lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 }, rmsprop: { type, lr: 0.1, alpha: 0.99, eps: 1e-8 }, adagrad: { type, lr: 0.1, eps: 1e-10, initial_accumulator_value: 0 } }[type] as OptimizerConfig;
      expect(run({ ...starter, optimizer }).steps.every((step) => step.move === null)).toBe(true);
    }
  });
});
