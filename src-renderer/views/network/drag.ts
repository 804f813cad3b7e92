import type { LayerType } from '../../../shared/core/network/spec';
import { LAYER_TYPES } from '../../../shared/core/network/spec';

/** Drag payloads between the palette and the stack (custom types so other drops are ignored). */
export const DRAG_TYPE = 'application/x-layerwise-layer-type';
export const DRAG_INDEX = 'application/x-layerwise-layer-index';

export function isBuilderDrag(event: DragEvent): boolean {
  const types = event.dataTransfer?.types ?? [];
  return types.includes(DRAG_TYPE) || types.includes(DRAG_INDEX);
}

/** What was dropped: a new layer type from the palette, or a 0-based stack position. */
export function readDrop(event: DragEvent): { type: LayerType } | { from: number } | null {
  const data = event.dataTransfer;
  if (!data) return null;
  const type = data.getData(DRAG_TYPE);
  if ((LAYER_TYPES as readonly string[]).includes(type)) return { type: type as LayerType };
  const from = Number.parseInt(data.getData(DRAG_INDEX), 10);
  return Number.isInteger(from) && from >= 0 ? { from } : null;
}

/** Final 0-based position of a layer moved from `from` into the gap before `slot` (0..n). */
export function moveTarget(from: number, slot: number): number {
  return slot > from ? slot - 1 : slot;
}
