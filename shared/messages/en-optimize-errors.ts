import type { OptimizeErrorCode } from '../core/optim/run';

/**
 * English phrasing of the optimizer's checks (shared/core/optim: run.ts against the model and
 * data, check-problem.ts the payload's shape, contour.ts the loss surface's request, explain.ts
 * the step to explain): word for word their `message` (a test holds them equal). `got` is the
 * core's describeValue text ("nothing", "an object", "[1, 2]", "\"abc\"").
 */
export const enOptimizeErrors = {
  codes: {
    duplicate_column: 'the column name "{column}" appears twice; each column needs its own name',
    target_not_column: '"{target}" is not a column; the columns are {columns}',
    row_width: 'row {row} has {count} values; it needs {needed} ({columns})',
    no_rows: 'the data has no rows; add at least one sample',
    too_many_params: 'the model has {count} parameters; at most {max}',
    model_reads_target: 'the model reads "{target}", the target column; a model may read only the inputs ({inputs:list}) and parameters',
    missing_param: 'the model has the parameter "{param}"; give its initial value',
    column_as_param: '"{name}" is a data column, not a parameter',
    unknown_param: 'the model has no parameter "{name}"; its parameters are {params:list}',
    nesterov_needs_pytorch_form: 'Nesterov momentum is given in PyTorch\'s form: set "form": "pytorch", or "nesterov": false',
    too_many_steps: '{epochs} epochs make {steps} steps; at most {max} (here at most {max_epochs} epochs)',
    too_much_work: '{epochs} epochs over {rows} rows is too much work; at most {max} sample evaluations',
    problem_not_object: 'the problem must be an object with model, params, data, target and optimizer, got {got}',
    model_not_text: 'expected the formula as text, e.g. "a*x1^2 + b", got {got}',
    params_not_object: 'expected each parameter\'s initial value, e.g. {"a": 1}, got {got}',
    expected_number: 'expected a number, got {got}',
    data_not_object: 'expected {"columns": [...], "rows": [[...], ...]}, got {got}',
    columns_not_list: 'expected a list of column names, got {got}',
    column_not_text: 'expected a column name (text), got {got}',
    rows_not_list: 'expected a list of rows, each a list of numbers, got {got}',
    row_not_list: 'expected a list of numbers, got {got}',
    target_not_text: 'expected the name of the target column, got {got}',
    expected_one_of: 'expected one of {options}, got {got}',
    optimizer_not_object: 'expected an object such as {"type": "sgd", "lr": 0.1}, got {got}',
    expected_boolean: 'expected true or false, got {got}',
    expected_whole_number: 'expected a whole number ≥ {min}, got {got}',
    request_not_object: 'the request must be an object with x, y and the problem, got {got}',
    axis_not_object: 'expected {"param": name, "min": number, "max": number}, got {got}',
    param_not_text: 'expected a parameter name, got {got}',
    resolution_not_number: 'expected points per side, a number (at most {max} are used), got {got}',
    at_not_object: 'expected each parameter\'s value, e.g. {"a": 1}, got {got}',
    axis_not_param: '"{param}" is not a parameter of the model; choose one of {params}',
    axis_range: 'the {axis} range needs finite min < max (got {min} to {max})',
    same_axes: 'choose two different parameters for the axes',
    step_not_whole: 'expected a step number, a whole number ≥ 1, got {got}',
    no_such_step: 'there is no step {step}; the run has {count}',
  } satisfies Record<OptimizeErrorCode, string>,
  tables: {
    /** A list of names that may be empty: the core writes "none". */
    list: { none: 'none' },
  },
  described: ['got'],
  describeValue: (text: string) => text,
};
