import { describeValue } from '../format';
import type { NetworkSpec } from '../spec';
import { detectCodeLanguage } from './detect';
import { codeError } from './python-syntax';
import { exportKeras, importKeras } from './keras';
import { exportPytorch, importPytorch } from './pytorch';
import { tableCsv, tableMarkdown } from './table';
import type { CodeImportResult, ExportFormat, ExportResult, ImportLanguage, ImportResult } from './types';
import { reportCaughtError } from '../../internal-error';

export type { CodeError, CodeProblemCode, CodeImportResult, ExportFormat, ExportNote, ExportNoteCode, ExportResult, ImportLanguage, ImportResult } from './types';
export { detectCodeLanguage } from './detect';
export { importPytorch, exportPytorch, PYTORCH_MODULES } from './pytorch';
export { importKeras, exportKeras } from './keras';
export { tableCsv, tableMarkdown } from './table';

function importAs(language: ImportLanguage, source: string, defaultInput: readonly number[]): ImportResult {
  return language === 'keras' ? importKeras(source, defaultInput) : importPytorch(source, defaultInput);
}

const LANGUAGE_NAMES: Record<ImportLanguage | 'json', string> = { pytorch: 'PyTorch', keras: 'Keras', json: 'a JSON network spec' };

/**
 * Reads model code; `defaultInput` is used when the code does not state the input shape.
 * Code whose names say it is the other language (Keras pasted with PyTorch chosen) is read
 * as that language; if that fails and the chosen language reads it, the chosen one wins.
 * Never throws.
 */
export function importCode(language: ImportLanguage, source: string, defaultInput: readonly number[]): CodeImportResult {
  const chosen: ImportLanguage = language === 'keras' ? 'keras' : 'pytorch';
  if (typeof source !== 'string') return { ok: false, errors: [codeError({ line: 1, column: 1 }, 'not_text', {}, 'the code must be text')], readAs: chosen, looksLike: null };
  const looksLike = detectCodeLanguage(source);
  if (looksLike === 'json') {
    const message = `this looks like ${LANGUAGE_NAMES.json}, not ${LANGUAGE_NAMES[chosen]} code; choose JSON to import it`;
    return { ok: false, errors: [codeError({ line: 1, column: 1 }, 'looks_like_json', { language: LANGUAGE_NAMES[chosen] }, message)], readAs: chosen, looksLike };
  }
  if (looksLike === null || looksLike === chosen) return { ...importAs(chosen, source, defaultInput), readAs: chosen, looksLike };
  const detected = importAs(looksLike, source, defaultInput);
  if (detected.ok) return { ...detected, readAs: looksLike, looksLike };
  const asChosen = importAs(chosen, source, defaultInput);
  return asChosen.ok ? { ...asChosen, readAs: chosen, looksLike } : { ...detected, readAs: looksLike, looksLike };
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
        return { ok: true, text: JSON.stringify({ input: spec.input, layers: spec.layers }, null, 2) + '\n', notes: [], noteMessages: [] };
      case 'csv':
        return { ok: true, text: tableCsv(spec), notes: [], noteMessages: [] };
      case 'markdown':
        return { ok: true, text: tableMarkdown(spec), notes: [], noteMessages: [] };
    }
  } catch (error) {
    reportCaughtError('exportNetwork', error);
    return { ok: false, message: `the network could not be exported (${error instanceof Error ? error.message : String(error)})` };
  }
  return { ok: false, message: `unknown export format ${describeValue(format)}` };
}
