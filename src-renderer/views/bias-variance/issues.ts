import type { RegressionIssue } from '../../../shared/core/regression/index';
import { t, type MessageKey } from '../../lib/i18n';

type IssueKey = Extract<MessageKey, `lab.issue.${string}`>;
const phrase = t as unknown as (key: IssueKey, params: Record<string, string | number>) => string;

/**
 * A regression issue in the current language: the core sends a code, the field and values
 * (shared/core/regression/issues.ts), and each language phrases them; positions are shown
 * 1-based, as a person counts characters. A parser's own reason (`detail`) is still English.
 */
export function describeLabIssue(issue: RegressionIssue): string {
  const values: Record<string, string | number> = { ...issue.values, field: issue.field };
  if (typeof values.position === 'number') values.position += 1;
  return phrase(`lab.issue.${issue.code}`, values);
}
