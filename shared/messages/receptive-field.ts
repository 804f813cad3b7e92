import type { ReceptiveFieldErrorCode, ReceptiveFieldFailure, ReceptiveFieldNote, ReceptiveFieldNoteCode } from '../core/receptive/messages';
import { enReceptiveFieldErrors, enReceptiveFieldNotes } from './en-receptive-field';
import { faReceptiveFieldErrors, faReceptiveFieldNotes } from './fa-receptive-field';
import { phraseLayerIssue } from './layer-issues';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const receptiveFieldErrorBooks: Record<EngineLocale, Phrasebook<ReceptiveFieldErrorCode>> = { en: enReceptiveFieldErrors, fa: faReceptiveFieldErrors };
export const receptiveFieldNoteBooks: Record<EngineLocale, Phrasebook<ReceptiveFieldNoteCode>> = { en: enReceptiveFieldNotes, fa: faReceptiveFieldNotes };

/** Why a unit's region or effective field was refused, in `locale`; without a code (an older core) the English `message`. */
export function phraseReceptiveFieldError(locale: EngineLocale, failure: Pick<ReceptiveFieldFailure, 'message'> & Partial<Pick<ReceptiveFieldFailure, 'code' | 'values' | 'issue'>>, write: ValueWriter): string {
  if (failure.code === undefined || failure.values === undefined) return failure.message;
  if (failure.code === 'input_issue') return failure.issue ? phraseLayerIssue(locale, failure.issue, write) : failure.message;
  return phrase(receptiveFieldErrorBooks[locale], { code: failure.code, values: failure.values }, write, failure.message);
}

/** An effective field's notes in `locale`, in order; without `noteMessages` the English `notes`. */
export function phraseReceptiveFieldNotes(locale: EngineLocale, field: { notes: readonly string[]; noteMessages?: readonly ReceptiveFieldNote[] }, write: ValueWriter): string[] {
  if (!field.noteMessages || field.noteMessages.length !== field.notes.length) return [...field.notes];
  return field.noteMessages.map((note, index) => phrase(receptiveFieldNoteBooks[locale], note, write, field.notes[index]));
}
