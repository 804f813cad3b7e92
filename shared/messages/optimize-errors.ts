import type { FieldError, OptimizeErrorCode, OptimizeStop, OptimizeStopCode } from '../core/optim/run';
import { enOptimizeStops } from './en-optimize-stops';
import { faOptimizeStops } from './fa-optimize-stops';
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

export const optimizeStopBooks: Record<EngineLocale, Phrasebook<OptimizeStopCode>> = { en: { ...enOptimizeStops, names: ['param'] }, fa: { ...faOptimizeStops, names: ['param'] } };

/** Why an optimizer run stopped early, in `locale`; a stop without a code keeps the English `message`. */
export function phraseOptimizeStop(locale: EngineLocale, stop: Pick<OptimizeStop, 'message'> & Partial<Pick<OptimizeStop, 'code' | 'values'>>, write: ValueWriter): string {
  return stop.code ? phrase(optimizeStopBooks[locale], { code: stop.code, values: stop.values ?? {} }, write, stop.message) : stop.message;
}
