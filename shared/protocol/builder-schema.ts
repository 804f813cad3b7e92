import { z } from 'zod';
import { MAX_LAYERS, networkSpecSchema } from './network-schema';
import { coded } from './schema-issues';

/**
 * Payloads of the network builder's core calls (answer check, settings solver, code import
 * and export), validated at the worker boundary like `summarize`.
 */

const answerText = z.string().max(200, coded('text_at_most', { what: 'an answer', maximum: 200 }, 'an answer is at most 200 characters')).optional();

/**
 * The typed answers as the project file keeps them (`answersSchema` in shared/project/tools.ts,
 * which may import this layer but not the reverse); extra members are ignored here.
 */
const typedAnswersSchema = z.object({
  layers: z.array(z.object({ output: answerText, params: answerText, rf: answerText }).nullable()).max(MAX_LAYERS),
});

export const checkAnswersPayloadSchema = z.object({ spec: networkSpecSchema, answers: typedAnswersSchema });

const solveLimit = (name: string) => z.number().int(coded('must_be_whole', { what: name }, `${name} must be a whole number`)).min(0).max(64, coded('is_at_most', { what: name, maximum: 64}, `${name} is at most 64`)).optional();

export const solveSettingsPayloadSchema = z.object({
  input: z.number().int(coded('must_be_whole', { what: 'the input size' }, 'the input size must be a whole number')).min(1).max(1_000_000),
  output: z.number().int(coded('must_be_whole', { what: 'the output size' }, 'the output size must be a whole number')).min(1).max(1_000_000),
  maxKernel: solveLimit('maxKernel'),
  maxStride: solveLimit('maxStride'),
  maxPadding: solveLimit('maxPadding'),
  maxDilation: solveLimit('maxDilation'),
});

/** Code is capped like a project file's text: a pasted model is a few kilobytes. */
export const importCodePayloadSchema = z.object({
  language: z.enum(['pytorch', 'keras']),
  source: z.string().max(1_000_000, coded('text_longer_than', { what: 'the code', maximum: '1,000,000' }, 'the code is longer than 1,000,000 characters')),
  defaultInput: z.array(z.number()).max(8),
});

export const exportNetworkPayloadSchema = z.object({
  spec: networkSpecSchema,
  format: z.enum(['pytorch', 'keras', 'json', 'csv', 'markdown']),
});
