import { z } from 'zod';
import { ACTIVATIONS } from '../core/dense/activation';
import { INIT_SCHEMES } from '../core/dense/init';
import { DENSE_LIMITS } from '../core/dense/spec';
import { MAX_SAWTOOTH_DEPTH } from '../core/dense/presets';
import { REGION_LIMITS } from '../core/dense/regions';
import { coded } from '../protocol/schema-issues';

/**
 * The saved settings of the two dense labs (issue 12): what a reopened project shows them
 * as. The numbers themselves are recomputed by the core; only what the student chose is kept.
 */

const isWhole = (what: string) => coded('is_whole', { what }, `${what} is a whole number`);
const atLeast = (what: string, minimum: number) => coded('is_at_least', { what, minimum }, `${what} is at least ${minimum}`);
const atMost = (what: string, maximum: number, scope?: 'here' | 'twoD') =>
  scope
    ? coded('is_at_most_scoped', { what, maximum, scope }, `${what} is at most ${maximum}${{ here: ' here', twoD: ' in 2-D' }[scope]}`)
    : coded('is_at_most', { what, maximum }, `${what} is at most ${maximum}`);
/** (zod's number already refuses Infinity and NaN with its own words, so this message is a guard that does not show.) */
const isFinite = (what: string) => `${what} is a finite number`;
const seed = z.number().int(isWhole('the seed')).min(0, atLeast('the seed', 0)).max(4294967295, atMost('the seed', 4294967295));
const positive = (what: string) => z.number().positive(coded('is_above', { what, minimum: 0 }, `${what} is above 0`)).finite(isFinite(what));
const oneHiddenLayer = coded('at_least_one', { unit: 'hiddenLayer' }, 'at least one hidden layer');
const hiddenLayersAtMost = (count: number, scope?: 'twoD') =>
  scope
    ? coded('count_at_most_scoped', { count, unit: 'hiddenLayers', scope }, `at most ${count} hidden layers in 2-D`)
    : coded('count_at_most', { count, unit: 'hiddenLayers' }, `at most ${count} hidden layers`);

/** Largest batch the lab sends (50 layers of 256 units stay inside the engine's memory limit). */
export const GRADIENT_FLOW_MAX_BATCH = 256;
/** Most steps of one "train N steps" run (one full-batch step per epoch). */
export const GRADIENT_FLOW_MAX_STEPS = 500;

export const gradientFlowToolSchema = z.strictObject({
  depth: z.number().int(isWhole('depth')).min(1, atLeast('depth', 1)).max(DENSE_LIMITS.maxDepth, atMost('depth', DENSE_LIMITS.maxDepth)),
  width: z.number().int(isWhole('width')).min(2, atLeast('width', 2)).max(DENSE_LIMITS.maxWidth, atMost('width', DENSE_LIMITS.maxWidth)),
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INIT_SCHEMES),
  /** `normal`'s std, `uniform`'s a (the other schemes ignore them) */
  std: positive('std').optional(),
  a: positive('a').optional(),
  /** the gain of the Xavier and Kaiming schemes; absent: nn.init.calculate_gain of the activation */
  gain: positive('gain').optional(),
  seed,
  batch: z.number().int(isWhole('batch')).min(1, atLeast('batch', 1)).max(GRADIENT_FLOW_MAX_BATCH, atMost('batch', GRADIENT_FLOW_MAX_BATCH)),
  steps: z.number().int(isWhole('steps')).min(1, atLeast('steps', 1)).max(GRADIENT_FLOW_MAX_STEPS, atMost('steps', GRADIENT_FLOW_MAX_STEPS)),
  lr: positive('lr'),
  /** the preset last loaded (null once anything changed) */
  preset: z.enum(['sigmoid_xavier', 'tanh_small_init', 'relu_he', 'relu_normal', 'linear_large']).nullable().optional(),
});

export type GradientFlowToolState = z.infer<typeof gradientFlowToolSchema>;

const width2d = z.number().int(isWhole('a width')).min(1, atLeast('a width', 1)).max(REGION_LIMITS.maxWidth2d, atMost('a width', REGION_LIMITS.maxWidth2d, 'twoD'));
const width1d = z.number().int(isWhole('a width')).min(1, atLeast('a width', 1)).max(DENSE_LIMITS.maxWidth, atMost('a width', DENSE_LIMITS.maxWidth));

export const depthToolSchema = z.strictObject({
  /** 1-D: Telgarsky's sawtooth of depth k, or a drawn ReLU network of these widths */
  oneD: z.strictObject({
    source: z.enum(['sawtooth', 'network']),
    k: z.number().int(isWhole('k')).min(1, atLeast('k', 1)).max(MAX_SAWTOOTH_DEPTH, atMost('k', MAX_SAWTOOTH_DEPTH)),
    widths: z.array(width1d).min(1, oneHiddenLayer).max(8, hiddenLayersAtMost(8)),
    lo: z.number().finite(isFinite('lo')),
    hi: z.number().finite(isFinite('hi')),
  }).refine((value) => value.hi > value.lo, { ...coded('is_above_field', { what: 'hi', other: 'lo' }, 'hi is above lo'), path: ['hi'] }),
  twoD: z.strictObject({
    widths: z.array(width2d).min(1, oneHiddenLayer).max(REGION_LIMITS.maxLayers2d, hiddenLayersAtMost(REGION_LIMITS.maxLayers2d, 'twoD')),
  }),
  init: z.enum(INIT_SCHEMES),
  seed,
  budget: z.strictObject({
    target: z.enum(['sawtooth', 'formula']),
    k: z.number().int().min(1).max(8, atMost('k', 8, 'here')),
    formula: z.string().max(200, coded('text_at_most', { what: 'a formula', maximum: 200 }, 'a formula is at most 200 characters')),
    depth: z.number().int().min(1).max(DENSE_LIMITS.maxDepth),
    width: z.number().int().min(1).max(64, atMost('the deep width', 64, 'here')),
    epochs: z.number().int().min(1).max(5000, coded('count_at_most_scoped', { count: 5000, unit: 'epochs', scope: 'here' }, 'at most 5000 epochs here')),
    lr: positive('lr'),
  }),
});

export type DepthToolState = z.infer<typeof depthToolSchema>;
