import { describe, expect, it } from 'vitest';
import type { CoreApi } from './core-api';
import { createDispatcher } from './dispatch';
import { CoreError } from './messages';

const spec = { input: [1, 4, 4], layers: [{ type: 'relu' }] };

function fakeCore(overrides: Partial<CoreApi> = {}): CoreApi {
  return {
    summarize: () => ({ input: [1, 4, 4], inputIssues: [], layers: [], totals: { params: 0, trainableParams: 0, buffers: 0, macs: 0, flops: 0, memoryBytes: 0 }, ok: true }),
    explain: () => [],
    optimize: () => ({ ok: false, errors: [] }),
    optimizeSurface: () => ({ ok: false, errors: [] }),
    optimizeExplain: () => ({ ok: false, errors: [] }),
    checkAnswers: () => [],
    solveSettings: () => ({ settings: [], omitted: 0 }),
    importCode: () => ({ ok: false, errors: [], readAs: 'pytorch', looksLike: null }),
    exportNetwork: () => ({ ok: false, message: '' }),
    backprop: () => ({ ok: false, issues: [] }),
    backpropGradientCheck: () => ({ ok: false, issues: [] }),
    unitRegion: () => ({ ok: false, message: '', code: 'sees_nothing', values: {} }),
    effectiveReceptiveField: () => Promise.resolve({ ok: false, message: '', code: 'sees_nothing', values: {} }),
    gradientFlow: () => Promise.resolve({ ok: false, issues: [] }),
    trainNetwork: () => Promise.resolve({ ok: false, issues: [] }),
    linearRegions: () => Promise.resolve({ ok: false, issues: [] }),
    sameBudget: () => Promise.resolve({ ok: false, issues: [] }),
    overfittingLab: () => Promise.resolve({ ok: false, issues: [] }),
    overfittingExplain: () => Promise.resolve({ ok: false, issues: [] }),
    biasVariance: () => ({ ok: false, issues: [] }),
    biasVarianceExplain: () => ({ ok: false, issues: [] }),
    doubleDescent: () => ({ ok: false, issues: [] }),
    doubleDescentExplain: () => ({ ok: false, issues: [] }),
    ...overrides,
  };
}

describe('createDispatcher', () => {
  it('answers a valid request with the result under the same id', () => {
    const dispatcher = createDispatcher(fakeCore({ explain: ({ index }) => [{ quantity: 'params', formula: 'f', substituted: 's', result: String(index), text: 't', message: { code: 'symbol', values: {}, notes: [] } }] }));
    expect(dispatcher.handle({ kind: 'request', id: 7, type: 'explain', payload: { spec, index: 3 } })).toEqual({
      kind: 'reply',
      id: 7,
      ok: true,
      result: [{ quantity: 'params', formula: 'f', substituted: 's', result: '3', text: 't', message: { code: 'symbol', values: {}, notes: [] } }],
    });
  });

  it('answers an unknown type with an error instead of dropping it', () => {
    const reply = createDispatcher(fakeCore()).handle({ kind: 'request', id: 1, type: 'format_disk', payload: {} });
    expect(reply).toMatchObject({ id: 1, ok: false, error: { code: 'unknown_type' } });
    expect(reply && !reply.ok && reply.error.message).toContain('known: summarize, explain');
  });

  it('answers a message of unknown kind and a non-object with an error', () => {
    const dispatcher = createDispatcher(fakeCore());
    expect(dispatcher.handle({ kind: 'shout', id: 2 })).toMatchObject({ id: 2, ok: false, error: { code: 'unknown_type' } });
    expect(dispatcher.handle('hello')).toMatchObject({ id: -1, ok: false, error: { code: 'unknown_type' } });
  });

  it('rejects an invalid payload with the field named, before the core sees it', () => {
    let called = false;
    const dispatcher = createDispatcher(fakeCore({ summarize: () => { called = true; throw new Error('unreachable'); } }));
    const reply = dispatcher.handle({ kind: 'request', id: 3, type: 'summarize', payload: { spec: { input: [1, 4, 4], layers: [{ type: 'conv2d', kernel: 3 }] } } });
    expect(reply).toMatchObject({ id: 3, ok: false, error: { code: 'invalid_request' } });
    expect(reply && !reply.ok && reply.error.message).toContain('layer 1 (conv2d): out_channels: is required');
    expect(called).toBe(false);
  });

  it('turns an exception escaping the core into an internal error, and a CoreError into its own code', () => {
    const broken = createDispatcher(fakeCore({ summarize: () => { throw new RangeError('boom'); } }));
    expect(broken.handle({ kind: 'request', id: 4, type: 'summarize', payload: { spec } })).toEqual({
      kind: 'reply', id: 4, ok: false, error: { code: 'internal', message: 'internal error in summarize: boom' },
    });
    const typed = createDispatcher(fakeCore({ summarize: () => { throw new CoreError({ code: 'cancelled', message: 'stop' }); } }));
    expect(typed.handle({ kind: 'request', id: 5, type: 'summarize', payload: { spec } })).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'stop' } });
  });

  it('drops a request whose cancel arrived first', () => {
    const dispatcher = createDispatcher(fakeCore());
    expect(dispatcher.handle({ kind: 'cancel', id: 9 })).toBeNull();
    expect(dispatcher.handle({ kind: 'request', id: 9, type: 'summarize', payload: { spec } })).toMatchObject({ id: 9, ok: false, error: { code: 'cancelled' } });
    expect(dispatcher.handle({ kind: 'request', id: 10, type: 'summarize', payload: { spec } })).toMatchObject({ id: 10, ok: true });
  });

  it('forgets a cancel that crossed its reply (the request was already answered)', () => {
    const dispatcher = createDispatcher(fakeCore());
    expect(dispatcher.handle({ kind: 'request', id: 3, type: 'summarize', payload: { spec } })).toMatchObject({ id: 3, ok: true });
    expect(dispatcher.handle({ kind: 'cancel', id: 3 })).toBeNull();
    // Were the late cancel kept, a request reusing the id would be refused as cancelled.
    expect(dispatcher.handle({ kind: 'request', id: 3, type: 'summarize', payload: { spec } })).toMatchObject({ id: 3, ok: true });
  });
});
