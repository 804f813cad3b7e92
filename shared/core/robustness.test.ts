import { describe, expect, it } from 'vitest';
import { SEED_BACKPROP_CASE } from './backprop/examples';
import { createCore } from './index';
import { onCaughtError } from './internal-error';
import { describeValue } from './network/format';
import { SEED_NETWORK } from './network/presets';
import { summarizeNetwork } from './network/summarize';
import { SEED_OPTIMIZE_PROBLEM } from './optim/presets';
import { jsonDataProblem } from './plain-data';

/**
 * Payloads the mutation fuzz (shared/core/fuzz, `npm run fuzz`) found throwing, hanging or
 * tripping a last net, each now answered with a typed error value that names the field.
 * None of them passes the worker's schemas; the core answers them anyway.
 */
const core = createCore();
const cyclic = () => {
  const array: unknown[] = [1];
  array[0] = array;
  return array;
};

/** An optimizer refusal as field and message only (each error also carries its code and values, `problem`, for the phrasebooks). */
function fieldErrors(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null || !('errors' in answer) || !Array.isArray(answer.errors)) return answer;
  return { ...answer, errors: (answer.errors as { field: string; message: string }[]).map(({ field, message }) => ({ field, message })) };
}

describe('optimize, optimizeExplain, optimizeSurface: field errors for any problem', () => {
  it('a missing or non-object payload or problem', () => {
    for (const payload of [null, undefined, 3, 'problem', [], {}, { problem: null }, { problem: [1, 2] }]) {
      expect(fieldErrors(core.optimize(payload as never))).toEqual({ ok: false, errors: [{ field: '', message: expect.stringMatching(/^the problem must be an object with model, params, data, target and optimizer, got /) }] });
      expect(core.optimizeExplain(payload as never)).toMatchObject({ ok: false, errors: [{ field: '' }] });
      expect(core.optimizeSurface(payload as never)).toMatchObject({ ok: false, errors: [{ field: '' }] });
    }
  });

  it('names each field whose type is wrong', () => {
    const problem = { ...SEED_OPTIMIZE_PROBLEM, data: { columns: 'x1,x2,t', rows: [[1, -1, 10], [2, '0', 13]] }, optimizer: { type: 'momentum', form: 'delta', lr: '0.1', beta: 0.9 }, epochs: 1.5, params: { a: 1, b: 10n } };
    const errors = fieldErrors(core.optimizeExplain({ problem: problem as never, step: 1 }));
    expect(errors).toEqual({
      ok: false,
      errors: [
        { field: 'params.b', message: 'expected a number, got 10' },
        { field: 'data.columns', message: 'expected a list of column names, got "x1,x2,t"' },
        { field: 'data.rows[1][1]', message: 'expected a number, got "0"' },
        { field: 'optimizer.lr', message: 'expected a number, got "0.1"' },
        { field: 'optimizer.nesterov', message: 'expected true or false, got nothing' },
        { field: 'epochs', message: 'expected a whole number ≥ 1, got 1.5' },
      ],
    });
    expect(fieldErrors(core.optimize({ problem: { ...SEED_OPTIMIZE_PROBLEM, optimizer: ['type', 'lr'] } as never }))).toEqual({ ok: false, errors: [{ field: 'optimizer', message: 'expected an object such as {"type": "sgd", "lr": 0.1}, got ["type", "lr"]' }] });
    expect(fieldErrors(core.optimize({ problem: { ...SEED_OPTIMIZE_PROBLEM, optimizer: { type: 'toString', lr: 1 } } as never }))).toEqual({ ok: false, errors: [{ field: 'optimizer.type', message: 'expected one of sgd, momentum, adagrad, rmsprop, adam, got "toString"' }] });
  });

  it('the step and the surface request are checked too', () => {
    for (const step of [0, 1.5, '1', null, Number.NaN, 10n]) {
      expect(fieldErrors(core.optimizeExplain({ problem: SEED_OPTIMIZE_PROBLEM, step: step as never }))).toEqual({ ok: false, errors: [{ field: 'step', message: expect.stringMatching(/^expected a step number, a whole number ≥ 1, got /) }] });
    }
    const axis = { param: 'a', min: -1, max: 1 };
    expect(fieldErrors(core.optimizeSurface({ problem: SEED_OPTIMIZE_PROBLEM, x: axis } as never))).toEqual({ ok: false, errors: [{ field: 'y', message: 'expected {"param": name, "min": number, "max": number}, got nothing' }] });
    expect(fieldErrors(core.optimizeSurface({ problem: SEED_OPTIMIZE_PROBLEM, x: axis, y: { param: 'b', min: 0, max: 1 }, resolution: Number.NaN, at: { c: '1' } } as never))).toEqual({
      ok: false,
      errors: [
        { field: 'resolution', message: 'expected points per side, a number (at most 400 are used), got NaN' },
        { field: 'at.c', message: 'expected a number, got "1"' },
      ],
    });
  });

  it('the field is named by the check, not by the last net (which would report what it caught)', () => {
    const caught: string[] = [];
    const stop = onCaughtError((where) => caught.push(where));
    expect(fieldErrors(core.optimize({ problem: { ...SEED_OPTIMIZE_PROBLEM, data: 'rows' } as never }))).toEqual({ ok: false, errors: [{ field: 'data', message: 'expected {"columns": [...], "rows": [[...], ...]}, got "rows"' }] });
    stop();
    expect(caught).toEqual([]);
  });
});

