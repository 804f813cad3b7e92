import { describe, expect, it } from 'vitest';
import { corePayloadSchemas } from './dispatch';
import { SEED_OPTIMIZE_PROBLEM } from '../core/optim/presets';
import { DEFAULT_OPTIMIZERS, describeSchemaErrors, optimizeProblemSchema, optimizerSchema } from './optimize-schema';

const minimal = { model: 'w*x', params: { w: 0 }, data: { columns: ['x', 't'], rows: [[1, 2]] }, target: 't' };

describe('optimizeProblemSchema', () => {
  it('fills PyTorch\'s defaults (torch.optim) for each optimizer', () => {
    expect(optimizerSchema.parse({ type: 'sgd' })).toEqual({ type: 'sgd', lr: 0.001 });
    expect(optimizerSchema.parse({ type: 'adagrad' })).toEqual({ type: 'adagrad', lr: 0.01, eps: 1e-10, initial_accumulator_value: 0 });
    expect(optimizerSchema.parse({ type: 'rmsprop' })).toEqual({ type: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8 });
    expect(optimizerSchema.parse({ type: 'adam' })).toEqual({ type: 'adam', lr: 0.001, beta1: 0.9, beta2: 0.999, eps: 1e-8 });
    expect(optimizerSchema.parse({ type: 'momentum', lr: 0.1 })).toEqual({ type: 'momentum', form: 'pytorch', lr: 0.1, beta: 0.9, nesterov: false });
    for (const config of Object.values(DEFAULT_OPTIMIZERS)) expect(optimizerSchema.parse({ type: config.type })).toEqual(config);
  });

  it('takes weight_decay (coupled L2) on every optimizer, at least 0, absent by default', () => {
    for (const type of ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']) {
      expect(optimizerSchema.parse({ type, weight_decay: 0.01 }).weight_decay).toBe(0.01);
      expect('weight_decay' in optimizerSchema.parse({ type })).toBe(false);
      const negative = optimizerSchema.safeParse({ type, weight_decay: -1 });
      expect(negative.success ? [] : describeSchemaErrors(negative.error)).toEqual(['weight_decay: weight_decay must be at least 0']);
    }
  });

  it('fills the run defaults (squared error, mean, online, 1 epoch, in order)', () => {
    expect(optimizeProblemSchema.parse({ ...minimal, optimizer: { type: 'sgd' } })).toMatchObject({ loss: 'squared_error', reduction: 'mean', mode: 'online', batch_size: 1, epochs: 1, shuffle: false, seed: 0 });
    expect(optimizeProblemSchema.parse(SEED_OPTIMIZE_PROBLEM)).toEqual(SEED_OPTIMIZE_PROBLEM);
  });

  it('names the field of each error and what would be valid', () => {
    const result = optimizeProblemSchema.safeParse({ ...minimal, loss: 'mse', optimizer: { type: 'adam', beta2: 1 }, data: { columns: ['x', '2t'], rows: [[1, 'a']] }, extra: 1 });
    expect(result.success).toBe(false);
    const errors = result.success ? [] : describeSchemaErrors(result.error);
    expect(errors).toEqual(
      expect.arrayContaining([
        'loss: loss is squared_error, half_squared_error or absolute_error',
        'optimizer.beta2: beta2 must be less than 1',
        'data.columns[1]: a column name starts with a letter or _ and has only letters, digits and _ (it is used in the model)',
        'data.rows[0][1]: a data value must be a number',
        'unknown field "extra"',
      ]),
    );
  });

  it('is the payload schema of the core calls', () => {
    expect(corePayloadSchemas.optimize.safeParse({ problem: SEED_OPTIMIZE_PROBLEM }).success).toBe(true);
    expect(corePayloadSchemas.optimizeExplain.safeParse({ problem: SEED_OPTIMIZE_PROBLEM, step: 0 }).success).toBe(false);
    expect(corePayloadSchemas.optimizeSurface.safeParse({ problem: SEED_OPTIMIZE_PROBLEM, x: { param: 'a', min: 0, max: 1 }, y: { param: 'b', min: 0, max: 1 }, resolution: 1000 }).success).toBe(false);
  });
});
