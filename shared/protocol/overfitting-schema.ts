import { z } from 'zod';
import { ACTIVATIONS } from '../core/dense/activation';
import { DATASET_KINDS } from '../core/overfitting/datasets';
import { TRUTH_PRESETS } from '../core/regression/truth';
import { coded } from './schema-issues';

/**
 * The overfitting lab's settings as saved in a project (shared/project/tools.ts): the data
 * set, the network, the run, and each remedy as a switch with its own setting (a switched-off
 * remedy keeps its value, so switching it back on restores it). The view turns these into the
 * core's `overfittingLab` document; the core checks that document again.
 */
const widthsSchema = z
  .array(z.number().int().min(1, coded('is_at_least', { what: 'a width', minimum: 1 }, 'a width is at least 1')).max(128, coded('is_at_most', { what: 'a width', maximum: 128}, 'a width is at most 128')))
  .min(1, coded('at_least_one', { unit: 'hiddenLayer' }, 'at least one hidden layer'))
  .max(4, coded('count_at_most', { count: 4, unit: 'hiddenLayers'}, 'at most 4 hidden layers'));

const switchOf = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ on: z.boolean(), ...shape });

export const overfittingToolSchema = z.strictObject({
  dataset: z.enum(DATASET_KINDS),
  /** regression: the true function */
  truth: z.enum(TRUTH_PRESETS),
  noise: z.number().min(0, coded('is_at_least', { what: 'noise', minimum: 0 }, 'noise is at least 0')).max(2, coded('is_at_most', { what: 'noise', maximum: 2}, 'noise is at most 2')),
  samples: z.number().int().min(10, coded('count_at_least', { count: 10, unit: 'points' }, 'at least 10 points')).max(1000, coded('count_at_most', { count: '1,000', unit: 'points'}, 'at most 1,000 points')),
  validation: z
    .number()
    .min(0.1, coded('is_at_least', { what: 'the validation share', minimum: 0.1 }, 'the validation share is at least 0.1'))
    .max(0.9, coded('is_at_most', { what: 'the validation share', maximum: 0.9}, 'the validation share is at most 0.9')),
  seed: z.number().int().min(0).max(4294967295),
  widths: widthsSchema,
  activation: z.enum(ACTIVATIONS),
  epochs: z.number().int().min(10, coded('count_at_least', { count: 10, unit: 'epochs' }, 'at least 10 epochs')).max(5000, coded('count_at_most', { count: '5,000', unit: 'epochs'}, 'at most 5,000 epochs')),
  lr: z.number().gt(0, coded('is_above', { what: 'the learning rate', minimum: 0 }, 'the learning rate is above 0')).max(1, coded('is_at_most', { what: 'the learning rate', maximum: 1}, 'the learning rate is at most 1')),
  remedies: z.strictObject({
    dropout: switchOf({ rate: z.number().min(0.05).max(0.9) }),
    weightDecay: switchOf({ value: z.number().gt(0).max(1) }),
    earlyStopping: switchOf({ patience: z.number().int().min(1).max(1000) }),
    smaller: switchOf({ widths: widthsSchema }),
    moreData: switchOf({ samples: z.number().int().min(1).max(2000) }),
  }),
});

export type OverfittingToolState = z.output<typeof overfittingToolSchema>;

/** A first lab that overfits within its epochs: a 2-32-32-2 network on 30 noisy moons, validated on 30 more. */
export const DEFAULT_OVERFITTING_TOOL: OverfittingToolState = {
  dataset: 'moons',
  truth: 'sin',
  noise: 0.3,
  samples: 60,
  validation: 0.5,
  seed: 1,
  widths: [32, 32],
  activation: 'relu',
  epochs: 600,
  lr: 0.01,
  remedies: {
    dropout: { on: false, rate: 0.3 },
    weightDecay: { on: false, value: 0.01 },
    earlyStopping: { on: false, patience: 50 },
    smaller: { on: false, widths: [4] },
    moreData: { on: false, samples: 200 },
  },
};
