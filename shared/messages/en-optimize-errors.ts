import type { OptimizeErrorCode } from '../core/optim/run';

/** English phrasing of the optimizer's checks against its model and data (shared/core/optim/run.ts): word for word their `message` (a test holds them equal). */
export const enOptimizeErrors = {
  codes: {
    duplicate_column: 'the column name "{column}" appears twice; each column needs its own name',
    target_not_column: '"{target}" is not a column; the columns are {columns}',
    row_width: 'row {row} has {count} values; it needs {needed} ({columns})',
    no_rows: 'the data has no rows; add at least one sample',
    too_many_params: 'the model has {count} parameters; at most {max}',
    model_reads_target: 'the model reads "{target}", the target column; a model may read only the inputs ({inputs}) and parameters',
    missing_param: 'the model has the parameter "{param}"; give its initial value',
    column_as_param: '"{name}" is a data column, not a parameter',
    unknown_param: 'the model has no parameter "{name}"; its parameters are {params}',
    nesterov_needs_pytorch_form: 'Nesterov momentum is given in PyTorch\'s form: set "form": "pytorch", or "nesterov": false',
    too_many_steps: '{epochs} epochs make {steps} steps; at most {max} (here at most {max_epochs} epochs)',
    too_much_work: '{epochs} epochs over {rows} rows is too much work; at most {max} sample evaluations',
  } satisfies Record<OptimizeErrorCode, string>,
  tables: {},
};
