import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { SEED_NETWORK } from '../core/network/presets';
import { createDispatcher } from './dispatch';

/** The builder's calls through the same dispatcher the worker runs, with the real core behind it. */
describe('builder calls at the worker boundary', () => {
  const dispatcher = createDispatcher(createCore());
  const request = (type: string, payload: unknown) => dispatcher.handle({ kind: 'request', id: 1, type, payload });

  it('checkAnswers, solveSettings, importCode and exportNetwork answer valid payloads', () => {
    const marks = request('checkAnswers', { spec: SEED_NETWORK, answers: { layers: [null, { rf: '1225 px' }] } });
    expect(marks).toMatchObject({ ok: true, result: [{ index: 2, rf: { status: 'wrong' } }] });
    const solved = request('solveSettings', { input: 31, output: 27 });
    expect(solved && solved.ok && (solved.result as { settings: unknown[] }).settings).toContainEqual(expect.objectContaining({ kernel: 3, dilation: 2, stride: 1, padding: 0 }));
    const imported = request('importCode', { language: 'pytorch', source: 'nn.Sequential(nn.Flatten(), nn.Linear(12, 2))', defaultInput: [3, 2, 2] });
    expect(imported).toMatchObject({ ok: true, result: { ok: true, spec: { input: [3, 2, 2], layers: [{ type: 'flatten' }, { type: 'linear', out_features: 2 }] } } });
    const exported = request('exportNetwork', { spec: SEED_NETWORK, format: 'markdown' });
    expect(exported).toMatchObject({ ok: true, result: { ok: true } });
  });

  it('refuses malformed payloads with the field named, before the core sees them', () => {
    expect(request('importCode', { language: 'caffe', source: '', defaultInput: [] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(request('solveSettings', { input: 2.5, output: 3 })).toMatchObject({ ok: false, error: { code: 'invalid_request', message: 'the input size must be a whole number' } });
    expect(request('checkAnswers', { spec: SEED_NETWORK, answers: { layers: [{ output: 'x'.repeat(201) }] } })).toMatchObject({
      ok: false,
      error: { message: 'an answer is at most 200 characters' },
    });
    expect(request('exportNetwork', { spec: SEED_NETWORK, format: 'onnx' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
