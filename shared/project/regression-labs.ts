import { z } from 'zod';
import { BIAS_VARIANCE_LIMITS, DOUBLE_DESCENT_LIMITS, MAX_DEGREE } from '../core/regression/index';
import { coded } from '../protocol/schema-issues';

/**
 * The bias-variance and double-descent labs' settings as saved in a project: what the
 * student set with the sliders, not the core's case (the lab builds the case from them, see
 * src-renderer/lib/state/regression-cases.ts). Bounds are the core's limits; a truth formula
 * is kept as typed (even one that does not parse: nothing typed is lost), the core reads it.
 */

const mustBeNumber = (what: string) => coded('must_be_number', { what }, `${what} must be a number`);
const atLeast = (what: string, minimum: number) => coded('is_at_least', { what, minimum }, `${what} is at least ${minimum}`);
const finite = (what: string) => z.number(mustBeNumber(what)).refine(Number.isFinite, { error: `${what} must be a finite number` });
const whole = (what: string, min: number, max: number) =>
  z
    .number(mustBeNumber(what))
    .int(coded('must_be_whole', { what }, `${what} must be a whole number`))
    .min(min, atLeast(what, min))
    .max(max, coded('is_at_most', { what, maximum: max}, `${what} is at most ${max}`));
const truth = z.string(coded('truth_form', {}, 'truth is "sin", "cubic", "step" or a formula in x')).max(1000, coded('text_at_most', { what: 'truth', maximum: 1000 }, 'truth is at most 1000 characters'));
const domain = z
  .tuple([finite('domain[0]'), finite('domain[1]')], coded('domain_form', {}, 'domain is [low, high]'))
  .refine(([low, high]) => low < high, coded('domain_order', {}, 'domain: the low end must be below the high end'));
const seed = whole('seed', 0, 4294967295);
const nonNegative = (what: string) => finite(what).min(0, atLeast(what, 0));

export const biasVarianceToolSchema = z.strictObject({
  truth,
  domain,
  noise_std: nonNegative('noise_std'),
  train_size: whole('train_size', 1, BIAS_VARIANCE_LIMITS.train_size),
  resamples: whole('resamples', 1, BIAS_VARIANCE_LIMITS.resamples),
  seed,
  family: z.enum(['polynomial', 'knn'], coded('family_form', {}, 'family is polynomial or knn')),
  /** The polynomial degree shown (the fan, the mark on the U-curve). */
  degree: whole('degree', 0, MAX_DEGREE),
  /** Ridge lambda of the polynomial fits (0: plain least squares). */
  ridge: nonNegative('ridge'),
  /** The k shown for k-NN (at most train_size; the lab clamps it). */
  k: whole('k', 1, BIAS_VARIANCE_LIMITS.train_size),
});

export type BiasVarianceToolState = z.infer<typeof biasVarianceToolSchema>;

export const doubleDescentToolSchema = z.strictObject({
  truth,
  domain,
  noise_std: nonNegative('noise_std'),
  train_size: whole('train_size', 1, DOUBLE_DESCENT_LIMITS.train_size),
  /** P: the fits use p = 1..P random features. */
  max_features: whole('max_features', 1, DOUBLE_DESCENT_LIMITS.features),
  seed,
  /** The ridge switch: off fits the minimum-norm solution, on adds ridge * ||c||^2. */
  ridge_on: z.boolean(coded('is_boolean', { what: 'ridge_on' }, 'ridge_on is true or false')),
  ridge: nonNegative('ridge'),
  /** The p whose fit is drawn (at most max_features; the lab clamps it). */
  chosen: whole('chosen', 1, DOUBLE_DESCENT_LIMITS.features),
});

export type DoubleDescentToolState = z.infer<typeof doubleDescentToolSchema>;
