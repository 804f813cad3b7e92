import type { z } from 'zod';
import type { DenseFailure } from '../../../shared/core/dense/index';
import { schemaIssuesOf } from '../../../shared/protocol/schema-issues';
import { cliLanguage, type CliLanguage } from '../language';

/** Refusals of a dense document as "field: message" lines (the schema's, which are the core's), in the language `--lang` chose. */
export function schemaErrors(error: z.ZodError, language: CliLanguage = cliLanguage('en')): string[] {
  return schemaIssuesOf(error).map(language.schemaIssue);
}

/** The core's refusals, each after its field, in the language `--lang` chose (English: formatDenseIssue's words). */
export function failureErrors(failure: DenseFailure, language: CliLanguage = cliLanguage('en')): string[] {
  return failure.issues.map(language.denseIssue);
}

/** A number in a text table: 6 significant digits, exact integers as they are. */
export function shortNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** Columns padded to their widest cell (numbers right-aligned, the first column left). */
export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd()).join('\n');
}
