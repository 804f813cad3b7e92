import type { RegressionIssue } from '../../../shared/core/regression/index';
import { regressionIssueText } from '../../lib/i18n/engine-messages';

/**
 * A regression issue in the current language: the core sends the field, a code and values
 * (shared/core/regression/issues.ts) and shared/messages phrases them, a formula that does not
 * parse from the parser's own code, with where it is. An issue of the truth formula is shown
 * at its field, so it is not named again; any other issue says its field first (`train_size: …`).
 */
export function describeLabIssue(issue: RegressionIssue): string {
  return regressionIssueText(issue, issue.field !== 'truth');
}
