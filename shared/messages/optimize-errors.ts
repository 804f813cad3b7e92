import type { FieldError, OptimizeErrorCode } from '../core/optim/run';
import { enOptimizeErrors } from './en-optimize-errors';
import { faOptimizeErrors } from './fa-optimize-errors';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** The values that are names (columns, parameters, the options of a choice, an axis): their digits stay Latin (x1, not x۱). */
const NAMES = ['column', 'columns', 'target', 'param', 'params', 'name', 'inputs', 'options', 'axis'];

export const optimizeErrorBooks: Record<EngineLocale, Phrasebook<OptimizeErrorCode>> = { en: { ...enOptimizeErrors, names: NAMES }, fa: { ...faOptimizeErrors, names: NAMES } };

/** An optimizer check (model, params, data, epochs) in `locale`; an error without a code keeps the English `message`. */
export function phraseOptimizeError(locale: EngineLocale, error: Pick<FieldError, 'problem' | 'message'>, write: ValueWriter): string {
  return error.problem ? phrase(optimizeErrorBooks[locale], error.problem, write, error.message) : error.message;
}
