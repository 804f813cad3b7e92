import { formatPlain, ltr, normalizeListSeparators, parseNumber, t } from '../../lib/i18n';

/**
 * Text pasted from a spreadsheet: rows on lines, cells separated by tabs, commas or
 * semicolons (or spaces; the Arabic comma ، and semicolon ؛ too); a blank line starts the
 * next channel. Numbers may use Persian or Arabic-Indic digits (`parseNumber`). Every cell must be a number
 * and every row of a block as long as the first.
 */
export type PasteResult = { ok: true; blocks: number[][][] } | { ok: false; message: string };

export function parsePastedGrid(text: string): PasteResult {
  const blocks: number[][][] = [];
  let current: number[][] = [];
  const lines = normalizeListSeparators(text).replace(/\r\n?/g, '\n').split('\n');
  for (const [lineIndex, line] of lines.entries()) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    const cells = line.split(/\t|,|;/).length > 1 ? line.split(/\t|,|;/) : line.trim().split(/\s+/);
    const row: number[] = [];
    for (const [cellIndex, cell] of cells.entries()) {
      const value = parseNumber(cell);
      if (value === null) return { ok: false, message: t('backprop.paste.notNumber', { line: lineIndex + 1, cell: cellIndex + 1, text: cell.trim() }) };
      row.push(value);
    }
    const width = current[0]?.length;
    if (width !== undefined && row.length !== width) return { ok: false, message: t('backprop.paste.rowLength', { line: lineIndex + 1, count: row.length, expected: width }) };
    current.push(row);
  }
  if (current.length > 0) blocks.push(current);
  if (blocks.length === 0) return { ok: false, message: t('backprop.paste.empty') };
  const [first] = blocks;
  const mismatch = blocks.findIndex((block) => block.length !== first!.length || block[0]!.length !== first![0]!.length);
  const size = (block: number[][]) => ltr(`${formatPlain(block.length)}×${formatPlain(block[0]!.length)}`);
  if (mismatch > 0) return { ok: false, message: t('backprop.paste.blockShape', { block: mismatch + 1, shape: size(blocks[mismatch]!), expected: size(first!) }) };
  return { ok: true, blocks };
}
