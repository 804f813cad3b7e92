import { describeValue } from '../format';
import type { NetworkSpec } from '../spec';
import { exportKeras, importKeras } from './keras';
import { exportPytorch, importPytorch } from './pytorch';
import { tableCsv, tableMarkdown } from './table';
import type { ExportFormat, ExportResult, ImportLanguage, ImportResult } from './types';
import { reportCaughtError } from '../../internal-error';

export type { CodeError, ExportFormat, ExportResult, ImportLanguage, ImportResult } from './types';
export { importPytorch, exportPytorch, PYTORCH_MODULES } from './pytorch';
export { importKeras, exportKeras } from './keras';
export { tableCsv, tableMarkdown } from './table';

/** Reads model code; `defaultInput` is used when the code does not state the input shape. Never throws. */
export function importCode(language: ImportLanguage, source: string, defaultInput: readonly number[]): ImportResult {
  if (typeof source !== 'string') return { ok: false, errors: [{ line: 1, column: 1, message: 'the code must be text' }] };
  return language === 'keras' ? importKeras(source, defaultInput) : importPytorch(source, defaultInput);
}

/** The network in one of the export formats. JSON is the spec as the project file holds it. Never throws. */
export function exportNetwork(spec: NetworkSpec, format: ExportFormat): ExportResult {
  try {
    switch (format) {
      case 'pytorch':
        return exportPytorch(spec);
      case 'keras':
        return exportKeras(spec);
      case 'json':
        return { ok: true, text: JSON.stringify({ input: spec.input, layers: spec.layers }, null, 2) + '\n', notes: [] };
      case 'csv':
        return { ok: true, text: tableCsv(spec), notes: [] };
      case 'markdown':
        return { ok: true, text: tableMarkdown(spec), notes: [] };
    }
  } catch (error) {
    reportCaughtError('exportNetwork', error);
    return { ok: false, message: `the network could not be exported (${error instanceof Error ? error.message : String(error)})` };
  }
  return { ok: false, message: `unknown export format ${describeValue(format)}` };
}
