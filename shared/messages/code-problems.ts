import type { CodeError, CodeProblemCode, ExportNote, ExportNoteCode } from '../core/network/codegen/types';
import { enCodeProblems, enExportNotes } from './en-code-problems';
import { faCodeProblems, faExportNotes } from './fa-code-problems';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

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
