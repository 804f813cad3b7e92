import type { Regions1d, Regions2d } from '../../../shared/core/dense/index';
import { regionsNetSchema } from '../../../shared/protocol/dense-schema';
import { failureErrors, schemaErrors, shortNumber } from './dense-output';
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

function regionsText(result: Regions1d | Regions2d, polygons: boolean): string {
  const head = `ReLU network ${result.sizes.join('-')}, ${result.parameters} parameters`;
  if (result.dimension === 1) {
    const shown = result.breakpoints.slice(0, 64).map(shortNumber).join(', ');
    return [
      `${head}, on [${result.domain.join(', ')}]`,
      `pattern pieces: ${result.pattern_pieces}`,
      `linear pieces: ${result.linear_pieces} (one hidden layer would need ${result.shallow_units_needed} units)`,
      `breakpoints (${result.breakpoints.length}): ${shown}${result.breakpoints.length > 64 ? ', …' : ''}`,
      '',
    ].join('\n');
  }
  const lines = [
    `${head}, on [${result.domain[0].join(', ')}] x [${result.domain[1].join(', ')}]`,
    `regions: ${result.regions}`,
    `bounds: one hidden layer with all the units at most ${result.bounds.one_layer_max}; Montufar et al. 2014 lower ${result.bounds.montufar_lower}; Serra et al. 2018 upper ${result.bounds.serra_upper}`,
  ];
  if (polygons && result.polygons) {
    lines.push('');
    for (const polygon of result.polygons) lines.push(`${polygon.pattern.join(' ')}  ${polygon.vertices.map(([x, y]) => `(${shortNumber(x)}, ${shortNumber(y)})`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `regions`: the exact linear regions of a 1-D or 2-D ReLU network. */
export const regionsCommand: CliCommand = {
  name: 'regions',
  description: 'exact linear pieces (1-D) or regions (2-D) of a ReLU network, with the counting bounds',
  flags: [{ name: 'polygons', description: 'each 2-D region\'s vertices and activation pattern' }],
  async run(document, core, flags) {
    const parsed = regionsNetSchema.safeParse(document);
    if (!parsed.success) return { text: '', json: undefined, errors: schemaErrors(parsed.error) };
    const polygons = flags.has('polygons');
    const result = await core.linearRegions({ net: document, polygons });
    if (!result.ok) return { text: '', json: undefined, errors: failureErrors(result) };
    return { text: regionsText(result, polygons), json: regionsToJson(result, polygons), errors: [] };
  },
};
