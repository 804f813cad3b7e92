/**
 * Text pasted from a spreadsheet: rows on lines, cells separated by tabs, commas or
 * semicolons (or spaces); a blank line starts the next channel. Every cell must be a number
 * and every row of a block as long as the first.
 */
export type PasteResult = { ok: true; blocks: number[][][] } | { ok: false; message: string };

export function parsePastedGrid(text: string): PasteResult {
  const blocks: number[][][] = [];
  let current: number[][] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (const [lineIndex, line] of lines.entries()) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push(current);
      current = [];
      continue;
    }
    const cells = line.split(/\t|,|;/).length > 1 ? line.split(/\t|,|;/) : line.trim().split(/\s+/);
    const row: number[] = [];
    for (const [cellIndex, cell] of cells.entries()) {
      const value = Number(cell.trim());
      if (cell.trim() === '' || !Number.isFinite(value)) return { ok: false, message: `line ${lineIndex + 1}, cell ${cellIndex + 1}: "${cell.trim()}" is not a number` };
      row.push(value);
    }
    const width = current[0]?.length;
    if (width !== undefined && row.length !== width) return { ok: false, message: `line ${lineIndex + 1}: ${row.length} cells, expected ${width} like the first row` };
    current.push(row);
  }
  if (current.length > 0) blocks.push(current);
  if (blocks.length === 0) return { ok: false, message: 'nothing to paste' };
  const [first] = blocks;
  const mismatch = blocks.findIndex((block) => block.length !== first!.length || block[0]!.length !== first![0]!.length);
  if (mismatch > 0) return { ok: false, message: `block ${mismatch + 1} is ${blocks[mismatch]!.length}×${blocks[mismatch]![0]!.length}, expected ${first!.length}×${first![0]!.length} like the first` };
  return { ok: true, blocks };
}
