import { describe, expect, it } from 'vitest';
import { timeLimitFor } from './time-limits';

describe('timeLimitFor', () => {
  it('gives the effective receptive field a long limit, quick calls the default, and lets the caller override', () => {
    expect(timeLimitFor('effectiveReceptiveField', 10_000)).toBe(120_000);
    expect(timeLimitFor('summarize', 10_000)).toBe(10_000);
    expect(timeLimitFor('effectiveReceptiveField', 10_000, 50)).toBe(50);
    expect(timeLimitFor('constructor', 10_000)).toBe(10_000);
  });
});
