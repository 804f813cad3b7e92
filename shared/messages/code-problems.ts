import type { CodeError, CodeProblemCode, ExportNote, ExportNoteCode, ExportResult } from '../core/network/codegen/types';
import { enCodeProblems, enExportFailures, enExportNotes } from './en-code-problems';
import { faCodeProblems, faExportFailures, faExportNotes } from './fa-code-problems';
import { phraseLayerIssue } from './layer-issues';
import { fill, phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** The values that are names (modules, arguments, where in the code, Python identifiers): their digits stay Latin (Conv2d, x1). */
const NAMES = ['module', 'name', 'where', 'callee', 'signature', 'supported', 'argument', 'example', 'language', 'operator', 'operators', 'close', 'character'];

export const codeProblemBooks: Record<EngineLocale, Phrasebook<CodeProblemCode>> = { en: { ...enCodeProblems, names: NAMES }, fa: { ...faCodeProblems, names: NAMES } };
export const exportNoteBooks: Record<EngineLocale, Phrasebook<ExportNoteCode>> = { en: enExportNotes, fa: faExportNotes };

/** A code importer's problem (without its line, which the caller places) in `locale`; a problem without a code keeps the English `message`. */
export function phraseCodeProblem(locale: EngineLocale, problem: Pick<CodeError, 'code' | 'values' | 'message'>, write: ValueWriter): string {
  return problem.code ? phrase(codeProblemBooks[locale], { code: problem.code, values: problem.values ?? {} }, write, problem.message) : problem.message;
}

/** A note of the Keras export (what Keras cannot express) in `locale`. */
export function phraseExportNote(locale: EngineLocale, note: ExportNote, write: ValueWriter): string {
  return phrase(exportNoteBooks[locale], note, write, note.message);
}

export const exportFailureBooks: Record<EngineLocale, Phrasebook<keyof typeof enExportFailures.codes>> = { en: enExportFailures, fa: faExportFailures };

/** Why an export wrote nothing, in `locale`: a refused PyTorch or Keras export with its layer issue phrased; anything else keeps the English. */
export function phraseExportFailure(locale: EngineLocale, failure: Extract<ExportResult, { ok: false }>, write: ValueWriter): string {
  const blocked = failure.blocked;
  if (!blocked) return failure.message;
  const book = exportFailureBooks[locale];
  const { issue } = blocked;
  const problem = 'code' in issue ? phraseLayerIssue(locale, issue, write) : fill(book, book.codes.layer_has_error, { layer: issue.layer }, write);
  // The issue is already phrased: it goes in as it is.
  return fill(book, book.codes[blocked.format === 'keras' ? 'blocked_keras' : 'blocked_pytorch'], { problem }, (value, name, kind) => (name === 'problem' ? String(value) : write(value, name, kind)));
}
