import { describe, expect, it } from 'vitest';
import { parsePastedGrid } from './paste';

describe('parsePastedGrid', () => {
  it('reads tab- and comma-separated rows, and blank-line-separated channels', () => {
    expect(parsePastedGrid('1\t2\t3\r\n4\t5\t6\n\n7,8,9\n10,11,12\n')).toEqual({ ok: true, blocks: [[[1, 2, 3], [4, 5, 6]], [[7, 8, 9], [10, 11, 12]]] });
    expect(parsePastedGrid('-1 5\n3 0')).toEqual({ ok: true, blocks: [[[-1, 5], [3, 0]]] });
  });

  it('names the line and cell of a problem', () => {
    expect(parsePastedGrid('1\t2\n3\tx')).toEqual({ ok: false, message: 'line 2, cell 2: "x" is not a number' });
    expect(parsePastedGrid('1,2,3\n4,5')).toEqual({ ok: false, message: 'line 2: 2 cells, expected 3 like the first row' });
    expect(parsePastedGrid('1 2\n\n1 2 3')).toEqual({ ok: false, message: 'block 2 is 1×3, expected 1×2 like the first' });
    expect(parsePastedGrid('  \n')).toEqual({ ok: false, message: 'nothing to paste' });
  });

  it('reads Persian and Arabic-Indic digits and the Arabic comma as a separator', () => {
    expect(parsePastedGrid('-۱ ۵\n۳ ۰')).toEqual({ ok: true, blocks: [[[-1, 5], [3, 0]]] });
    expect(parsePastedGrid('١،٢٫٥\n−٣،٠')).toEqual({ ok: true, blocks: [[[1, 2.5], [-3, 0]]] });
  });
});
