import type { Pair, ReceptiveField } from '../../../shared/core/network/info';
import type { IntOrPair, LayerSpec } from '../../../shared/core/network/spec';
import { formatDecimal, formatInteger, formatPlain, localizeDigits, ltr, t } from '../i18n';

/**
 * [32, 128, 128] → "32×128×128"; [1024] → "1024" (dimensions are not grouped). Shapes,
 * sizes, jumps and centres read left to right in every language, like the formulas (`ltr`).
 */
export function formatShape(shape: readonly number[]): string {
  return ltr(shape.map(formatPlain).join('×'));
}

/** Binary units, as memory is allocated: 2,097,152 → "2 MiB". */
export function formatBytes(bytes: number): string {
  const units = [
    ['units.gib', 1024 ** 3],
    ['units.mib', 1024 ** 2],
    ['units.kib', 1024],
  ] as const;
  for (const [key, size] of units) {
    if (bytes >= size) return t(key, { value: formatDecimal(bytes / size, 2) });
  }
  return t('units.bytes', { value: formatInteger(bytes) });
}

function pairText(pair: Pair, join: string): string {
  return pair[0] === pair[1] ? formatDecimal(pair[0], 3) : ltr(pair.map((v) => formatDecimal(v, 3)).join(join));
}

/** "7×7", "whole input", or "up to 9×9" when units differ. */
export function formatReceptiveFieldSize(field: ReceptiveField): string {
  if (field.global) return t('network.wholeInput');
  const size = ltr(`${formatDecimal(field.size[0], 3)}×${formatDecimal(field.size[1], 3)}`);
  return field.varies ? t('network.upTo', { size }) : size;
}

/** One number when both axes agree: "4"; otherwise "4×2". */
export function formatJump(field: ReceptiveField): string {
  if (field.global) return t('network.notApplicable');
  return pairText(field.jump, '×');
}

/** Centre of output unit (0, 0) in input pixels: "(3, 3)", or "(3.5, 0)"; a dash once the unit sees the whole input. */
export function formatCenter(field: ReceptiveField): string {
  if (field.global) return t('network.notApplicable');
  return ltr(`(${formatDecimal(field.center[0], 3)}, ${formatDecimal(field.center[1], 3)})`);
}

function sizeArg(value: IntOrPair): string {
  return typeof value === 'number' ? formatPlain(value) : ltr(value.map(formatPlain).join('×'));
}

function isDefault(value: IntOrPair | undefined, fallback: number): boolean {
  if (value === undefined) return true;
  return typeof value === 'number' ? value === fallback : value[0] === fallback && value[1] === fallback;
}

/** Short arguments for the table: "7×7, 32 filters, p3" (defaults left out). */
export function layerArguments(layer: LayerSpec, inputShape?: readonly number[]): string {
  const parts: string[] = [];
  switch (layer.type) {
    case 'conv2d':
    case 'convtranspose2d': {
      parts.push(t('args.kernel', { value: sizeArg(typeof layer.kernel === 'number' ? [layer.kernel, layer.kernel] : layer.kernel) }));
      parts.push(t('args.outChannels', { value: formatPlain(layer.out_channels) }));
      if (!isDefault(layer.stride, 1)) parts.push(t('args.stride', { value: sizeArg(layer.stride ?? 1) }));
      // 'same' / 'valid' are PyTorch's padding modes, shown as words; only a number gets the "p" of "p3".
      if (typeof layer.padding === 'string') parts.push(t(layer.padding === 'same' ? 'args.paddingSame' : 'args.paddingValid'));
      else if (!isDefault(layer.padding, 0)) parts.push(t('args.padding', { value: sizeArg(layer.padding ?? 0) }));
      if (!isDefault(layer.dilation, 1)) parts.push(t('args.dilation', { value: sizeArg(layer.dilation ?? 1) }));
      if (layer.groups !== undefined && layer.groups !== 1) parts.push(t('args.groups', { value: formatPlain(layer.groups) }));
      if (layer.bias === false) parts.push(t('args.noBias'));
      break;
    }
    case 'maxpool2d':
    case 'avgpool2d': {
      parts.push(t('args.kernel', { value: sizeArg(typeof layer.kernel === 'number' ? [layer.kernel, layer.kernel] : layer.kernel) }));
      if (layer.stride !== undefined) parts.push(t('args.stride', { value: sizeArg(layer.stride) }));
      if (!isDefault(layer.padding, 0)) parts.push(t('args.padding', { value: sizeArg(layer.padding ?? 0) }));
      if (layer.type === 'maxpool2d' && !isDefault(layer.dilation, 1)) parts.push(t('args.dilation', { value: sizeArg(layer.dilation ?? 1) }));
      if (layer.ceil_mode) parts.push(t('args.ceil'));
      break;
    }
    case 'adaptiveavgpool2d':
      parts.push(t('args.outputSize', { value: sizeArg(layer.output_size) }));
      break;
    case 'dropout':
    case 'dropout2d':
      if (layer.p !== undefined) parts.push(t('args.p', { value: formatDecimal(layer.p, 4) }));
      break;
    case 'linear':
      if (inputShape?.length === 1 && inputShape[0] !== undefined)
        parts.push(t('args.linear', { in: formatPlain(inputShape[0]), out: formatPlain(layer.out_features) }));
      else parts.push(t('args.outFeatures', { value: formatPlain(layer.out_features) }));
      if (layer.bias === false) parts.push(t('args.noBias'));
      break;
    default:
      break;
  }
  return parts.join(t('list.separator'));
}

/**
 * A measured quantity that may span many decades (a gradient norm, a ratio): three
 * significant digits, exponent form outside 0.001 … 99,999 ("1.23e-7", "4.56e12", "0.0123",
 * "256"), in the current digits. Non-finite values as JavaScript names them ("Infinity", "NaN").
 */
export function formatSignificant(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return localizeDigits(String(value));
  if (value === 0) return localizeDigits('0');
  const magnitude = Math.abs(value);
  let text = String(Number(value.toPrecision(digits)));
  if (magnitude < 1e-3 || magnitude >= 1e5) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    text = `${Number(mantissa)}e${Number(exponent)}`;
  }
  return ltr(localizeDigits(text));
}
