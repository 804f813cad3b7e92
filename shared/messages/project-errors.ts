import type { ProjectError, ProjectErrorCode } from '../project/project';
import { enProjectErrors } from './en-project-errors';
import { faProjectErrors } from './fa-project-errors';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const projectErrorBooks: Record<EngineLocale, Phrasebook<ProjectErrorCode>> = { en: enProjectErrors, fa: faProjectErrors };

/** Why a project file did not open, in `locale`; an unknown code keeps the English. */
export function phraseProjectError(locale: EngineLocale, error: Pick<ProjectError, 'code' | 'values' | 'message'>, write: ValueWriter): string {
  return phrase(projectErrorBooks[locale], error, write, error.message);
}
