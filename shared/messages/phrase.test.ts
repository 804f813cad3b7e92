import { describe, expect, it } from 'vitest';
import { fill, mapNumbersIn, persianDigits, plainWriter, type Phrasebook, type ValueKind } from './phrase';

const marked = (text: string) => mapNumbersIn(text, (number) => `<${number}>`);

describe('numbers inside a value, digits of names', () => {
  it('digits after a letter belong to the name, at a word end too', () => {
    for (const name of ['x1', 'w2', 'conv2d', 'p59', 'x12', 'dropout2d', 'layer_3', 'conv2x1']) expect(marked(name), name).toBe(name);
  });

  it('numbers, signs, decimals, exponents and shapes are numbers', () => {
    expect(marked('64x62x62')).toBe('<64>x<62>x<62>');
    expect(marked('5x3')).toBe('<5>x<3>');
    expect(marked('[3, -1]')).toBe('[<3>, <-1>]');
    expect(marked('9.007e+15')).toBe('<9.007>e+<15>');
    expect(marked('1e999 and 2.5e-3, not p2e3')).toBe('<1>e<999> and <2.5>e<-3>, not p2e3');
    expect(marked('row 1 has 2 values; it needs 3 (x1, x2, t)')).toBe('row <1> has <2> values; it needs <3> (x1, x2, t)');
  });

  it('the CLI writes Persian digits in numbers only', () => {
    expect(persianDigits('x1, w2, conv2d, p59: 64x62x62 5x3 [3, -1] 9.007e+15 9,007,199')).toBe('x1, w2, conv2d, p59: ۶۴x۶۲x۶۲ ۵x۳ [۳, -۱] ۹٫۰۰۷e+۱۵ ۹٬۰۰۷٬۱۹۹');
  });
});

describe('a phrasebook says which values are names', () => {
  const book: Phrasebook<'shape'> = { codes: { shape: '{name} {shape} {count}' }, names: ['name'] };
  const values = { name: '64x62', shape: '64x62', count: 12 };

  it('the writer receives the placeholder and the kind', () => {
    const seen: [string, ValueKind | undefined][] = [];
    fill(book, book.codes.shape, values, (value, name, kind) => {
      seen.push([name, kind]);
      return String(value);
    });
    expect(seen).toEqual([
      ['name', 'name'],
      ['shape', 'value'],
      ['count', 'value'],
    ]);
  });

  it("Persian leaves a name's digits as typed, even when it reads like a shape", () => {
    expect(fill(book, book.codes.shape, values, plainWriter('fa'))).toBe('64x62 ۶۴x۶۲ ۱۲');
    expect(fill(book, book.codes.shape, values, plainWriter('en'))).toBe('64x62 64x62 12');
  });
});
