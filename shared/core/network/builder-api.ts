import { checkAnswers, type LayerAnswerMarks, type TypedLayerAnswer } from './answers';
import { exportNetwork, importCode, type ExportFormat, type ExportResult, type ImportLanguage, type CodeImportResult } from './codegen/index';
import { solveSettings, type SolveRequest, type SolveResult } from './solve';
import type { NetworkSpec } from './spec';

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
    exportNetwork: (payload) => exportNetwork(payload?.spec, payload?.format),
  };
}
