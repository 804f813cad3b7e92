import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { SEED_BACKPROP_CASE } from '../core/backprop/examples';
import { backpropCaseSchema, parseBackpropCase } from './backprop-schema';
import { corePayloadSchemas, createDispatcher } from './dispatch';

describe('backpropCaseSchema', () => {
  it('accepts the CLI example and keeps it as written', () => {
    const example = { input: [[[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0, 2], [1, 0, 1, 3]]], filters: [[[[1, -1], [0, 2]]]], bias: [0.5], stride: 1, padding: 0, dilation: 1, activation: 'none', pool: { type: 'globalmax' }, upstream: 1, ties: 'first' };
    expect(backpropCaseSchema.parse(example)).toEqual(example);
  });

  it('names the field or cell in every error, with its path, and carries the core’s code and values for phrasing', () => {
    const parsed = parseBackpropCase({ input: [[[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3]]], filters: [[1]], pool: { type: 'max', kernel: 'two' } });
    expect(parsed).toEqual({
      ok: false,
      errors: [
        { path: ['input', 0, 2], code: 'level_length', values: { what: 'row', count: 3, items: 'cells', expected: 4 }, message: 'input[0][2]: row has 3 cells, expected 4' },
        { path: ['pool', 'kernel'], code: 'not_int_or_pair', values: { min: 1, max: 64, got: '"two"' }, message: 'pool.kernel: expected a whole number ≥ 1 (at most 64) or [h, w], got "two"' },
      ],
    });
  });

  it('is the payload of the backprop call: the worker answers a bad case with the cell named', () => {
    const dispatcher = createDispatcher(createCore());
    const reply = dispatcher.handle({ kind: 'request', id: 1, type: 'backprop', payload: { case: { input: [[1, 'x']], filters: [[1]] } } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'input[0][1]: expected a number, got "x"' } });
    expect(corePayloadSchemas.backpropGradientCheck.safeParse({ case: SEED_BACKPROP_CASE }).success).toBe(true);
  });
});

describe('SEED_BACKPROP_CASE (question 3)', () => {
  it('through the worker protocol: a = z3 = 10, dL/dw = (-1, 5, 3, 0), dL/db = 1, and the finite differences agree', () => {
    const dispatcher = createDispatcher(createCore());
    const reply = dispatcher.handle({ kind: 'request', id: 2, type: 'backprop', payload: { case: SEED_BACKPROP_CASE } });
    if (!reply || !reply.ok) throw new Error('the seed case failed');
    const result = reply.result as ReturnType<ReturnType<typeof createCore>['backprop']>;
    if (!result.ok) throw new Error('the seed case failed');
    expect(result.tensors.conv.data[2]).toBe(10);
    expect(Math.max(...result.tensors.conv.data)).toBe(10);
    expect(result.tensors.pooled.data).toEqual([10]);
    expect(result.tensors.grad_filters.data).toEqual([-1, 5, 3, 0]);
    expect(result.tensors.grad_bias.data).toEqual([1]);
    const check = createCore().backpropGradientCheck({ case: SEED_BACKPROP_CASE });
    expect(check.ok && check.check.maxError).toBeLessThan(1e-8);
  });
});
