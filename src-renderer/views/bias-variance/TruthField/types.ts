import type { RegressionIssue } from '../../../../shared/core/regression/index';

/** The true function of a regression lab: a preset or a typed formula, with the core's issues about it at the field. */
export interface TruthFieldProps {
  /** "sin", "cubic", "step" or the formula as typed. */
  truth: string;
  /** The core's issues with field `truth` (a formula that does not parse, a name it may not read, not finite). */
  issues: readonly RegressionIssue[];
  /** The formula the core read, to start editing from when switching to "a formula of my own". */
  readText: string | null;
  onChange: (truth: string) => void;
  /** data-testid prefix: `${testid}-choice`, `${testid}-formula`, `${testid}-error`. */
  testid: string;
}
