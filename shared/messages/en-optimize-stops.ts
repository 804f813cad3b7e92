import type { OptimizeStopCode } from '../core/optim/run';

/** English phrasing of why an optimizer run stopped early (shared/core/optim/run.ts): word for word its `message` (a test holds them equal). */
export const enOptimizeStops = {
  codes: {
    undefined_at_start:
      'Stopped at step {step}: y is {value} for sample {sample} at the initial parameters (the model is undefined there: a log or sqrt of a negative number, or a division by 0?)',
    y_diverged: 'Stopped at step {step}: y is {value} for sample {sample} at the parameters reached so far; the run diverged. Try a smaller learning rate than {lr} (e.g. {smaller}).',
    param_blew_up: 'Stopped at step {step}: parameter {param} became {value} (beyond ±{limit}); the run diverged. Try a smaller learning rate than {lr} (e.g. {smaller}).',
    param_not_finite: 'Stopped at step {step}: parameter {param} became {value}; the run diverged. Try a smaller learning rate than {lr} (e.g. {smaller}).',
    loss_blew_up: 'Stopped at step {step}: the loss became {value} (beyond ±{limit}); the run diverged. Try a smaller learning rate than {lr} (e.g. {smaller}).',
    loss_not_finite: 'Stopped at step {step}: the loss became {value}; the run diverged. Try a smaller learning rate than {lr} (e.g. {smaller}).',
  } satisfies Record<OptimizeStopCode, string>,
  tables: {},
  described: ['value'],
  describeValue: (text: string) => text,
};
