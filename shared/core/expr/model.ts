import { namesOf, type Expr } from './ast';
import { derivative } from './derivative';
import { tryParseExpression, type ParseErrorCode } from './parse';
import { toLatex, toText } from './print';

/** A model ready for the optimizer: its AST, which names are parameters, and its display forms. */
export interface ModelInfo {
  expr: Expr;
  /** Names that are not data columns, in order of first appearance. */
  params: string[];
  /** Data columns the model reads. */
  inputs: string[];
  /** The model as our printer writes it (parses back to the same AST). */
  text: string;
  latex: string;
  /** dy/d(param) for each parameter, simplified for display. */
  partials: { param: string; expr: Expr; text: string; latex: string }[];
}

export type ModelAnalysis =
  | { ok: true; model: ModelInfo }
  | {
      ok: false;
      message: string;
      position: number;
      /** When the text does not parse: the parser's code and values, for phrasing in any language (shared/messages). */
      syntax?: { code: ParseErrorCode; values: Readonly<Record<string, string | number>> };
      /** When the model has more parameters than MAX_PARAMS: how many, and the limit. */
      tooMany?: { count: number; max: number };
    };

/** Most parameters a model may have. */
export const MAX_PARAMS = 50;

/**
 * Parses `text`; every name that is one of `columns` is an input, every other name a
 * parameter. Never throws.
 */
export function analyzeModel(text: string, columns: readonly string[]): ModelAnalysis {
  const parsed = tryParseExpression(text);
  if (!parsed.ok) return { ok: false, message: parsed.error.message, position: parsed.error.position, syntax: { code: parsed.error.code, values: parsed.error.values } };
  const expr = parsed.expr;
  const names = namesOf(expr);
  const inputs = names.filter((id) => columns.includes(id));
  const params = names.filter((id) => !columns.includes(id));
  if (params.length > MAX_PARAMS) return { ok: false, message: `the model has ${params.length} parameters; at most ${MAX_PARAMS}`, position: 0, tooMany: { count: params.length, max: MAX_PARAMS } };
  return {
    ok: true,
    model: {
      expr,
      params,
      inputs,
      text: toText(expr),
      latex: toLatex(expr),
      partials: params.map((param) => {
        const d = derivative(expr, param);
        return { param, expr: d, text: toText(d), latex: toLatex(d) };
      }),
    },
  };
}
