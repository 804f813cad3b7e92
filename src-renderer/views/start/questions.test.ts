import { describe, expect, it } from 'vitest';
import { sameData } from './questions';

describe('sameData (is the exercise loaded?)', () => {
  it('ignores key order and undefined members, not values', () => {
    expect(sameData({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameData({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameData([1, 2], [2, 1])).toBe(false);
    expect(sameData([1], { 0: 1 })).toBe(false);
    expect(sameData(undefined, { a: 1 })).toBe(false);
  });
});