describe('unitRegion and effectiveReceptiveField', () => {
  it('a missing payload or unit is named', async () => {
    expect(core.unitRegion(null as never)).toMatchObject({ ok: false, message: 'layer must be a whole number ≥ 0, got nothing' });
    expect(core.unitRegion({ spec: SEED_NETWORK, layer: 3, y: '0', x: 0 } as never)).toMatchObject({ ok: false, message: 'y must be a whole number ≥ 0, got "0"' });
    expect(await core.effectiveReceptiveField(undefined as never)).toMatchObject({ ok: false, message: 'the request must be an object with spec, layer, y, x, weights and activations, got nothing' });
    const request = { spec: SEED_NETWORK, layer: 2, y: 0, x: 0, weights: 'random', activations: true } as const;
    expect(await core.effectiveReceptiveField({ ...request, weights: 'ones' as never })).toMatchObject({ ok: false, message: 'weights must be "uniform" or "random", got "ones"' });
    // NaN channels used to make the narrowing loop forever
    expect(await core.effectiveReceptiveField({ ...request, maxChannels: Number.NaN })).toMatchObject({ ok: false, message: 'maxChannels must be a whole number ≥ 1, got NaN' });
  });

  it('a network too large to trace is refused with the limit named, before any work', async () => {
    const wide = { input: [3, 128, 100_000_000], layers: SEED_NETWORK.layers.slice(0, 3) };
    expect(summarizeNetwork(wide).ok).toBe(true);
    expect(core.unitRegion({ spec: wide, layer: 3, y: 0, x: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('more than the 5,000,000 allowed (MAX_REGION_WORK); use a smaller input') });
    // A huge dilation with "same" padding: a small image, but the lattice a unit reaches through the padding is 2^32 cells wide
    const dilated = { input: [4, 1, 1], layers: [{ type: 'conv2d', out_channels: 8, kernel: [1, 5], padding: 'same', dilation: 2 ** 31 }] } as const;
    expect(core.unitRegion({ spec: dilated as never, layer: 1, y: 0, x: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('(MAX_REGION_WORK)') });
    const field = { layer: 2, y: 0, x: 0, weights: 'uniform', activations: true } as const;
    expect(await core.effectiveReceptiveField({ ...field, spec: { input: [1, 8000, 8000], layers: [{ type: 'conv2d', out_channels: 1, kernel: 1 }, { type: 'relu' }] } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('numbers at once, more than the 32,000,000 allowed (MAX_EFFECTIVE_FIELD_VALUES)'),
    });
    // 2^31 output channels: the uniform engine's per-channel factors alone used to take minutes
    expect(await core.effectiveReceptiveField({ ...field, spec: { input: [1, 4, 4], layers: [{ type: 'conv2d', out_channels: 2 ** 31, kernel: 1 }, { type: 'relu' }] } })).toMatchObject({
      ok: false,
      message: expect.stringContaining('(MAX_EFFECTIVE_FIELD_VALUES)'),
    });
    expect(await core.effectiveReceptiveField({ ...field, spec: { input: [1, 2000, 2000], layers: [{ type: 'conv2d', out_channels: 1, kernel: 51, padding: 25 }, { type: 'relu' }] } })).toMatchObject({
      ok: false,
      message: 'this effective field needs about 21,000,000,000 multiply-adds, more than the 10,000,000,000 allowed (MAX_EFFECTIVE_FIELD_WORK); use a smaller input, fewer channels (maxChannels) or uniform weights',
    });
  });
});

describe('cycles, bigints and deep nesting (structured clone carries them)', () => {
  it('a cyclic grid is an issue of the backprop case, not a loop without end', () => {
    expect(core.backprop({ case: { ...SEED_BACKPROP_CASE, input: cyclic() } as never })).toMatchObject({ ok: false, issues: [{ path: ['input'], message: expect.stringMatching(/^expected a grid \[C\]\[H\]\[W\] or \[H\]\[W\] of numbers/) }] });
    expect(core.backprop({ case: { ...SEED_BACKPROP_CASE, stride: cyclic() } as never })).toMatchObject({ ok: false, issues: [{ path: ['stride'], message: 'expected a whole number ≥ 1 (at most 64) or [h, w], got an array' }] });
  });

  it('a network that is not JSON data is not exported, and says where', () => {
    const layer: Record<string, unknown> = { type: 'relu' };
    layer.self = layer;
    expect(core.exportNetwork({ spec: { input: [1, 4, 4], layers: [layer] } as never, format: 'json' })).toEqual({ ok: false, message: 'the network cannot be exported: layers[0].self refers back to a value that contains it' });
    expect(core.exportNetwork({ spec: { input: [1, 4, 4], layers: [{ type: 'linear', out_features: 10n }] } as never, format: 'pytorch' })).toEqual({ ok: false, message: 'the network cannot be exported: layers[0].out_features is a bigint (10n), not a number' });
    expect(core.exportNetwork({ format: 'json' } as never)).toEqual({ ok: false, message: 'the network must be an object with "input" and "layers", got nothing' });
    expect(jsonDataProblem({ a: [[[[1]]]] }, 3)).toBe('a[0][0] is nested more than 3 levels deep');
    expect(jsonDataProblem({ input: [1], layers: [{ type: 'relu' }] })).toBeNull();
  });

  it('describing a value ends on a cycle and on deep nesting', () => {
    expect(describeValue(cyclic())).toBe('[[an array of 1 value]]');
    expect(describeValue([[1, 2], [3]])).toBe('[[1, 2], [3]]');
    let deep: unknown = [1];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(describeValue(deep)).toBe('[[an array of 1 value]]');
    expect(summarizeNetwork({ input: cyclic(), layers: [] } as never).inputIssues[0]!.message).toBe('input: shape must be [C, H, W] (an image) or [N] (a vector) of positive integers, got [[an array of 1 value]]');
  });
});

describe('the last nets report what they catch', () => {
  it('summarize answers a value no check anticipated, and tells the listeners', () => {
    const caught: [string, string][] = [];
    const stop = onCaughtError((where, error) => caught.push([where, (error as Error).message]));
    const hostile = {
      get input(): never {
        throw new Error('a getter that throws');
      },
      layers: [],
    };
    expect(summarizeNetwork(hostile as never).inputIssues[0]!.message).toBe('input: the network could not be read (a getter that throws)');
    stop();
    summarizeNetwork(hostile as never);
    expect(caught).toEqual([['summarize', 'a getter that throws']]);
  });
});
