import { setLocale, stripBidiControls } from '../../../lib/i18n';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads a header and rows (commas, semicolons or tabs)', () => {
    expect(parseCsv('x1,x2,t\n1,-1,10\n2,0,13\n')).toEqual({ ok: true, columns: ['x1', 'x2', 't'], rows: [[1, -1, 10], [2, 0, 13]] });
    expect(parseCsv('x;t\r\n0.5;1e-3')).toEqual({ ok: true, columns: ['x', 't'], rows: [[0.5, 0.001]] });
    expect(parseCsv('x\tt\n\n3\t4\n')).toEqual({ ok: true, columns: ['x', 't'], rows: [[3, 4]] });
  });

  it('names the columns x1.., t when the first line is numbers', () => {
    expect(parseCsv('1,-1,10\n2,0,13')).toEqual({ ok: true, columns: ['x1', 'x2', 't'], rows: [[1, -1, 10], [2, 0, 13]] });
  });

  it('names the line and column of every problem', () => {
    expect(parseCsv('x,t\n1,2\n3,abc')).toEqual({ ok: false, message: 'line 3, column t: “abc” is not a number' });
    expect(parseCsv('x,t\n1,2,3')).toEqual({ ok: false, message: 'line 2 has 3 values; the header has 2' });
    expect(parseCsv('x y,t')).toMatchObject({ ok: false, message: expect.stringContaining('line 1, column 1: “x y” is not a column name') });
    expect(parseCsv('x,x\n1,2')).toMatchObject({ ok: false, message: 'line 1: the column name “x” appears twice' });
    expect(parseCsv('  \n')).toEqual({ ok: false, message: 'the pasted text is empty' });
    expect(parseCsv(Array.from({ length: 21 }, (_, i) => `c${i}`).join(','))).toEqual({ ok: false, message: 'line 1 has 21 columns; at most 20' });
    expect(parseCsv(['x,t', ...Array.from({ length: 10_001 }, () => '1,2')].join('\n'))).toEqual({ ok: false, message: '10001 rows; at most 10000' });
  });

  it('reads the seed data typed on a Persian keyboard: Persian digits, ٫ decimals, the Arabic comma between values', () => {
    const latin = parseCsv('x1,x2,t\n1,-1,10\n2,0,13');
    expect(parseCsv('x1،x2،t\n۱،-۱،۱۰\n۲،۰،۱۳')).toEqual(latin);
    expect(parseCsv('x1;x2;t\n١;−١;١٠\n٢;٠;١٣')).toEqual(latin);
    expect(parseCsv('x,t\n۰٫۵,۱e-۳')).toEqual({ ok: true, columns: ['x', 't'], rows: [[0.5, 0.001]] });
  });

  it('phrases its problems in Persian when the language is Persian', () => {
    setLocale('fa');
    try {
      const result = parseCsv('x,t\n1,2\n3,abc');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(stripBidiControls(result.message)).toBe('خط ۳، ستون t: «abc» عدد نیست');
    } finally {
      setLocale('en');
    }
  });
});
