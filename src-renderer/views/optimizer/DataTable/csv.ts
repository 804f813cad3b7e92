import { MAX_COLUMNS, MAX_ROWS } from '../../../../shared/protocol/optimize-schema';
import { normalizeListSeparators, parseNumber, t } from '../../../lib/i18n';

/** A data table read from pasted CSV: column names and numeric rows, or the first problem found. */
export type CsvResult = { ok: true; columns: string[]; rows: number[][] } | { ok: false; message: string };


const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads CSV as a spreadsheet pastes it: commas, semicolons or tabs (whichever the first line
 * uses most), a header line of column names (or none: then x1, x2, ..., t), one sample per
 * line. Blank lines are skipped. Every problem names its line and column. The Arabic comma ،
 * and semicolon ؛ separate values like "," and ";" (a Persian keyboard's comma); numbers may
 * use Persian or Arabic-Indic digits and the decimal separator ٫ (`parseNumber`).
 */
export function parseCsv(text: string): CsvResult {
  const lines = normalizeListSeparators(text)
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter((entry) => entry.line !== '');
  if (lines.length === 0) return { ok: false, message: t('optimizer.csv.empty') };
  const first = lines[0]!.line;
  const delimiter = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const).sort((a, b) => b[1] - a[1])[0]![0];
  const split = (line: string) => line.split(delimiter).map((cell) => cell.trim());
  const head = split(first);
  const headerIsNumbers = head.every((cell) => parseNumber(cell) !== null);
  const columns = headerIsNumbers ? [...head.slice(0, -1).map((_, i) => `x${i + 1}`), 't'] : head;
  if (columns.length > MAX_COLUMNS) return { ok: false, message: t('optimizer.csv.tooManyColumns', { line: lines[0]!.number, count: columns.length, max: MAX_COLUMNS }) };
  if (lines.length - (headerIsNumbers ? 0 : 1) > MAX_ROWS) return { ok: false, message: t('optimizer.csv.tooManyRows', { count: lines.length - (headerIsNumbers ? 0 : 1), max: MAX_ROWS }) };
  for (const [i, name] of columns.entries()) {
    if (!IDENTIFIER.test(name)) return { ok: false, message: t('optimizer.csv.badName', { line: lines[0]!.number, column: i + 1, name }) };
    if (columns.indexOf(name) !== i) return { ok: false, message: t('optimizer.csv.duplicateName', { line: lines[0]!.number, name }) };
  }
  const rows: number[][] = [];
  for (const { line, number } of headerIsNumbers ? lines : lines.slice(1)) {
    const cells = split(line);
    if (cells.length !== columns.length) return { ok: false, message: t('optimizer.csv.wrongCount', { line: number, count: cells.length, expected: columns.length }) };
    const row: number[] = [];
    for (const [i, cell] of cells.entries()) {
      const value = parseNumber(cell);
      if (value === null) return { ok: false, message: t('optimizer.csv.notNumber', { line: number, column: columns[i]!, text: cell }) };
      row.push(value);
    }
    rows.push(row);
  }
  return { ok: true, columns, rows };
}
