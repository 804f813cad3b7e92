/**
 * English phrasing of the regression labs' issues (shared/core/regression/issues.ts): word for
 * word `describeRegressionIssue` (a test holds them equal over real refusals of the core). The
 * core's one code with a choice of word ("1 entry", "2 entries") is split by
 * `phraseRegressionIssue` into the forms below; the field is written before the sentence by the
 * caller ("train_size: must be at most 1000, got 5000").
 */
export const enRegressionIssues = {
  codes: {
    required: 'is required',
    wrong_type: 'must be {expected:type}',
    not_integer: 'must be a whole number, got {value}',
    too_small: 'must be at least {min}, got {value}',
    too_large: 'must be at most {max}, got {value}',
    unknown_field: 'unknown field "{name}"',
    unknown_choice: '"{value}" is not one of {choices}',
    domain_order: 'the domain [{low}, {high}] must have its low end first and below the high end',
    /** The parser's English, its "the model" being the formula here; other languages phrase the parser's code. */
    formula_syntax: '{detail}',
    unknown_name: 'the formula reads "{name}" (at character {at}); it may read only x (and the constant pi)',
    truth_not_finite: 'the true function is not a finite number at x = {x}; choose a formula defined on the whole domain',
    duplicate: '{value} is listed twice',
    too_few_one: 'needs at least {min} entry, got {count}',
    too_few: 'needs at least {min} entries, got {count}',
    too_many: 'has at most {max} entries, got {count}',
    length_mismatch: 'has {count} entries; it needs {expected}',
    conflicts_with_datasets: 'is {value} but the explicit datasets give {datasets}; leave it out or make them agree',
    too_much_work: 'makes {work} units of work, at most {max}: use fewer training points or features',
  },
  tables: {
    /** What a wrong_type issue expected. */
    type: {
      number: 'a number',
      integer: 'an integer',
      text: 'a text',
      list: 'a list',
      object: 'an object',
    },
  },
  /** Field and variable names the student typed: written as typed (x1 keeps its digit). */
  names: ['name'],
};

export type RegressionIssueForm = keyof typeof enRegressionIssues.codes;
