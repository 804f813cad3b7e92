import { describePair, formatPlain } from '../format';
import type { LayerInfo, NetworkSummary, ReceptiveField } from '../info';
import type { NetworkSpec } from '../spec';
import { summarizeNetwork } from '../summarize';

/** One row of the exported table, as text cells. */
function rowCells(info: LayerInfo, grouped: boolean): string[] {
  const number = (value: number) => (grouped ? formatPlain(value) : String(value));
  const head = [String(info.index), info.type];
  if (info.status === 'error') return [...head, `error: ${info.issues.map((issue) => issue.message).join(' ')}`, '', '', '', '', '', '', ''];
  if (info.status === 'not_computed') return [...head, 'not computed', '', '', '', '', '', '', ''];
  const field = info.receptiveField;
  return [
    ...head,
    info.outputShape.join('x'),
    number(info.params.trainable),
    number(info.params.buffers),
    number(info.macs),
    number(info.memoryBytes),
    receptiveFieldText(field),
    field.global ? '' : describePair(field.jump),
    field.global ? '' : `(${formatPlain(field.center[0])}, ${formatPlain(field.center[1])})`,
  ];
}

function receptiveFieldText(field: ReceptiveField): string {
  if (field.global) return `whole input (${describePair(field.size)})`;
  const size = `${formatPlain(field.size[0])}x${formatPlain(field.size[1])}`;
  return field.varies ? `up to ${size}` : size;
}

const HEADER = ['#', 'layer', 'output (CxHxW)', 'params', 'buffers', 'MACs', 'memory (bytes)', 'receptive field', 'jump', 'centre'];

function totalsCells(summary: NetworkSummary, grouped: boolean): string[] {
  const number = (value: number) => (grouped ? formatPlain(value) : String(value));
  const { totals } = summary;
  return ['', 'total', '', number(totals.trainableParams), number(totals.buffers), number(totals.macs), number(totals.memoryBytes), '', '', ''];
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV of the layer table with a totals row; numbers ungrouped, shapes as CxHxW. */
export function tableCsv(spec: NetworkSpec): string {
  const summary = summarizeNetwork(spec);
  const rows = [HEADER, ['', 'input', summary.input.join('x'), '', '', '', '', '', '', ''], ...summary.layers.map((info) => rowCells(info, false)), totalsCells(summary, false)];
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** GitHub-flavoured Markdown table of the layers with a totals row; numbers grouped. */
export function tableMarkdown(spec: NetworkSpec): string {
  const summary = summarizeNetwork(spec);
  const rows = [['', 'input', summary.input.join('x'), '', '', '', '', '', '', ''], ...summary.layers.map((info) => rowCells(info, true)), totalsCells(summary, true)];
  const line = (cells: string[]) => `| ${cells.map(markdownCell).join(' | ')} |`;
  const align = HEADER.map((_, i) => (i === 1 ? ':--' : '--:'));
  return [line(HEADER), `| ${align.join(' | ')} |`, ...rows.map(line)].join('\n') + '\n';
}
