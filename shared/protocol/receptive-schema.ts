import { z } from 'zod';
import { networkSpecSchema } from './network-schema';

const cell = (name: string) => z.number({ error: `${name} must be a number` }).int(`${name} must be a whole number`).min(0, `${name} must be 0 or more`);

/** Payload of `unitRegion`: which unit (layer 0 is the input). */
export const unitRegionPayloadSchema = z.strictObject({
  spec: networkSpecSchema,
  layer: cell('layer'),
  y: cell('y'),
  x: cell('x'),
});

/** Payload of `effectiveReceptiveField` (see shared/core/receptive/effective-field.ts for the choices). */
export const effectiveFieldPayloadSchema = z.strictObject({
  spec: networkSpecSchema,
  layer: cell('layer').min(1, 'layer must be 1 or more (the input has no receptive field)'),
  y: cell('y'),
  x: cell('x'),
  channel: cell('channel').optional(),
  weights: z.enum(['uniform', 'random'], { error: 'weights must be "uniform" or "random"' }),
  activations: z.boolean({ error: 'activations must be true or false' }),
  seed: z.number().int('seed must be a whole number').min(0, 'seed must be 0 or more').max(2 ** 32 - 1, 'seed must be below 2^32').optional(),
  maxChannels: z.number().int('maxChannels must be a whole number').min(1, 'maxChannels must be 1 or more').max(64, 'maxChannels must be at most 64').optional(),
  /** The forward pass's input, C x H x W numbers (the core checks the count against the network's input). */
  input: z
    .array(z.number({ error: 'input values must be numbers' }).finite('input values must be finite numbers'), { error: 'input must be a list of numbers (C x H x W)' })
    .max(3 * 1024 * 1024, 'input must have at most 3 x 1024 x 1024 numbers')
    .optional(),
});
