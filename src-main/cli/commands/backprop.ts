import { backpropToJson } from '../../../shared/core/backprop/json';
import type { BackpropResult, Tensor } from '../../../shared/core/backprop/types';
import { parseProjectData, PROJECT_FORMAT } from '../../../shared/project/index';
import { parseBackpropCase } from '../../../shared/protocol/backprop-schema';
import type { CliLanguage } from '../language';
import type { CliCommand } from './types';

/** A case file, or a project file's saved backprop case. */
function caseFromDocument(document: unknown, language: CliLanguage): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  if (typeof document === 'object' && document !== null && (document as { format?: unknown }).format === PROJECT_FORMAT) {
    const project = parseProjectData(document);
    // A refused saved case (or any other refused part) is phrased from the project error's issues.
    if (!project.ok) return { ok: false, errors: [language.projectError(project.error)] };
    if (!project.project.tools.backprop) return { ok: false, errors: [language.text('noBackpropCase')] };
    return { ok: true, value: project.project.tools.backprop };
  }
  return { ok: true, value: document };
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** One tensor as aligned text: maps separated by a blank line, rows one per line. */
function tensorText(name: string, tensor: Tensor, language: CliLanguage): string {
  const [maps = 1, rows = 1, cols = 1] = tensor.shape.length >= 3 ? tensor.shape.slice(-3) : [1, ...tensor.shape.length === 1 ? [1, tensor.shape[0]!] : tensor.shape];
  const groups = tensor.data.length / (maps * rows * cols);
  const cells = tensor.data.map((value) => language.num(formatNumber(value)));
  const width = Math.max(...cells.map((cell) => cell.length));
  const lines: string[] = [`${name} ${language.num(`[${tensor.shape.join('x')}]`)}`];
  for (let g = 0; g < groups * maps; g++) {
    if (groups * maps > 1) lines.push(`  ${language.num(`[${g}]`)}`);
    for (let r = 0; r < rows; r++) {
      const start = (g * rows + r) * cols;
      lines.push(`    ${cells.slice(start, start + cols).map((cell) => cell.padStart(width)).join('  ')}`);
    }
  }
  return lines.join('\n');
}

function resultText(result: Extract<BackpropResult, { ok: true }>, language: CliLanguage): string {
  const t = result.tensors;
  const say = language.say;
  const parts = [
    tensorText(say('backprop.conv'), t.conv, language),
    tensorText(say('backprop.activated'), t.activated, language),
    tensorText(say('backprop.pooled'), t.pooled, language),
    ...(t.argmax ? [tensorText(say('backprop.argmax'), t.argmax, language)] : []),
    ...(t.loss !== null ? [say('backprop.loss', { value: language.num(formatNumber(t.loss)) })] : []),
    tensorText('dL/dy', t.grad_pooled, language),
    tensorText('dL/da', t.grad_activated, language),
    tensorText('dL/dz', t.grad_conv, language),
    tensorText('dL/dW', t.grad_filters, language),
    tensorText('dL/db', t.grad_bias, language),
    tensorText('dL/dX', t.grad_input, language),
  ];
  return `${parts.join('\n\n')}\n`;
}

/**
 * `backprop`: conv → activation → pooling → loss and every gradient of a case (the CLI
 * format of shared/protocol/backprop-schema.ts), or of a project file's saved case.
 */
export const backpropCommand: CliCommand = {
  name: 'backprop',
  description: 'conv + pooling forward pass and every gradient (dL/dy, dL/da, dL/dz, dL/dW, dL/db, dL/dX) of a case or a project file',
  descriptionFa: 'گذر رو به جلوی کانولوشن و ادغام و همهٔ گرادیان‌ها (dL/dy، dL/da، dL/dz، dL/dW، dL/db، dL/dX) برای یک مسئله یا یک پروندهٔ پروژه',
  run(document, core, _flags, language) {
    const source = caseFromDocument(document, language);
    if (!source.ok) return { text: '', json: undefined, errors: source.errors };
    const parsed = parseBackpropCase(source.value);
    if (!parsed.ok) return { text: '', json: undefined, errors: parsed.errors.map(language.backpropIssue) };
    const result = core.backprop({ case: parsed.value });
    // The core's own issues carry no path in their message: phrased the same, without it.
    if (!result.ok) return { text: '', json: undefined, errors: result.issues.map((issue) => language.backpropIssue({ ...issue, path: [] })) };
    return { text: resultText(result, language), json: backpropToJson(result), errors: [] };
  },
};

