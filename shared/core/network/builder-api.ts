import { checkAnswers, type LayerAnswerMarks, type TypedLayerAnswer } from './answers';
import { exportNetwork, importCode, type ExportFormat, type ExportResult, type ImportLanguage, type CodeImportResult } from './codegen/index';
import { solveSettings, type SolveRequest, type SolveResult } from './solve';
import type { NetworkSpec } from './spec';
import { jsonDataProblem } from '../plain-data';
import { describeValue } from './format';

/**
 * The network builder's core calls: answer check, "which settings give this output",
 * model-code import and export. Each reads its payload defensively and never throws.
 */
export interface BuilderCore {
  checkAnswers(payload: { spec: NetworkSpec; answers: { layers: (TypedLayerAnswer | null)[] } }): LayerAnswerMarks[];
  solveSettings(payload: SolveRequest): SolveResult;
  importCode(payload: { language: ImportLanguage; source: string; defaultInput: number[] }): CodeImportResult;
  exportNetwork(payload: { spec: NetworkSpec; format: ExportFormat }): ExportResult;
}

export function createBuilderCore(): BuilderCore {
  return {
    checkAnswers: (payload) => checkAnswers(payload?.spec, payload?.answers),
    solveSettings: (payload) => solveSettings(payload),
    importCode: (payload) => importCode(payload?.language, payload?.source, Array.isArray(payload?.defaultInput) ? payload.defaultInput : []),
    exportNetwork: (payload) => {
      const spec: unknown = payload?.spec;
      if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return { ok: false, message: `the network must be an object with "input" and "layers", got ${describeValue(spec)}` };
      // A cycle or a bigint cannot be written out in any format (JSON.stringify throws on both).
      const notData = jsonDataProblem(spec);
      if (notData) return { ok: false, message: `the network cannot be exported: ${notData.replace(/^the value/, 'the spec')}` };
      return exportNetwork(spec as NetworkSpec, payload?.format);
    },
  };
}
