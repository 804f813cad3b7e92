import { describe, expect, it } from 'vitest';
import { formatNumberCached } from './number-format';

describe('formatNumberCached', () => {
  const grouped: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };
  const decimals: Intl.NumberFormatOptions = { maximumFractionDigits: 3, useGrouping: false };

  it('gives the text Intl.NumberFormat gives, first time and remembered', () => {
    for (const value of [0, 1, -7, 4736, 6_554_624, 1e12, 0.5, Number.NaN]) {
      const expected = new Intl.NumberFormat('en-US', grouped).format(value);
      expect(formatNumberCached('en-US', grouped, value)).toBe(expected);
      expect(formatNumberCached('en-US', grouped, value)).toBe(expected);
    }
    expect(formatNumberCached('en-US', decimals, 1234.56789)).toBe('1234.568');
  });

  it('keeps locales and options apart', () => {
    expect(formatNumberCached('en-US', grouped, 4736)).toBe('4,736');
    expect(formatNumberCached('de-DE', grouped, 4736)).toBe('4.736');
    expect(formatNumberCached('en-US', decimals, 4736)).toBe('4736');
  });

  it('still formats correctly after the cache bound is passed', () => {
    const options: Intl.NumberFormatOptions = { maximumFractionDigits: 0, useGrouping: true };
    for (let value = 0; value < 5000; value++) formatNumberCached('en-US', options, value);
    expect(formatNumberCached('en-US', options, 4999)).toBe('4,999');
    expect(formatNumberCached('en-US', options, 12)).toBe('12');
  });
});
