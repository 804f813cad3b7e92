import type { z } from 'zod';
import type { CaseIssue, CaseIssueCode } from '../core/backprop/types';
import type { DenseIssue } from '../core/dense/issues';

/**
 * The boundary's refusals as data (issue 11): every schema keeps its English `message` and
 * names what it refused with a code and values, so shared/messages/schema-issues.ts phrases it
 * in each language (a test holds the English phrasebook word for word equal to the messages).
 * Three sources: zod's own English for a check without a message of ours (mapped from zod's
 * issue code and fields), the schemas' own sentences (`coded` below), and the network spec's
 * structure (parseNetworkSpec).
 */
export const SCHEMA_ISSUE_CODES = [
  // zod's own English (its en locale), for a check that has no message of ours (the kinds our schemas can meet)
  'zod_invalid_type',
  'zod_invalid_option',
  'zod_too_small',
  'zod_too_big',
  'zod_too_big_size',
  'zod_unrecognized_keys',
  // the schemas' own sentences
  'is_at_least',
  'must_be_at_least',
  'is_above',
  'is_at_most',
  'is_at_most_scoped',
  'is_whole',
  'must_be_whole',
  'must_be_number',
  'entry_must_be_number',
  'entry_must_be_whole',
  'at_least_one',
  'count_at_least',
  'count_at_most',
  'count_at_most_scoped',
  'text_at_most',
  'text_must_be_at_most',
  'text_longer_than',
  'must_not_be_empty',
  'list_of',
  'list_at_most',
  'is_boolean',
  'is_above_field',
  'truth_form',
  'truth_form_example',
  'domain_form',
  'domain_order',
  'model_family',
  'family_form',
  'unknown_fields',
  // a network spec's structure (parseNetworkSpec)
  'spec_not_object',
  'spec_unknown_fields',
  'spec_input',
  'spec_layers_not_array',
  'spec_too_many_layers',
  'layer_not_object',
  'layer_unknown_type',
  'layer_field_required',
  'layer_unknown_fields',
  'layer_field_type',
  'layer_field_pair',
] as const;
export type SchemaIssueCode = (typeof SCHEMA_ISSUE_CODES)[number];

export type SchemaValues = Readonly<Record<string, string | number>>;

/** What a refusal says, as data: a schema issue of this family, a backprop case issue, or a dense-engine issue. */
export type CodedIssue =
  | { family: 'schema'; code: SchemaIssueCode; values: SchemaValues }
  | { family: 'backprop'; code: CaseIssueCode; values: CaseIssue['values']; /** the case's own path (`input[0][2]`) */ path: (string | number)[] }
  | { family: 'dense'; issue: DenseIssue };

/** One refused value: where (zod's path), the English `message` as zod reports it, and, when known, what it says as data. */
export interface SchemaIssue {
  path: (string | number)[];
  /** zod's issue code (`custom` for a check that writes its own message, which already names its field). */
  zodCode: string;
  message: string;
  coded?: CodedIssue;
}

/** Messages of the schemas' own checks → their code and values (filled as the schemas are built). */
const CODED = new Map<string, { code: SchemaIssueCode; values: SchemaValues }>();

/**
 * The error option of a zod check with our own English `message`, remembered with its code and
 * values: `z.number().min(0, coded('is_at_least', { what: 'noise', minimum: 0 }, 'noise is at least 0'))`.
 * (zod hands a check's issue only its message, so the message is the key back to the data.)
 */
export function coded(code: SchemaIssueCode, values: SchemaValues, message: string): { error: string } {
  if (!CODED.has(message)) CODED.set(message, { code, values });
  return { error: message };
}

/** zod's way of writing a value in its own messages (util.stringifyPrimitive). */
function zodValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string') return `"${value}"`;
  return String(value);
}

const SIZED: Readonly<Record<string, string>> = { string: 'characters', file: 'bytes', array: 'items', set: 'items', map: 'entries' };
const INVALID_TYPE = /^Invalid input: expected (\S+), received (\S+)$/;
const RELATION: Readonly<Record<string, string>> = { exactly: 'exactly ', at_least: '>=', above: '>', at_most: '<=', below: '<' };

