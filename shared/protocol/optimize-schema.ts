import { z } from 'zod';
import type { OptimizeProblem } from '../core/optim/problem';
import { OPTIMIZER_DEFAULTS, type OptimizerConfig } from '../core/optim/optimizers';

/**
 * The optimizer stepper's document (CLI input, core payload, saved tool state), validated at
 * the boundary. Missing hyperparameters take PyTorch's defaults (torch.optim): SGD lr 0.001;
 * Adagrad lr 0.01, eps 1e-10, initial_accumulator_value 0; RMSprop lr 0.01, alpha 0.99,
 * eps 1e-8; Adam lr 0.001, betas (0.9, 0.999), eps 1e-8. Momentum's beta defaults to 0.9 (the
 * seed's; PyTorch's 0 would be plain SGD). Every optimizer takes `weight_decay` (torch.optim's
 * coupled L2, default 0). Unknown fields are errors, so a typo is named.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_COLUMNS = 20;
export const MAX_ROWS = 10_000;

const finite = (what: string) => z.number({ error: `${what} must be a number` });
const positive = (what: string) => finite(what).positive({ error: `${what} must be greater than 0` });
const unitInterval = (what: string) => finite(what).min(0, { error: `${what} must be at least 0` }).lt(1, { error: `${what} must be less than 1` });
const nonNegative = (what: string) => finite(what).min(0, { error: `${what} must be at least 0` });
const weightDecay = nonNegative('weight_decay').optional();
/** PyTorch's defaults, kept once in the core. */
const D = OPTIMIZER_DEFAULTS;

export const optimizerSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('sgd'), lr: positive('the learning rate lr').default(D.sgd.lr), weight_decay: weightDecay }),
    z.strictObject({
      type: z.literal('momentum'),
      form: z.enum(['delta', 'pytorch'], { error: 'form is "delta" (Delta = beta*Delta + lr*g; w = w - Delta) or "pytorch" (v = beta*v + g; w = w - lr*v)' }).default(D.momentum.form),
      lr: positive('the learning rate lr').default(D.momentum.lr),
      beta: unitInterval('the momentum beta').default(D.momentum.beta),
      nesterov: z.boolean({ error: 'nesterov is true or false' }).default(D.momentum.nesterov),
      weight_decay: weightDecay,
    }),
    z.strictObject({
      type: z.literal('adagrad'),
      lr: positive('the learning rate lr').default(D.adagrad.lr),
      eps: nonNegative('eps').default(D.adagrad.eps),
      initial_accumulator_value: nonNegative('initial_accumulator_value').default(D.adagrad.initial_accumulator_value),
      weight_decay: weightDecay,
    }),
    z.strictObject({
      type: z.literal('rmsprop'),
      lr: positive('the learning rate lr').default(D.rmsprop.lr),
      alpha: unitInterval('alpha').default(D.rmsprop.alpha),
      eps: nonNegative('eps').default(D.rmsprop.eps),
      weight_decay: weightDecay,
    }),
    z.strictObject({
      type: z.literal('adam'),
      lr: positive('the learning rate lr').default(D.adam.lr),
      beta1: unitInterval('beta1').default(D.adam.beta1),
      beta2: unitInterval('beta2').default(D.adam.beta2),
      eps: nonNegative('eps').default(D.adam.eps),
      weight_decay: weightDecay,
    }),
  ],
  { error: 'optimizer.type is one of sgd, momentum, adagrad, rmsprop, adam' },
);

const columnName = z
  .string({ error: 'a column name is text' })
  .regex(IDENTIFIER, { error: 'a column name starts with a letter or _ and has only letters, digits and _ (it is used in the model)' });

export const optimizeProblemSchema = z.strictObject({
  // An empty model is a core error ("the model is empty", at position 0), so a project saved mid-edit still opens.
  model: z.string({ error: 'model is the formula as text, e.g. "a*x1^2 + b"' }).max(1000, { error: 'model is at most 1000 characters' }),
  params: z.record(z.string().regex(IDENTIFIER, { error: 'a parameter name starts with a letter or _' }), finite('an initial parameter value'), { error: 'params maps each parameter to its initial value, e.g. {"a": 1}' }),
  data: z.strictObject({
    columns: z.array(columnName).min(1, { error: 'data.columns needs at least the target column' }).max(MAX_COLUMNS, { error: `at most ${MAX_COLUMNS} columns` }),
    rows: z.array(z.array(finite('a data value')), { error: 'data.rows is a list of rows, each a list of numbers' }).max(MAX_ROWS, { error: `at most ${MAX_ROWS} rows` }),
  }),
  target: columnName,
  loss: z.enum(['squared_error', 'half_squared_error', 'absolute_error'], { error: 'loss is squared_error, half_squared_error or absolute_error' }).default('squared_error'),
  reduction: z.enum(['sum', 'mean'], { error: 'reduction is sum or mean' }).default('mean'),
  optimizer: optimizerSchema,
  mode: z.enum(['online', 'minibatch', 'batch'], { error: 'mode is online, minibatch or batch' }).default('online'),
  batch_size: z.number({ error: 'batch_size must be a number' }).int({ error: 'batch_size must be a whole number' }).min(1, { error: 'batch_size must be at least 1' }).max(MAX_ROWS).default(1),
  epochs: z.number({ error: 'epochs must be a number' }).int({ error: 'epochs must be a whole number' }).min(1, { error: 'epochs must be at least 1' }).max(10_000, { error: 'epochs is at most 10000' }).default(1),
  shuffle: z.boolean({ error: 'shuffle is true or false' }).default(false),
  seed: z.number({ error: 'seed must be a number' }).int({ error: 'seed must be a whole number' }).min(0).max(4294967295).default(0),
});

/** The document as written (defaults optional). */
export type OptimizeProblemInput = z.input<typeof optimizeProblemSchema>;

// The schema's output is exactly the core's problem type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameProblem: Same<z.output<typeof optimizeProblemSchema>, OptimizeProblem> = true;
const sameOptimizer: Same<z.output<typeof optimizerSchema>, OptimizerConfig> = true;
void sameProblem;
void sameOptimizer;

/** Zod issues as "field: message" lines (the field as a path: optimizer.lr, data.rows.1.2). */
export function describeSchemaErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('').replace(/^\./, '');
    const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}` : issue.message;
    return path ? `${path}: ${message}` : message;
  });
}

export const lossSurfaceRequestSchema = z.strictObject({
  problem: optimizeProblemSchema,
  x: z.strictObject({ param: z.string(), min: z.number(), max: z.number() }),
  y: z.strictObject({ param: z.string(), min: z.number(), max: z.number() }),
  resolution: z.number().int().min(2).max(400).optional(),
  at: z.record(z.string(), z.number()).optional(),
});

/** Each optimizer with PyTorch's defaults (what the UI's optimizer menu starts from). */
export const DEFAULT_OPTIMIZERS = OPTIMIZER_DEFAULTS;

/**
 * The optimizer tool's saved state in a project: the problem, a second optimizer to compare
 * on the same problem (null: none), and the two parameters on the contour plot's axes.
 */
export const optimizerToolSchema = z.strictObject({
  problem: optimizeProblemSchema,
  compare: optimizerSchema.nullable().default(null),
  axes: z.tuple([z.string(), z.string()]).nullable().default(null),
});

export type OptimizerToolState = z.output<typeof optimizerToolSchema>;
