/* eslint-disable layerwise/layering -- a test may import its runner (and index.test.ts the CoreApi type it checks); the engine itself imports nothing */
import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../protocol/core-api';
import { createCore, SEED_NETWORK } from './index';

describe('createCore', () => {
  it('satisfies CoreApi and answers with the same records as the network functions', () => {
    const core: CoreApi = createCore();
    const summary = core.summarize({ spec: SEED_NETWORK });
    expect(summary.layers[9]).toMatchObject({ type: 'linear', params: { trainable: 6_554_624 } });
    expect(core.explain({ spec: SEED_NETWORK, index: 10 }).find((d) => d.quantity === 'params')?.result).toBe('6{,}554{,}624');
  });

  it('never throws on a malformed payload', () => {
    const core = createCore();
    expect(core.summarize(undefined as never).ok).toBe(false);
    expect(core.explain(null as never)).toEqual([]);
  });
});