type Coded = { code: SchemaIssueCode; values: SchemaValues };

/** zod's own English (its en locale) as code + values, with the sentence zod writes for them. */
function zodDefaultOf(issue: z.core.$ZodIssue): (Coded & { english: string }) | undefined {
  switch (issue.code) {
    case 'invalid_type': {
      const match = INVALID_TYPE.exec(issue.message);
      return match ? { code: 'zod_invalid_type', values: { expected: match[1]!, received: match[2]! }, english: issue.message } : undefined;
    }
    case 'invalid_value': {
      if (issue.values.length < 2) return undefined;
      const options = issue.values.map(zodValue).join('|');
      return { code: 'zod_invalid_option', values: { options }, english: `Invalid option: expected one of ${options}` };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const relation = issue.exact ? 'exactly' : issue.inclusive ? (small ? 'at_least' : 'at_most') : small ? 'above' : 'below';
      const origin = issue.origin ?? 'value';
      const limit = String(small ? issue.minimum : issue.maximum);
      const unit = SIZED[origin];
      const head = `Too ${small ? 'small' : 'big'}: expected ${origin} to`;
      if (small) return unit ? undefined : { code: 'zod_too_small', values: { origin, relation, minimum: limit }, english: `${head} be ${RELATION[relation]}${limit}` };
      if (unit) return { code: 'zod_too_big_size', values: { origin, relation, maximum: limit, unit }, english: `${head} have ${RELATION[relation]}${limit} ${unit}` };
      return { code: 'zod_too_big', values: { origin, relation, maximum: limit }, english: `${head} be ${RELATION[relation]}${limit}` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.map(zodValue).join(', ');
      const many = issue.keys.length > 1;
      return { code: 'zod_unrecognized_keys', values: { keys, plural: many ? 'many' : 'one' }, english: `Unrecognized key${many ? 's' : ''}: ${keys}` };
    }
    default:
      return undefined;
  }
}

/** zod's own English as code + values; undefined for a message zod did not write (one of ours that is not coded). */
function zodDefault(issue: z.core.$ZodIssue): Coded | undefined {
  const found = zodDefaultOf(issue);
  return found && found.english === issue.message ? { code: found.code, values: found.values } : undefined;
}

/** What a zod issue says as data: a custom issue's `params.coded` (or the backprop case's `caseIssue`), a coded message, or zod's own English. */
export function codedIssueOf(issue: z.core.$ZodIssue): CodedIssue | undefined {
  if (issue.code === 'custom') {
    const params = issue.params as { coded?: CodedIssue; caseIssue?: Pick<CaseIssue, 'code' | 'values' | 'path'> } | undefined;
    if (params?.coded) return params.coded;
    if (params?.caseIssue) return { family: 'backprop', code: params.caseIssue.code, values: params.caseIssue.values, path: params.caseIssue.path ?? [] };
  }
  const known = CODED.get(issue.message);
  if (known) return { family: 'schema', ...known };
  const fromZod = zodDefault(issue);
  return fromZod ? { family: 'schema', ...fromZod } : undefined;
}

/** A zod error's issues as data, each with its English message. */
export function schemaIssuesOf(error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    const data = codedIssueOf(issue);
    return data ? { path, zodCode: issue.code, message: issue.message, coded: data } : { path, zodCode: issue.code, message: issue.message };
  });
}

/**
 * A refusal as the commands' "field: message" lines write it (optimize-schema.ts's
 * describeSchemaErrors): the path as `model.degrees[1]`, unknown keys as `unknown field "x"`.
 */
export function describedIssue(issue: SchemaIssue): { path: string; issue: SchemaIssue } {
  const path = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`)).join('').replace(/^\./, '');
  if (issue.zodCode !== 'unrecognized_keys' || issue.coded?.family !== 'schema') return { path, issue };
  const { keys, plural } = issue.coded.values;
  const message = `unknown field${plural === 'many' ? 's' : ''} ${keys}`;
  return { path, issue: { ...issue, message, coded: { family: 'schema', code: 'unknown_fields', values: { fields: keys!, plural: plural! } } } };
}
