import type { NetworkSpec } from '../spec';
import type { CodeError } from './python-syntax';

export type { CodeError };

/** All or nothing: a whole spec, or every problem found with its line. */
export type ImportResult =
  | { ok: true; spec: NetworkSpec; /** False when the input shape was not in the code and the default was used. */ inputFromCode: boolean }
  | { ok: false; errors: CodeError[] };

/** Exported text, with notes on what the target cannot express; or why nothing was written. */
export type ExportResult = { ok: true; text: string; notes: string[] } | { ok: false; message: string };

export type ImportLanguage = 'pytorch' | 'keras';

/**
 * `importCode`'s answer: the import, with the language the code was read as. That is the
 * language chosen unless the code plainly is the other one (Keras pasted with PyTorch
 * chosen is read as Keras); `looksLike` is what its names say (null when they do not tell).
 */
export type CodeImportResult = ImportResult & { readAs: ImportLanguage; looksLike: ImportLanguage | 'json' | null };
export type ExportFormat = 'pytorch' | 'keras' | 'json' | 'csv' | 'markdown';
