import type { LayerIssueCode } from '../issues';
import type { NetworkSpec } from '../spec';
import type { CodeError, CodeProblemCode } from './python-syntax';

export type { CodeError, CodeProblemCode };

/** All or nothing: a whole spec, or every problem found with its line. */
export type ImportResult =
  | { ok: true; spec: NetworkSpec; /** False when the input shape was not in the code and the default was used. */ inputFromCode: boolean }
  | { ok: false; errors: CodeError[] };

/** What an export could not express (Keras: zero-padded pooling, ceil_mode, ...), as a code with values; `message` is the English. */
export type ExportNoteCode = 'pool_zero_padding' | 'transpose_padding' | 'ceil_mode' | 'pool_dilation' | 'adaptive_avg_pool' | 'running_statistics' | 'softmax_dim' | 'flatten_order' | 'linear_on_map';

export interface ExportNote {
  code: ExportNoteCode;
  values: Readonly<Record<string, string | number>>;
  message: string;
}

export function exportNote(code: ExportNoteCode, values: Readonly<Record<string, string | number>>, message: string): ExportNote {
  return { code, values, message };
}

/**
 * Exported text, with notes on what the target cannot express (`notes` the English, `noteMessages`
 * the same notes as codes with values, shared/messages/code-problems phrases them); or why nothing was written.
 */
export type ExportResult =
  | { ok: true; text: string; notes: string[]; noteMessages: ExportNote[] }
  | {
      ok: false;
      message: string;
      /**
       * The PyTorch and Keras exports refuse a network that does not compute: the first issue
       * (a layer issue with its code, or only a layer number and the English) and the format.
       */
      blocked?: { format: 'pytorch' | 'keras'; issue: { code: LayerIssueCode; values: Readonly<Record<string, string | number>>; field?: string; message: string } | { layer: number; message: string } };
    };

export type ImportLanguage = 'pytorch' | 'keras';

/**
 * `importCode`'s answer: the import, with the language the code was read as. That is the
 * language chosen unless the code plainly is the other one (Keras pasted with PyTorch
 * chosen is read as Keras); `looksLike` is what its names say (null when they do not tell).
 */
export type CodeImportResult = ImportResult & { readAs: ImportLanguage; looksLike: ImportLanguage | 'json' | null };
export type ExportFormat = 'pytorch' | 'keras' | 'json' | 'csv' | 'markdown';
