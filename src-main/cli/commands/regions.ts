import type { Regions1d, Regions2d } from '../../../shared/core/dense/index';
import { regionsNetSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber } from './dense-output';
import type { CliLanguage } from '../language';
import type { CliCommand } from './types';

/** Machine form, as the README documents it. */
export function regionsToJson(result: Regions1d | Regions2d, polygons: boolean) {
  if (result.dimension === 1) return { pattern_pieces: result.pattern_pieces, linear_pieces: result.linear_pieces, breakpoints: result.breakpoints };
  return {
    regions: result.regions,
    bounds: result.bounds,
    ...(polygons && result.polygons ? { polygons: result.polygons.map((polygon) => ({ vertices: polygon.vertices, pattern: polygon.pattern })) } : {}),
  };
}

function regionsText(result: Regions1d | Regions2d, polygons: boolean, language: CliLanguage): string {
  const { say, num } = language;
  const head = say('regions.head', { sizes: num(result.sizes.join('-')), parameters: result.parameters });
  if (result.dimension === 1) {
    const separator = say('list.separator');
    const shown = result.breakpoints.slice(0, 64).map((value) => num(shortNumber(value))).join(separator);
    return [
      say('regions.on1d', { head, domain: num(`[${result.domain.join(', ')}]`) }),
      say('regions.patternPieces', { count: result.pattern_pieces }),
      say('regions.linearPieces', { count: result.linear_pieces, units: result.shallow_units_needed }),
      say('regions.breakpoints', { count: result.breakpoints.length, list: `${shown}${result.breakpoints.length > 64 ? `${separator}…` : ''}` }),
      '',
    ].join('\n');
  }
  const lines = [
    say('regions.on2d', { head, x: num(`[${result.domain[0].join(', ')}]`), y: num(`[${result.domain[1].join(', ')}]`) }),
    say('regions.regions', { count: result.regions }),
    say('regions.bounds', { oneLayer: result.bounds.one_layer_max, lower: result.bounds.montufar_lower, upper: result.bounds.serra_upper }),
  ];
  if (polygons && result.polygons) {
    lines.push('');
    for (const polygon of result.polygons) lines.push(num(`${polygon.pattern.join(' ')}  ${polygon.vertices.map(([x, y]) => `(${shortNumber(x)}, ${shortNumber(y)})`).join(' ')}`));
  }
  return `${lines.join('\n')}\n`;
}

/** `regions`: the exact linear regions of a 1-D or 2-D ReLU network. */
export const regionsCommand: CliCommand = {
  name: 'regions',
  description: 'exact linear pieces (1-D) or regions (2-D) of a ReLU network, with the counting bounds',
  descriptionFa: 'تکه‌های خطی (یک‌بعدی) یا ناحیه‌های (دوبعدی) دقیق یک شبکهٔ ReLU، همراه با کران‌های شمارش',
  flags: [{ name: 'polygons', description: 'each 2-D region\'s vertices and activation pattern', descriptionFa: 'رأس‌ها و الگوی فعال‌سازی هر ناحیهٔ دوبعدی' }],
  async run(document, core, flags, language) {
    const parsed = regionsNetSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error, language) };
    const polygons = flags.has('polygons');
    const result = await core.linearRegions({ net: document, polygons });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result, language) };
    return { text: regionsText(result, polygons, language), json: regionsToJson(result, polygons), errors: [] };
  },
};
