import type { CodedIssue, SchemaIssue, SchemaIssueCode } from '../protocol/schema-issues';
import { phraseBackpropIssue } from './backprop-issues';
import { phraseDenseIssue } from './dense-issues';
import { enSchemaIssues } from './en-schema-issues';
import { faSchemaIssues } from './fa-schema-issues';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** The core's describeValue text of a layer's unknown `type`. */
const DESCRIBED = ['got'];

export const schemaIssueBooks: Record<EngineLocale, Phrasebook<SchemaIssueCode>> = {
  en: { ...enSchemaIssues, described: DESCRIBED, describeValue: (text) => text },
  fa: { ...faSchemaIssues, described: DESCRIBED },
};

/**
 * Values that are names or the file's own text (field names, paths, layer type ids, JSON
 * values, the list of valid types): written as typed, digits and all, in every language.
 */
const AS_TYPED = new Set(['what', 'list', 'other', 'field', 'fields', 'keys', 'type', 'valid', 'value', 'options', 'expected', 'received', 'origin']);

/** A schema issue as data, with the English the schema wrote. */
export type SchemaIssueMessage = Pick<SchemaIssue, 'message' | 'coded'>;

/**
 * A refusal at the boundary in `locale`, as the schema's `message` has it (a check's own
 * message naming its field, zod's words without the path); `writeName` writes a name or the
 * file's own text (the renderer isolates it). A refusal without data keeps its English.
 */
export function phraseSchemaIssue(locale: EngineLocale, issue: SchemaIssueMessage, write: ValueWriter, writeName: (text: string) => string = (text) => text): string {
  const data: CodedIssue | undefined = issue.coded;
  if (!data) return issue.message;
  switch (data.family) {
    case 'backprop':
      return phraseBackpropIssue(locale, { path: data.path, code: data.code, values: data.values, message: issue.message }, write, writeName);
    case 'dense': {
      const sentence = phraseDenseIssue(locale, data.issue, write);
      return data.issue.field ? `${writeName(data.issue.field)}: ${sentence}` : sentence;
    }
    case 'schema': {
      return phrase(schemaIssueBooks[locale], data, (value, name) => (AS_TYPED.has(name) ? writeName(String(value)) : write(value, name)), issue.message);
    }
  }
}

/** The separator of several refusals in one sentence ("; ", Persian "؛ "). */
export const SCHEMA_ISSUE_SEPARATOR: Record<EngineLocale, string> = { en: '; ', fa: '؛ ' };
