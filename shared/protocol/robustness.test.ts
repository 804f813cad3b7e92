import { describe, expect, it } from 'vitest';
import { createCore } from '../core/index';
import { createDispatcher } from './dispatch';
import { networkSpecSchema } from './network-schema';

/** What structured clone lets through to the worker (bigints, cycles, deep nesting): the schemas refuse it, they never throw. */
describe('the worker boundary refuses, never throws', () => {
  const cyclic: Record<string, unknown> = { type: 'relu' };
  cyclic.type = cyclic;
  let deep: unknown = ['relu'];
  for (let i = 0; i < 100_000; i++) deep = [deep];

  it.each([
    ['a bigint', 10n, 'layer 1: unknown type 10; valid types are conv2d,'],
    ['a cycle', cyclic, 'layer 1: unknown type an object; valid types are'],
    ['an array nested 100,000 deep', deep, 'layer 1: unknown type [[an array of 1 value]]; valid types are'],
  ])('a layer type that is %s', (_what, type, message) => {
    const parsed = networkSpecSchema.safeParse({ input: [1, 4, 4], layers: [typeof type === 'object' && type === cyclic ? cyclic : { type }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toContain(message);
  });

  it('a message kind or type the dispatcher cannot print as JSON', () => {
    const dispatcher = createDispatcher(createCore());
    expect(dispatcher.handle({ kind: 10n, id: 1 })).toEqual({ kind: 'reply', id: 1, ok: false, error: { code: 'unknown_type', message: 'unknown message kind 10' } });
    expect(dispatcher.handle({ kind: 'request', id: 2, type: [[[[1]]]], payload: {} })).toMatchObject({ ok: false, error: { code: 'unknown_type', message: expect.stringMatching(/^unknown request type \[\[an array of 1 value\]\]; known: summarize/) } });
  });
});
