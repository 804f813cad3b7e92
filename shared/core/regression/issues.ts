/**
 * Problems with a bias-variance or double-descent case, as data (the network's LayerIssue
 * pattern): a field path, a code and its values, so any language can phrase them. The
 * English phrasing is `describeRegressionIssue`, the one place English text is made;
 * `message` carries it for the CLI and for callers without a catalog.
 */
export type RegressionIssueCode =
  /** The field is missing. */
  | 'required'
  /** `expected`: number, integer, text, list, object. */
  | 'wrong_type'
  /** `value`: a number with a fraction where a whole number is needed. */
  | 'not_integer'
  /** `min`, `value` */
  | 'too_small'
  /** `max`, `value` */
  | 'too_large'
  /** `name`: a field the format does not have (a typo is named, not ignored). */
  | 'unknown_field'
  /** `value`, `choices` (comma-separated). */
  | 'unknown_choice'
  /** `low`, `high`: the domain's ends are not increasing. */
  | 'domain_order'
  /** The truth formula does not parse: `position` (0-based), `reason` (a ParseErrorCode) and its values; `detail` the English. */
  | 'formula_syntax'
  /** `name`, `position`: the formula reads a name other than x and pi. */
  | 'unknown_name'
  /** `x`: the truth is not a finite number there (log(x) at 0, 1/x at 0). */
  | 'truth_not_finite'
  /** `value`: the list names it twice. */
  | 'duplicate'
  /** `min`, `count`: the list is too short. */
  | 'too_few'
  /** `max`, `count`: the list is too long. */
  | 'too_many'
  /** `expected`, `count`: a list whose length must match another. */
  | 'length_mismatch'
  /** `value`, `datasets`: train_size or resamples disagrees with the explicit datasets. */
  | 'conflicts_with_datasets'
  /** `work`, `max`: the run would take too long (double descent: sum over p of n * p * min(n, p)). */
  | 'too_much_work';

export interface RegressionIssue {
  /** Path of the field as written in the case: `train_size`, `model.degrees[2]`, `datasets[1].y[4]`, `truth`. */
  field: string;
  code: RegressionIssueCode;
  values: Record<string, string | number>;
  /** English (describeRegressionIssue), without the field. */
  message: string;
}

export function regressionIssue(field: string, code: RegressionIssueCode, values: Record<string, string | number> = {}): RegressionIssue {
  return { field, code, values, message: describeRegressionIssue({ code, values }) };
}

/** The English sentence for an issue (the field is printed before it: "train_size: ..."). */
export function describeRegressionIssue(issue: { code: RegressionIssueCode; values: Readonly<Record<string, string | number>> }): string {
  const v = issue.values;
  switch (issue.code) {
    case 'required':
      return 'is required';
    case 'wrong_type':
      return `must be ${article(String(v.expected))} ${v.expected}`;
    case 'not_integer':
      return `must be a whole number, got ${v.value}`;
    case 'too_small':
      return `must be at least ${v.min}, got ${v.value}`;
    case 'too_large':
      return `must be at most ${v.max}, got ${v.value}`;
    case 'unknown_field':
      return `unknown field "${v.name}"`;
    case 'unknown_choice':
      return `"${v.value}" is not one of ${v.choices}`;
    case 'domain_order':
      return `the domain [${v.low}, ${v.high}] must have its low end first and below the high end`;
    case 'formula_syntax':
      // The parser words its messages for "the model"; here the formula is the truth.
      return String(v.detail).replace(/\bthe model\b/g, 'the formula');
    case 'unknown_name':
      return `the formula reads "${v.name}" (at character ${Number(v.position) + 1}); it may read only x (and the constant pi)`;
    case 'truth_not_finite':
      return `the true function is not a finite number at x = ${v.x}; choose a formula defined on the whole domain`;
    case 'duplicate':
      return `${v.value} is listed twice`;
    case 'too_few':
      return `needs at least ${v.min} ${Number(v.min) === 1 ? 'entry' : 'entries'}, got ${v.count}`;
    case 'too_many':
      return `has at most ${v.max} entries, got ${v.count}`;
    case 'length_mismatch':
      return `has ${v.count} entries; it needs ${v.expected}`;
    case 'conflicts_with_datasets':
      return `is ${v.value} but the explicit datasets give ${v.datasets}; leave it out or make them agree`;
    case 'too_much_work':
      return `makes ${v.work} units of work, at most ${v.max}: use fewer training points or features`;
  }
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** "train_size: must be at most 1000, got 5000" */
export function formatRegressionIssue(issue: RegressionIssue): string {
  return issue.field ? `${issue.field}: ${issue.message}` : issue.message;
}
