import type { FieldError, OptimizeErrorCode } from '../core/optim/run';
import { enOptimizeErrors } from './en-optimize-errors';
import { faOptimizeErrors } from './fa-optimize-errors';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

export const optimizeErrorBooks: Record<EngineLocale, Phrasebook<OptimizeErrorCode>> = { en: enOptimizeErrors, fa: faOptimizeErrors };

/** An optimizer check (model, params, data, epochs) in `locale`; an error without a code keeps the English `message`. */
export function phraseOptimizeError(locale: EngineLocale, error: Pick<FieldError, 'problem' | 'message'>, write: ValueWriter): string {
  return error.problem ? phrase(optimizeErrorBooks[locale], error.problem, write, error.message) : error.message;
}
