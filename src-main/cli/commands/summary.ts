import { networkFromDocument } from '../../../shared/project/index';
import { summaryToJson, summaryToTable } from '../format';
import type { CliCommand } from './types';

/** `summary`: per-layer numbers of a network spec or of a project file's network. */
export const summaryCommand: CliCommand = {
  name: 'summary',
  description: 'per-layer output shape, parameters, MACs, memory and receptive field of a network spec or a project file',
  descriptionFa: 'شکل خروجی، پارامترها، MACها، حافظه و میدان دید هر لایهٔ یک مشخصهٔ شبکه یا یک پروندهٔ پروژه',
  run(document, core, _flags, language) {
    const network = networkFromDocument(document);
    if (!network.ok) return { text: '', json: undefined, errors: network.projectError ? [language.projectError(network.projectError)] : (network.issues?.map(language.schemaIssue) ?? network.errors) };
    const summary = core.summarize({ spec: network.spec });
    const errors = [
      ...summary.inputIssues.map(language.layerIssue),
      ...summary.layers.flatMap((layer) => (layer.status === 'error' ? layer.issues.map(language.layerIssue) : [])),
    ];
    return { text: summaryToTable(summary, language), json: summaryToJson(summary, language), errors };
  },
};
