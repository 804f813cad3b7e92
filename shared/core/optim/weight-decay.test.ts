import { describe, expect, it } from 'vitest';
import type { OptimizeProblem } from './problem';
import { explainStep } from './explain';
import { initialState, optimizerStep, updateRule, OPTIMIZER_DEFAULTS, type OptimizerConfig, type OptimizerState } from './optimizers';
import { runOptimization } from './run';

/** torch.optim's weight_decay: g <- g + wd * w before each optimizer's own rule (coupled L2; Adam's, not AdamW's). */
const step = (config: OptimizerConfig, w: number[], g: number[]) => Array.from(optimizerStep(config, Float64Array.from(w), Float64Array.from(g), initialState(config, w.length)).params);

describe('weight decay in every optimizer', () => {
  it('SGD: w = 2 - 0.1 (6 + 0.5 * 2) = 1.3 (hand-worked)', () => {
    expect(step({ type: 'sgd', lr: 0.1, weight_decay: 0.5 }, [2], [6])[0]).toBeCloseTo(1.3, 15);
  });

  it("the seed's momentum form: Delta = 0.9 * 0 + 0.1 (1 + 0.2 * 5) = 0.2, w = 4.8", () => {
    expect(step({ type: 'momentum', form: 'delta', lr: 0.1, beta: 0.9, nesterov: false, weight_decay: 0.2 }, [5], [1])[0]).toBeCloseTo(4.8, 15);
  });

  it('Adam is coupled L2: g = -0.5, w = 1, wd = 1 gives g~ = +0.5, so the first step goes down by lr (AdamW would go up)', () => {
    const adam = { ...OPTIMIZER_DEFAULTS.adam, lr: 0.1, weight_decay: 1 };
    expect(step(adam, [1], [-0.5])[0]).toBeCloseTo(0.9, 7);
    // AdamW: w - lr*wd*w - lr*sign(g) = 1 - 0.1 + 0.1 = 1.0; coupled with w = 10, g = 1: g~ = 11, w = 9.9 (AdamW 8.9)
    expect(step(adam, [10], [1])[0]).toBeCloseTo(9.9, 6);
  });

  it('each optimizer with weight decay equals the same optimizer without it on g + wd w, over several steps', () => {
    const configs: OptimizerConfig[] = [
      { type: 'sgd', lr: 0.05 },
      { type: 'momentum', form: 'pytorch', lr: 0.05, beta: 0.8, nesterov: true },
      { type: 'momentum', form: 'delta', lr: 0.05, beta: 0.8, nesterov: false },
      { type: 'adagrad', lr: 0.1, eps: 1e-10, initial_accumulator_value: 0 },
      { type: 'rmsprop', lr: 0.01, alpha: 0.9, eps: 1e-8 },
      { type: 'adam', lr: 0.01, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
    ];
    const wd = 0.3;
    for (const config of configs) {
      let a: { params: Float64Array; state: OptimizerState } = { params: Float64Array.of(1, -2, 0.5), state: initialState(config, 3) };
      let b: { params: Float64Array; state: OptimizerState } = { params: Float64Array.of(1, -2, 0.5), state: initialState(config, 3) };
      for (let t = 0; t < 5; t++) {
        const g = Float64Array.of(0.3 * t - 1, 0.7, -0.2 * t);
        a = optimizerStep({ ...config, weight_decay: wd }, a.params, g, a.state);
        b = optimizerStep(config, b.params, g.map((gi, i) => gi + wd * b.params[i]!), b.state);
        expect(Array.from(a.params)).toEqual(Array.from(b.params));
      }
      expect(Array.from(a.params)).not.toEqual(Array.from(optimizerStep(config, Float64Array.of(1, -2, 0.5), Float64Array.of(-1, 0.7, 0), initialState(config, 3)).params));
    }
  });

  it('the optimize command takes it: run, update rule and the step derivation with g~ = g + lambda w', () => {
    const parsed: OptimizeProblem = { model: 'w*x', params: { w: 2 }, data: { columns: ['x', 't'], rows: [[1, 0]] }, target: 't', loss: 'squared_error', reduction: 'mean', optimizer: { type: 'sgd', lr: 0.1, weight_decay: 0.5 }, mode: 'online', batch_size: 1, epochs: 1, shuffle: false, seed: 0 };
    const run = runOptimization(parsed);
    // y = 2, L = 4, dL/dw = 4; w = 2 - 0.1 (4 + 0.5 * 2) = 1.5
    expect(run.ok && run.final.w).toBe(1.5);
    expect(run.ok && run.rule[0]).toBe('g \\leftarrow g + \\lambda\\, w');
    const explained = explainStep(parsed, 1);
    expect(explained.ok && explained.explanation['decayed:w']!.text).toBe('g~_w = 4 + 0.5*2 = 5');
    expect(explained.ok && explained.explanation['params:w']!.text).toBe('w = 2 - 0.1*5 = 1.5');
    expect(updateRule({ type: 'sgd', lr: 0.1 })).toEqual(['w \\leftarrow w - \\eta\\, g']);
  });
});
