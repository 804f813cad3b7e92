import { z } from 'zod';
import { BIAS_VARIANCE_LIMITS, DOUBLE_DESCENT_LIMITS, MAX_DEGREE, type BiasVarianceCaseInput, type DoubleDescentCaseInput } from '../core/regression/index';
import type { BiasVarianceExplainRequest, BiasVarianceRequest, DoubleDescentExplainRequest, DoubleDescentRequest } from '../core/regression/index';
import { coded } from './schema-issues';

/**
 * The bias-variance and double-descent cases at the boundary (CLI files, worker payloads):
 * their shape (types, unknown fields, list lengths). Values and limits (train_size at most
 * 1000, a degree at most 15, k at most n, the truth formula, ...) are the core's check
 * (shared/core/regression/case.ts), which reports them as codes with values, so the labs get
 * them as data rather than as a refused request.
 */

const number = (what: string) => z.number(coded('must_be_number', { what }, `${what} must be a number`));
const whole = (what: string) => number(what).int(coded('must_be_whole', { what }, `${what} must be a whole number`));
const entry = (list: string) => z.number(coded('entry_must_be_number', { list }, `each entry of ${list} must be a number`));
const wholeEntry = (list: string) => entry(list).int(coded('entry_must_be_whole', { list }, `each entry of ${list} must be a whole number`));
const atMostEntries = (what: string, max: number) => coded('list_at_most', { what, maximum: max }, `${what} has at most ${max} entries`);
const numbers = (what: string, max: number) => z.array(entry(what), coded('list_of', { what, item: 'numbers' }, `${what} is a list of numbers`)).max(max, atMostEntries(what, max));
const wholes = (what: string, max: number) => z.array(wholeEntry(what), coded('list_of', { what, item: 'wholeNumbers' }, `${what} is a list of whole numbers`)).max(max, atMostEntries(what, max));

const truth = z.string(coded('truth_form_example', {}, 'truth is "sin", "cubic", "step" or a formula in x, e.g. "sin(2*pi*x)"')).max(1000, coded('text_at_most', { what: 'truth', maximum: 1000 }, 'truth is at most 1000 characters'));
const domain = z.tuple([number('domain[0]'), number('domain[1]')], coded('domain_form', {}, 'domain is [low, high]'));

const modelSchema = z.discriminatedUnion(
  'family',
  [
    z.strictObject({ family: z.literal('polynomial'), degrees: wholes('model.degrees', MAX_DEGREE + 1).optional(), ridge: number('model.ridge').optional() }),
    z.strictObject({ family: z.literal('knn'), ks: wholes('model.ks', BIAS_VARIANCE_LIMITS.train_size).optional() }),
  ],
  coded('model_family', {}, 'model.family is polynomial (with degrees and ridge) or knn (with ks)'),
);

export const biasVarianceCaseSchema = z.strictObject({
  truth,
  domain: domain.optional(),
  noise_std: number('noise_std').optional(),
  train_size: whole('train_size').optional(),
  resamples: whole('resamples').optional(),
  test_points: whole('test_points').optional(),
  model: modelSchema,
  seed: whole('seed').optional(),
  datasets: z
    .array(z.strictObject({ x: numbers('x', BIAS_VARIANCE_LIMITS.train_size), y: numbers('y', BIAS_VARIANCE_LIMITS.train_size) }), coded('list_of', { what: 'datasets', item: 'xy' }, 'datasets is a list of {"x": [...], "y": [...]}'))
    .max(BIAS_VARIANCE_LIMITS.resamples, coded('count_at_most', { count: BIAS_VARIANCE_LIMITS.resamples, unit: 'datasets'}, `at most ${BIAS_VARIANCE_LIMITS.resamples} datasets`))
    .optional(),
  test_targets: numbers('test_targets', BIAS_VARIANCE_LIMITS.test_points).optional(),
});

export const doubleDescentCaseSchema = z.strictObject({
  truth,
  domain: domain.optional(),
  noise_std: number('noise_std').optional(),
  train_size: whole('train_size').optional(),
  test_points: whole('test_points').optional(),
  features: wholes('features', DOUBLE_DESCENT_LIMITS.features).optional(),
  ridge: number('ridge').optional(),
  seed: whole('seed').optional(),
});

export const biasVariancePayloadSchema = z.strictObject({ case: biasVarianceCaseSchema, chosen: whole('chosen').optional() });
export const biasVarianceExplainPayloadSchema = z.strictObject({ case: biasVarianceCaseSchema, complexity: whole('complexity'), point: whole('point').optional() });
export const doubleDescentPayloadSchema = z.strictObject({ case: doubleDescentCaseSchema, chosen: whole('chosen').optional() });
export const doubleDescentExplainPayloadSchema = z.strictObject({ case: doubleDescentCaseSchema, features: whole('features'), point: whole('point').optional() });

// What the schemas let through is what the core takes.
type Accepts<Core, Schema> = [Schema] extends [Core] ? true : false;
const cases: [Accepts<BiasVarianceCaseInput, z.output<typeof biasVarianceCaseSchema>>, Accepts<DoubleDescentCaseInput, z.output<typeof doubleDescentCaseSchema>>] = [true, true];
const payloads: [
  Accepts<BiasVarianceRequest, z.output<typeof biasVariancePayloadSchema>>,
  Accepts<BiasVarianceExplainRequest, z.output<typeof biasVarianceExplainPayloadSchema>>,
  Accepts<DoubleDescentRequest, z.output<typeof doubleDescentPayloadSchema>>,
  Accepts<DoubleDescentExplainRequest, z.output<typeof doubleDescentExplainPayloadSchema>>,
] = [true, true, true, true];
void cases;
void payloads;

