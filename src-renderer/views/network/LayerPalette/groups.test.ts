import { describe, expect, it } from 'vitest';
import { LAYER_TYPES } from '../../../../shared/core/network/spec';
import { PALETTE_GROUPS, ungroupedTypes } from './groups';

describe('palette groups', () => {
  it('list every layer type exactly once', () => {
    expect(ungroupedTypes()).toEqual([]);
    const listed = PALETTE_GROUPS.flatMap((group) => group.types);
    expect(listed).toHaveLength(LAYER_TYPES.length);
    expect(new Set(listed).size).toBe(LAYER_TYPES.length);
  });
});
