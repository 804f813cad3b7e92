import { z } from 'zod';
import { checkOverfittingLab } from '../core/overfitting/index';
import { checkBudgetComparison, checkGradientFlowCase, checkRegionsNet, checkTrainRun, formatDenseIssue, type DenseFailure, type DenseIssue } from '../core/dense/index';
import { coded } from './schema-issues';

/**
 * The dense engine's documents at the boundary (CLI files, IPC payloads): the `gradient-flow`
 * case, the `train` run, the `regions` network and the same-budget comparison. The check is
 * the core's own (one reader, issues as code + values, English through describeDenseIssue),
 * so the CLI, the worker and a view give the same messages; a failed document is refused with
 * every issue as "field: message".
 */
function checkedDocument(check: (value: unknown) => { ok: true } | DenseFailure) {
  return z.unknown().transform((value, ctx) => {
    const checked = check(value);
    if (checked.ok) return value;
    // The issue itself rides in params, so a reader (the CLI, a project file) can phrase it.
    for (const issue of checked.issues) ctx.addIssue({ code: 'custom', message: formatDenseIssue(issue), params: { coded: { family: 'dense', issue } } });
    return z.NEVER;
  });
}

export const gradientFlowCaseSchema = checkedDocument(checkGradientFlowCase);
export const trainRunSchema = checkedDocument(checkTrainRun);
export const regionsNetSchema = checkedDocument(checkRegionsNet);
export const budgetComparisonSchema = checkedDocument(checkBudgetComparison);
export const overfittingLabSchema = checkedDocument(checkOverfittingLab);

export const gradientFlowPayloadSchema = z.strictObject({
  case: gradientFlowCaseSchema,
  bins: z.number().int().min(2, coded('must_be_at_least', { what: 'bins', minimum: 2 }, 'bins must be at least 2')).max(200, coded('is_at_most', { what: 'bins', maximum: 200}, 'bins is at most 200')).optional(),
  tensors: z.boolean().optional(),
});
export const trainPayloadSchema = z.strictObject({ run: trainRunSchema, tensors: z.boolean().optional() });
export const regionsPayloadSchema = z.strictObject({ net: regionsNetSchema, polygons: z.boolean().optional() });
export const budgetPayloadSchema = z.strictObject({ comparison: budgetComparisonSchema });
export const overfittingPayloadSchema = z.strictObject({ lab: overfittingLabSchema });
export const overfittingExplainPayloadSchema = z.strictObject({ lab: overfittingLabSchema, epoch: z.number().int(coded('is_whole', { what: 'epoch' }, 'epoch is a whole number')).min(0, coded('is_at_least', { what: 'epoch', minimum: 0 }, 'epoch is at least 0')) });

export type DenseParse = { ok: true } | { ok: false; issues: DenseIssue[] };

/** For a view checking what the user typed before calling the core: the issues at their fields. */
export function checkDenseDocument(kind: 'gradientFlow' | 'train' | 'regions' | 'budget' | 'overfitting', value: unknown): DenseParse {
  const check = { gradientFlow: checkGradientFlowCase, train: checkTrainRun, regions: checkRegionsNet, budget: checkBudgetComparison, overfitting: checkOverfittingLab }[kind];
  const checked = check(value);
  return checked.ok ? { ok: true } : checked;
}
