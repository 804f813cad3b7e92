import { describe, expect, it } from 'vitest';
import { CORE_METHOD_TIME_LIMITS_MS, DEFAULT_CORE_TIME_LIMIT_MS, MAX_CORE_TIME_LIMIT_MS, timeLimitFor } from './time-limits';

describe('timeLimitFor', () => {
  it('gives long methods their limit from the table, quick calls the default, and lets the caller override', () => {
    expect(timeLimitFor('effectiveReceptiveField')).toBe(120_000);
    expect(timeLimitFor('backpropGradientCheck')).toBe(60_000);
    expect(timeLimitFor('summarize')).toBe(DEFAULT_CORE_TIME_LIMIT_MS);
    expect(timeLimitFor('effectiveReceptiveField', 50)).toBe(50);
    expect(timeLimitFor('constructor')).toBe(DEFAULT_CORE_TIME_LIMIT_MS);
  });

  it('never names a limit shorter than the default or longer than a caller may ask for', () => {
    for (const [method, limit] of Object.entries(CORE_METHOD_TIME_LIMITS_MS)) {
      expect(limit, method).toBeGreaterThan(DEFAULT_CORE_TIME_LIMIT_MS);
      expect(limit, method).toBeLessThanOrEqual(MAX_CORE_TIME_LIMIT_MS);
    }
  });
});
