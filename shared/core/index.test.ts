/* eslint-disable layerwise/layering -- a test may import its runner (and index.test.ts the CoreApi type it checks); the engine itself imports nothing */
import { describe, expect, it } from 'vitest';
import type { CoreApi } from '../protocol/core-api';
import { createCore, SEED_NETWORK, summarizeNetwork } from './index';

describe('createCore', () => {
  it('satisfies CoreApi and answers with the same records as the network functions', () => {
    const core: CoreApi = createCore();
    const summary = core.summarize({ spec: SEED_NETWORK });
    expect(summary.layers[9]).toMatchObject({ type: 'linear', params: { trainable: 6_554_624 } });
    expect(core.explain({ spec: SEED_NETWORK, index: 10 }).find((d) => d.quantity === 'params')?.result).toBe('6{,}554{,}624');
  });

  it('summarize answers every number of summarizeNetwork, without the fields only the engine reads', () => {
    const overview = createCore().summarize({ spec: SEED_NETWORK });
    const full = summarizeNetwork(SEED_NETWORK);
    expect(overview.totals).toEqual(full.totals);
    overview.layers.forEach((layer, i) => {
      expect(layer).not.toHaveProperty('inputReceptiveField');
      expect(layer).not.toHaveProperty('geometry');
      expect(layer).not.toHaveProperty('axes');
      expect(layer).not.toHaveProperty('fieldSpread');
      const record = full.layers[i]!;
      if (record.status !== 'ok') return expect(layer).toEqual(record);
      const { inputReceptiveField: _input, geometry: _geometry, axes: _axes, fieldSpread: _fieldSpread, ...numbers } = record;
      expect(layer).toEqual(numbers);
    });
    // The seed's first layer is a conv: the full record has its geometry, the overview does not.
    expect(full.layers[0]).toHaveProperty('geometry');
  });

  it('never throws on a malformed payload', () => {
    const core = createCore();
    expect(core.summarize(undefined as never).ok).toBe(false);
    expect(core.explain(null as never)).toEqual([]);
  });
});
