import { z } from 'zod';
import { ACTIVATIONS } from '../core/dense/activation';
import { INIT_SCHEMES } from '../core/dense/init';
import { DENSE_LIMITS } from '../core/dense/spec';
import { MAX_SAWTOOTH_DEPTH } from '../core/dense/presets';
import { REGION_LIMITS } from '../core/dense/regions';

/**
 * The saved settings of the two dense labs (issue 12): what a reopened project shows them
 * as. The numbers themselves are recomputed by the core; only what the student chose is kept.
 */

const seed = z.number().int('the seed is a whole number').min(0, 'the seed is at least 0').max(4294967295, 'the seed is at most 4294967295');
const positive = (what: string) => z.number().positive(`${what} is above 0`).finite(`${what} is a finite number`);

/** Largest batch the lab sends (50 layers of 256 units stay inside the engine's memory limit). */
export const GRADIENT_FLOW_MAX_BATCH = 256;
/** Most steps of one "train N steps" run (one full-batch step per epoch). */
export const GRADIENT_FLOW_MAX_STEPS = 500;

export const gradientFlowToolSchema = z.strictObject({
  depth: z.number().int('depth is a whole number').min(1, 'depth is at least 1').max(DENSE_LIMITS.maxDepth, `depth is at most ${DENSE_LIMITS.maxDepth}`),
  width: z.number().int('width is a whole number').min(2, 'width is at least 2').max(DENSE_LIMITS.maxWidth, `width is at most ${DENSE_LIMITS.maxWidth}`),
  activation: z.enum(ACTIVATIONS),
  init: z.enum(INIT_SCHEMES),
  /** `normal`'s std, `uniform`'s a (the other schemes ignore them) */
  std: positive('std').optional(),
  a: positive('a').optional(),
  /** the gain of the Xavier and Kaiming schemes; absent: nn.init.calculate_gain of the activation */
  gain: positive('gain').optional(),
  seed,
  batch: z.number().int('batch is a whole number').min(1, 'batch is at least 1').max(GRADIENT_FLOW_MAX_BATCH, `batch is at most ${GRADIENT_FLOW_MAX_BATCH}`),
  steps: z.number().int('steps is a whole number').min(1, 'steps is at least 1').max(GRADIENT_FLOW_MAX_STEPS, `steps is at most ${GRADIENT_FLOW_MAX_STEPS}`),
  lr: positive('lr'),
  /** the preset last loaded (null once anything changed) */
  preset: z.enum(['sigmoid_xavier', 'tanh_small_init', 'relu_he', 'relu_normal', 'linear_large']).nullable().optional(),
});

export type GradientFlowToolState = z.infer<typeof gradientFlowToolSchema>;

const width2d = z.number().int('a width is a whole number').min(1, 'a width is at least 1').max(REGION_LIMITS.maxWidth2d, `a width is at most ${REGION_LIMITS.maxWidth2d} in 2-D`);
const width1d = z.number().int('a width is a whole number').min(1, 'a width is at least 1').max(DENSE_LIMITS.maxWidth, `a width is at most ${DENSE_LIMITS.maxWidth}`);

export const depthToolSchema = z.strictObject({
  /** 1-D: Telgarsky's sawtooth of depth k, or a drawn ReLU network of these widths */
  oneD: z.strictObject({
    source: z.enum(['sawtooth', 'network']),
    k: z.number().int('k is a whole number').min(1, 'k is at least 1').max(MAX_SAWTOOTH_DEPTH, `k is at most ${MAX_SAWTOOTH_DEPTH}`),
    widths: z.array(width1d).min(1, 'at least one hidden layer').max(8, 'at most 8 hidden layers'),
    lo: z.number().finite('lo is a finite number'),
    hi: z.number().finite('hi is a finite number'),
  }).refine((value) => value.hi > value.lo, { message: 'hi is above lo', path: ['hi'] }),
  twoD: z.strictObject({
    widths: z.array(width2d).min(1, 'at least one hidden layer').max(REGION_LIMITS.maxLayers2d, `at most ${REGION_LIMITS.maxLayers2d} hidden layers in 2-D`),
  }),
  init: z.enum(INIT_SCHEMES),
  seed,
  budget: z.strictObject({
    target: z.enum(['sawtooth', 'formula']),
    k: z.number().int().min(1).max(8, 'k is at most 8 here'),
    formula: z.string().max(200, 'a formula is at most 200 characters'),
    depth: z.number().int().min(1).max(DENSE_LIMITS.maxDepth),
    width: z.number().int().min(1).max(64, 'the deep width is at most 64 here'),
    epochs: z.number().int().min(1).max(5000, 'at most 5000 epochs here'),
    lr: positive('lr'),
  }),
});

export type DepthToolState = z.infer<typeof depthToolSchema>;
