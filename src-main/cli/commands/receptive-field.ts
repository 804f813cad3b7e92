import { z } from 'zod';
import type { LayerRegion, UnitRegion } from '../../../shared/core/receptive/region';
import { networkFromDocument } from '../../../shared/project/index';
import type { CliLanguage } from '../language';
import type { CliCommand } from './types';

/** `{ "network": <spec or project file>, "unit": { "layer": 3, "y": 0, "x": 0 } }`, its messages in the language `--lang` chose. */
function documentSchema({ say }: CliLanguage) {
  const cell = (name: string) => z.number({ error: say('rf.notNumber', { name }) }).int(say('rf.notWhole', { name })).min(0, say('rf.negative', { name }));
  return z.strictObject({
    network: z.unknown().refine((value) => value !== undefined, say('rf.networkRequired')),
    unit: z.strictObject({ layer: cell('layer'), y: cell('y'), x: cell('x') }, { error: say('rf.unitObject') }),
  });
}

const boxText = (box: readonly number[] | null) => (box ? `[${box.join(', ')}]` : '—');

/** "-3..-1" or "5, 7" for a short list of indices. */
function indices(values: readonly number[]): string {
  if (values.length === 0) return '';
  const contiguous = values.every((value, i) => i === 0 || value === values[i - 1]! + 1);
  return contiguous && values.length > 2 ? `${values[0]}..${values.at(-1)}` : values.join(', ');
}

function layerLine(region: LayerRegion, name: string, language: CliLanguage): string[] {
  const { say, num } = language;
  const padding = [
    region.rows.padding.length > 0 ? say('rf.rows', { list: num(indices(region.rows.padding)) }) : '',
    region.columns.padding.length > 0 ? say('rf.columns', { list: num(indices(region.columns.padding)) }) : '',
  ]
    .filter(Boolean)
    .join(say('list.separator'));
  return [
    name,
    num(`${region.size[0]}x${region.size[1]}`),
    num(boxText(region.box)),
    num(boxText(region.clippedBox)),
    `${num(`${region.rows.contributing.length}x${region.columns.contributing.length}`)}${region.dense ? '' : say('rf.gaps')}`,
    padding,
  ];
}

function regionText(region: UnitRegion, names: string[], language: CliLanguage): string {
  const { say, num } = language;
  const { unit, receptiveField: field } = region;
  const header = [
    say('rf.unit', {
      y: unit.y,
      x: unit.x,
      name: names[unit.layer] ?? '',
      size: num(`${field.size[0]}x${field.size[1]}`),
      jump: num(`${field.jump[0]}x${field.jump[1]}`),
      centerY: field.center[0],
      centerX: field.center[1],
    }),
    say('rf.box', { box: num(boxText(region.inputBox)), clipped: num(boxText(region.inputClippedBox)) }),
    '',
  ];
  const headings = [say('rf.layer'), say('rf.size'), say('rf.boxHeading'), say('rf.clipped'), say('rf.contributing'), say('rf.paddingRead')];
  const rows = [headings, ...region.layers.map((layer) => layerLine(layer, names[layer.layer] ?? num(layer.layer), language))];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((value, column) => value.padEnd(widths[column]!)).join('  ').trimEnd());
  return [...header, ...lines].join('\n') + '\n';
}

/**
 * `receptive-field`: the exact field of one unit in every earlier layer (bounding box in each
 * layer's cells and in input pixels, clipped box, contributing cells, padding read).
 */
export const receptiveFieldCommand: CliCommand = {
  name: 'receptive-field',
  description: 'the exact receptive field of one unit ({"network": spec or project, "unit": {"layer", "y", "x"}}) in every earlier layer',
  descriptionFa: 'میدان دید دقیق یک واحد ({"network": مشخصه یا پروژه، "unit": {"layer", "y", "x"}}) در همهٔ لایه‌های پیشین',
  run(document, core, _flags, language) {
    const parsed = documentSchema(language).safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: parsed.error.issues.map((issue) => issue.message) };
    const network = networkFromDocument(parsed.data.network);
    if (!network.ok) {
      const errors = network.projectError ? [language.projectError(network.projectError)] : (network.issues?.map(language.schemaIssue) ?? network.errors);
      return { text: '', json: undefined, errors: errors.map((error) => `network: ${error}`) };
    }
    const { layer, y, x } = parsed.data.unit;
    const region = core.unitRegion({ spec: network.spec, layer, y, x });
    if (!region.ok) return { text: '', json: undefined, errors: [`unit: ${region.message}`] };
    const names = [language.say('rf.input'), ...network.spec.layers.map((spec, i) => language.say('rf.layerName', { index: i + 1, type: spec.type }))];
    return { text: regionText(region, names, language), json: region, errors: [] };
  },
};
