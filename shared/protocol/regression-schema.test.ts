import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { createDispatcher } from './dispatch';
import { DEFAULT_BIAS_VARIANCE_CASE, DEFAULT_DOUBLE_DESCENT_CASE } from '../core/regression/presets';
import { biasVarianceCaseSchema, doubleDescentCaseSchema } from './regression-schema';
import { describeSchemaErrors } from './optimize-schema';

const dispatcher = createDispatcher(createCore());
const request = (id: number, type: string, payload: unknown) => dispatcher.handle({ kind: 'request', id, type, payload });

describe('regression payloads at the worker boundary', () => {
  it('accepts the default cases and answers each lab method', () => {
    expect(biasVarianceCaseSchema.safeParse(DEFAULT_BIAS_VARIANCE_CASE).success).toBe(true);
    expect(doubleDescentCaseSchema.safeParse(DEFAULT_DOUBLE_DESCENT_CASE).success).toBe(true);
    const small = { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 3 };
    expect(request(1, 'biasVariance', { case: small })).toMatchObject({ ok: true, result: { ok: true, best: expect.any(Number) } });
    expect(request(2, 'biasVarianceExplain', { case: small, complexity: 2, point: 0 })).toMatchObject({ ok: true, result: { ok: true, explanation: { bias2: expect.any(Object), mean_fit: expect.any(Object) } } });
    expect(request(3, 'doubleDescent', { case: { ...DEFAULT_DOUBLE_DESCENT_CASE, features: [1, 20] } })).toMatchObject({ ok: true, result: { ok: true, threshold: 20 } });
    expect(request(4, 'doubleDescentExplain', { case: DEFAULT_DOUBLE_DESCENT_CASE, features: 20 })).toMatchObject({ ok: true, result: { ok: true, explanation: { test_error: expect.any(Object) } } });
  });

  it('refuses a payload of the wrong shape, naming the field; a value out of range reaches the core and comes back as a coded issue', () => {
    const shape = request(5, 'biasVariance', { case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 'many' } });
    expect(shape).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringContaining('resamples must be a number') } });
    const typo = biasVarianceCaseSchema.safeParse({ ...DEFAULT_BIAS_VARIANCE_CASE, noise: 0.1 });
    expect(typo.success || describeSchemaErrors(typo.error)).toEqual(['unknown field "noise"']);
    const family = biasVarianceCaseSchema.safeParse({ truth: 'sin', model: { family: 'spline' } });
    expect(family.success || describeSchemaErrors(family.error)).toEqual(['model.family: model.family is polynomial (with degrees and ridge) or knn (with ks)']);
    const range = request(6, 'biasVariance', { case: { ...DEFAULT_BIAS_VARIANCE_CASE, resamples: 100000 } });
    expect(range).toMatchObject({ ok: true, result: { ok: false, issues: [{ field: 'resamples', code: 'too_large', values: { max: 500, value: 100000 } }] } });
  });
});
