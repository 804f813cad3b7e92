import type { ProjectError, ProjectErrorCode } from '../project/project';
import type { SchemaIssue } from '../protocol/schema-issues';
import { enProjectErrors } from './en-project-errors';
import { faProjectErrors } from './fa-project-errors';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';
import { phraseSchemaIssue, SCHEMA_ISSUE_SEPARATOR } from './schema-issues';

export const projectErrorBooks: Record<EngineLocale, Phrasebook<ProjectErrorCode>> = { en: enProjectErrors, fa: faProjectErrors };

/** One refused value of a file's content in `locale`: as project.ts's projectDetailPart writes it (zod's words after the field's path, a check's own message as it is). */
function detailPart(locale: EngineLocale, issue: SchemaIssue, write: ValueWriter, writeName: (text: string) => string): string {
  const sentence = phraseSchemaIssue(locale, issue, write, writeName);
  return issue.path.length > 0 && issue.zodCode !== 'custom' ? `${writeName(issue.path.join('.'))}: ${sentence}` : sentence;
}

/**
 * Why a project file did not open, in `locale`; an unknown code keeps the English. A file
 * refused for its content has each refused value phrased too (`error.issues`), its paths and
 * names written by `writeName` (as typed; the renderer isolates them).
 */
export function phraseProjectError(
  locale: EngineLocale,
  error: Pick<ProjectError, 'code' | 'values' | 'message' | 'issues'>,
  write: ValueWriter,
  writeName: (text: string) => string = (text) => text,
): string {
  const issues = error.values['reason'] === 'schema' ? error.issues : undefined;
  if (!issues || issues.length === 0) return phrase(projectErrorBooks[locale], error, write, error.message);
  const detail = issues.map((issue) => detailPart(locale, issue, write, writeName)).join(SCHEMA_ISSUE_SEPARATOR[locale]);
  return phrase(projectErrorBooks[locale], error, (value, name) => (name === 'detail' ? detail : write(value, name)), error.message);
}
