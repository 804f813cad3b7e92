import { z } from 'zod';
import { checkCase, formatPath, unreadableCase } from '../core/backprop/case';
import type { BackpropCaseInput, CaseIssue, CaseIssueCode } from '../core/backprop/types';

/**
 * A conv + pooling backprop case at the boundary (CLI files, IPC payloads, saved projects),
 * exactly the CLI format:
 *
 *   input       [C][H][W] or [H][W] numbers (one channel); at most 8 channels of 32x32
 *   filters     [F][C][kh][kw] or [kh][kw]; at most 8 filters
 *   bias        [F] numbers (default zeros)
 *   stride, padding, dilation   a whole number or [h, w] (default 1, 0, 1)
 *   activation  none | relu | sigmoid | tanh (default none)
 *   pool        {type: none | max | avg | globalmax | globalavg, kernel, stride, padding}
 *               (kernel required for max and avg; stride defaults to the kernel; padding ≤ kernel/2)
 *   upstream    a number (dL/dy everywhere, default 1), a grid shaped like the output,
 *               or {loss: "mse", target: grid shaped like the output}
 *   ties        first | split (default first: PyTorch's first maximum in row-major order)
 *
 * Every cell is checked: a problem is reported at its field or cell, e.g.
 * `input[0][2]: row has 3 cells, expected 4`. The check itself is the core's `checkCase`,
 * so the CLI, the worker and the view give the same messages.
 */
export const backpropCaseSchema = z.unknown().transform((value, ctx): BackpropCaseInput => {
  let issues: CaseIssue[];
  try {
    const checked = checkCase(value);
    if (checked.ok) return value as BackpropCaseInput;
    issues = checked.issues;
  } catch (error) {
    issues = [unreadableCase(error)];
  }
  // The code and values ride in params, so parseBackpropCase can hand them on for phrasing; the
  // case's own path is a copy (zod may prefix the issue's path in place with where the case sits).
  for (const issue of issues) ctx.addIssue({ code: 'custom', message: formatCaseIssue(issue), path: issue.path, params: { caseIssue: { code: issue.code, values: issue.values, path: [...issue.path] } } });
  return z.NEVER;
});

/** `input[0][2]: row has 3 cells, expected 4` */
export function formatCaseIssue(issue: CaseIssue): string {
  return issue.path.length > 0 ? `${formatPath(issue.path)}: ${issue.message}` : issue.message;
}

/**
 * A refused case's error: its path, the English `message` naming the field or cell
 * (`input[0][2]: row has 3 cells, expected 4`), and the core's code and values (without the
 * path) for phrasing it in another language (shared/messages/backprop-issues.ts); every
 * error of the schema has them (it makes only the core's issues).
 */
export interface BackpropCaseError {
  path: (string | number)[];
  code?: CaseIssueCode;
  values?: CaseIssue['values'];
  message: string;
}

export type BackpropCaseParse = { ok: true; value: BackpropCaseInput } | { ok: false; errors: BackpropCaseError[] };

/** Validates a case; each error carries its path and a message that names the field or cell. */
export function parseBackpropCase(value: unknown): BackpropCaseParse {
  const parsed = backpropCaseSchema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      const coded = issue.code === 'custom' ? (issue.params as { caseIssue?: Pick<CaseIssue, 'code' | 'values'> } | undefined)?.caseIssue : undefined;
      const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
      return coded ? { path, code: coded.code, values: coded.values, message: issue.message } : { path, message: issue.message };
    }),
  };
}
