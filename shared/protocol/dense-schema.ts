import { z } from 'zod';
import { checkOverfittingLab } from '../core/overfitting/index';
import { checkBudgetComparison, checkGradientFlowCase, checkRegionsNet, checkTrainRun, formatDenseIssue, type DenseFailure, type DenseIssue } from '../core/dense/index';

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
    for (const issue of checked.issues) ctx.addIssue({ code: 'custom', message: formatDenseIssue(issue) });
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
  bins: z.number().int().min(2, { error: 'bins must be at least 2' }).max(200, { error: 'bins is at most 200' }).optional(),
  tensors: z.boolean().optional(),
});
export const trainPayloadSchema = z.strictObject({ run: trainRunSchema, tensors: z.boolean().optional() });
export const regionsPayloadSchema = z.strictObject({ net: regionsNetSchema, polygons: z.boolean().optional() });
export const budgetPayloadSchema = z.strictObject({ comparison: budgetComparisonSchema });
export const overfittingPayloadSchema = z.strictObject({ lab: overfittingLabSchema });
export const overfittingExplainPayloadSchema = z.strictObject({ lab: overfittingLabSchema, epoch: z.number().int({ error: 'epoch is a whole number' }).min(0, { error: 'epoch is at least 0' }) });

export type DenseParse = { ok: true } | { ok: false; issues: DenseIssue[] };

/** For a view checking what the user typed before calling the core: the issues at their fields. */
export function checkDenseDocument(kind: 'gradientFlow' | 'train' | 'regions' | 'budget' | 'overfitting', value: unknown): DenseParse {
  const check = { gradientFlow: checkGradientFlowCase, train: checkTrainRun, regions: checkRegionsNet, budget: checkBudgetComparison, overfitting: checkOverfittingLab }[kind];
  const checked = check(value);
  return checked.ok ? { ok: true } : checked;
}
