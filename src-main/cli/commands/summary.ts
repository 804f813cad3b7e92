import { networkFromDocument } from '../../../shared/project/index';
import { summaryToJson, summaryToTable } from '../format';
import type { CliCommand } from './types';

/** `summary`: per-layer numbers of a network spec or of a project file's network. */
export const summaryCommand: CliCommand = {
  name: 'summary',
  description: 'per-layer output shape, parameters, MACs, memory and receptive field of a network spec or a project file',
  run(document, core) {
    const network = networkFromDocument(document);
    if (!network.ok) return { text: '', json: undefined, errors: network.errors };
    const summary = core.summarize({ spec: network.spec });
    const errors = [
      ...summary.inputIssues.map((issue) => issue.message),
      ...summary.layers.flatMap((layer) => (layer.status === 'error' ? layer.issues.map((issue) => issue.message) : [])),
    ];
    return { text: summaryToTable(summary), json: summaryToJson(summary), errors };
  },
};
