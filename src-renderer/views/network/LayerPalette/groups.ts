import { LAYER_TYPES, type LayerType } from '../../../../shared/core/network/spec';

export type PaletteGroupId = 'conv' | 'pool' | 'activation' | 'regularize' | 'dense';

/** The palette's groups, in the order a network is usually built; every layer type is in exactly one. */
export const PALETTE_GROUPS: readonly { id: PaletteGroupId; swatch: `--${string}`; types: readonly LayerType[] }[] = [
  { id: 'conv', swatch: '--accent', types: ['conv2d', 'convtranspose2d'] },
  { id: 'pool', swatch: '--train', types: ['maxpool2d', 'avgpool2d', 'globalmaxpool2d', 'globalavgpool2d', 'adaptiveavgpool2d'] },
  { id: 'activation', swatch: '--validation', types: ['relu', 'leakyrelu', 'sigmoid', 'tanh', 'gelu', 'softmax'] },
  { id: 'regularize', swatch: '--success', types: ['batchnorm2d', 'dropout', 'dropout2d'] },
  { id: 'dense', swatch: '--warning', types: ['flatten', 'linear'] },
];

/** Layer types no group lists (a new type must be given a group): empty when the palette is complete. */
export function ungroupedTypes(): LayerType[] {
  const grouped = new Set(PALETTE_GROUPS.flatMap((group) => group.types));
  return LAYER_TYPES.filter((type) => !grouped.has(type));
}
