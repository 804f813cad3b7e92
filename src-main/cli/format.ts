import type { LayerOverview, NetworkOverview, ReceptiveField } from '../../shared/core/network/info';
import { cliLanguage, type CliLanguage } from './language';

const ENGLISH = cliLanguage('en');

/**
 * Machine form of a summary, as documented in the README (snake_case, like the spec). `params`
 * are PyTorch's `parameters()`; batch norm's running statistics are `buffers`, never in a parameter count.
 */
export function summaryToJson(summary: NetworkOverview, language: CliLanguage = ENGLISH) {
  return {
    input: summary.input,
    ok: summary.ok,
    ...(summary.inputIssues.length > 0 ? { input_errors: summary.inputIssues.map(language.layerIssue) } : {}),
    total_params: summary.totals.params,
    trainable_params: summary.totals.trainableParams,
    total_buffers: summary.totals.buffers,
    total_macs: summary.totals.macs,
    total_flops: summary.totals.flops,
    total_memory_bytes: summary.totals.memoryBytes,
    layers: summary.layers.map((layer) => layerToJson(layer, language)),
  };
}

function layerToJson(layer: LayerOverview, language: CliLanguage) {
  const head = { index: layer.index, type: layer.type };
  switch (layer.status) {
    case 'ok':
      return {
        ...head,
        output: layer.outputShape,
        params: layer.params.trainable,
        trainable_params: layer.params.trainable,
        buffers: layer.params.buffers,
        macs: layer.macs,
        flops: layer.flops,
        memory_bytes: layer.memoryBytes,
        rf: rfToJson(layer.receptiveField),
      };
    case 'error':
      return { ...head, error: layer.issues.map(language.layerIssue).join('; ') };
    case 'not_computed':
      return { ...head, error: language.text('notComputed') };
  }
}

function rfToJson(rf: ReceptiveField) {
  return { size: rf.size, jump: rf.jump, center: rf.center, global: rf.global, ...(rf.varies ? { varies: true } : {}) };
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

function pairText(pair: readonly number[]): string {
  return pair[0] === pair[1] ? decimal.format(pair[0] ?? 0) : pair.map((n) => decimal.format(n)).join('x');
}

function rfText(rf: ReceptiveField, language: CliLanguage): string {
  if (rf.global) return language.say('summary.wholeInput');
  const size = rf.size[0] === rf.size[1] ? `${rf.size[0]}x${rf.size[0]}` : `${rf.size[0]}x${rf.size[1]}`;
  return language.num(`${size}${rf.varies ? language.say('summary.max') : ''} / ${pairText(rf.jump)} / (${rf.center.map((n) => decimal.format(n)).join(', ')})`);
}

/** A torchinfo-like table: layer, output, params, MACs, receptive field (size / jump / centre). */
export function summaryToTable(summary: NetworkOverview, language: CliLanguage = ENGLISH): string {
  const say = language.say;
  const header = [say('summary.layer'), say('summary.output'), say('summary.params'), say('summary.macs'), say('summary.rf')];
  const rows: string[][] = summary.layers.map((layer) => {
    // The layer type id stays as PyTorch spells it; the index and the numbers take the language's digits.
    const name = `${language.num(layer.index)} ${layer.type}`;
    if (layer.status === 'ok') {
      return [
        name,
        language.num(`[${layer.outputShape.join(', ')}]`),
        language.num(integer.format(layer.params.trainable)),
        language.num(integer.format(layer.macs)),
        rfText(layer.receptiveField, language),
      ];
    }
    if (layer.status === 'error') return [name, language.text('error', { message: layer.issues.map(language.layerIssue).join('; ') })];
    return [name, language.text('notComputedCell')];
  });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.filter((row) => row.length === header.length).map((row) => (row[column] ?? '').length)),
  );
  const numeric = new Set([2, 3]);
  const line = (cells: string[]) =>
    cells.length < header.length
      ? cells.join('  ')
      : cells.map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  const rule = '='.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  const totals = summary.totals;
  return [
    rule,
    say('summary.input', { shape: language.num(`[${summary.input.join(', ')}]`) }),
    ...summary.inputIssues.map((issue) => language.text('error', { message: language.layerIssue(issue) })),
    rule,
    line(header),
    '-'.repeat(rule.length),
    ...rows.map(line),
    rule,
    say('summary.totalParams', { count: language.num(integer.format(totals.params)) }),
    say('summary.trainable', { count: language.num(integer.format(totals.trainableParams)) }),
    say('summary.buffers', { count: language.num(integer.format(totals.buffers)) }),
    say('summary.totalMacs', { macs: language.num(integer.format(totals.macs)), flops: language.num(integer.format(totals.flops)) }),
    say('summary.memory', { bytes: language.num(integer.format(totals.memoryBytes)) }),
    rule,
    '',
  ].join('\n');
}

/** A table cell: 6 significant digits, in exponent form below 1e-4 and from 1e6 on ("3.30566e+19"). */
export function tableNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (value !== 0 && Number.isFinite(value) && (magnitude < 1e-4 || magnitude >= 1e6)) return value.toExponential(5).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(6)));
}
