import { describe, expect, it } from 'vitest';
import { parseWidths } from './widths';

describe('hidden widths as typed', () => {
  it('reads commas, Arabic commas, spaces and Persian digits', () => {
    expect(parseWidths('32, 32')).toEqual([32, 32]);
    expect(parseWidths('۳۲، ۱۶')).toEqual([32, 16]);
    expect(parseWidths(' 8 4 2 ')).toEqual([8, 4, 2]);
  });

  it('refuses what the engine would not train: none, more than 4, 0, fractions, above 128, words', () => {
    for (const text of ['', '1,2,3,4,5', '0', '2.5', '129', 'wide']) expect(parseWidths(text)).toBeNull();
  });
});
