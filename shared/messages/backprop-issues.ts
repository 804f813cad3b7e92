import type { CaseIssue, CaseIssueCode } from '../core/backprop/types';
import { enBackpropIssues } from './en-backprop-issues';
import { faBackpropIssues } from './fa-backprop-issues';
import { phrase, type EngineLocale, type Phrasebook, type ValueWriter } from './phrase';

/** The values that hold the core's describe() text ("nothing", "an array", "\"two\"", "3"). */
const DESCRIBED = ['got'];

export const backpropIssueBooks: Record<EngineLocale, Phrasebook<CaseIssueCode>> = {
  en: { ...enBackpropIssues, described: DESCRIBED, describeValue: (text) => text },
  fa: { ...faBackpropIssues, described: DESCRIBED },
};

/** A backprop case issue as it reaches the app and the CLI: the schema's errors may lack a code (then the English `message` is all there is). */
export interface BackpropIssueMessage {
  path: readonly (string | number)[];
  code?: CaseIssueCode;
  values?: CaseIssue['values'];
  message: string;
}

/** `['input', 0, 2]` → `input[0][2]`; `['pool', 'kernel']` → `pool.kernel` (the core's formatPath: the case's own field names, in every language). */
export function casePath(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/**
 * What is wrong with a field or cell of a backprop case, in `locale`, after its path
 * (`input[0][2]: row has 3 cells, expected 4`), as the schema's message has it; `writePath`
 * writes the path (the renderer isolates it). An issue without a code keeps its English.
 */
export function phraseBackpropIssue(
  locale: EngineLocale,
  issue: BackpropIssueMessage,
  write: ValueWriter,
  writePath: (path: string) => string = (path) => path,
): string {
  if (!issue.code) return issue.message;
  const body = phrase(backpropIssueBooks[locale], { code: issue.code, values: issue.values ?? {} }, write, issue.message);
  return issue.path.length > 0 ? `${writePath(casePath(issue.path))}: ${body}` : body;
}

/** The issue's sentence without its path (for a place that already names the field or cell, such as a cell's tooltip). */
export function phraseBackpropIssueBody(locale: EngineLocale, issue: Pick<CaseIssue, 'code' | 'values' | 'message'>, write: ValueWriter): string {
  return phrase(backpropIssueBooks[locale], issue, write, issue.message);
}
