import type { LayerSpec, LayerType } from '../../../../shared/core/network/spec';

/** How a field's text is read: whole numbers and decimals alike go to the engine, which judges the value. */
export type FieldKind = 'number' | 'numberOrPair' | 'convPadding' | 'boolean';

export interface FieldDescriptor {
  name: string;
  kind: FieldKind;
  required: boolean;
  /** PyTorch's default, shown as the placeholder (or the checkbox state) when omitted. */
  defaultValue?: string | boolean;
}

const conv: FieldDescriptor[] = [
  { name: 'out_channels', kind: 'number', required: true },
  { name: 'kernel', kind: 'numberOrPair', required: true },
  { name: 'stride', kind: 'numberOrPair', required: false, defaultValue: '1' },
  { name: 'padding', kind: 'convPadding', required: false, defaultValue: '0' },
  { name: 'dilation', kind: 'numberOrPair', required: false, defaultValue: '1' },
  { name: 'groups', kind: 'number', required: false, defaultValue: '1' },
  { name: 'bias', kind: 'boolean', required: false, defaultValue: true },
];

/** The fields of each layer type, in the order of PyTorch's constructor. */
export const LAYER_FIELDS: Record<LayerType, readonly FieldDescriptor[]> = {
  conv2d: conv,
  convtranspose2d: [
    ...conv.slice(0, 3),
    { name: 'padding', kind: 'numberOrPair', required: false, defaultValue: '0' },
    { name: 'output_padding', kind: 'numberOrPair', required: false, defaultValue: '0' },
    ...conv.slice(4),
  ],
  maxpool2d: [
    { name: 'kernel', kind: 'numberOrPair', required: true },
    { name: 'stride', kind: 'numberOrPair', required: false, defaultValue: 'kernel' },
    { name: 'padding', kind: 'numberOrPair', required: false, defaultValue: '0' },
    { name: 'dilation', kind: 'numberOrPair', required: false, defaultValue: '1' },
    { name: 'ceil_mode', kind: 'boolean', required: false, defaultValue: false },
  ],
  avgpool2d: [
    { name: 'kernel', kind: 'numberOrPair', required: true },
    { name: 'stride', kind: 'numberOrPair', required: false, defaultValue: 'kernel' },
    { name: 'padding', kind: 'numberOrPair', required: false, defaultValue: '0' },
    { name: 'ceil_mode', kind: 'boolean', required: false, defaultValue: false },
    { name: 'count_include_pad', kind: 'boolean', required: false, defaultValue: true },
  ],
  globalmaxpool2d: [],
  globalavgpool2d: [],
  adaptiveavgpool2d: [{ name: 'output_size', kind: 'numberOrPair', required: true }],
  batchnorm2d: [
    { name: 'eps', kind: 'number', required: false, defaultValue: '0.00001' },
    { name: 'momentum', kind: 'number', required: false, defaultValue: '0.1' },
    { name: 'affine', kind: 'boolean', required: false, defaultValue: true },
    { name: 'track_running_stats', kind: 'boolean', required: false, defaultValue: true },
  ],
  relu: [],
  leakyrelu: [{ name: 'negative_slope', kind: 'number', required: false, defaultValue: '0.01' }],
  sigmoid: [],
  tanh: [],
  gelu: [],
  softmax: [{ name: 'dim', kind: 'number', required: false, defaultValue: '1' }],
  dropout: [{ name: 'p', kind: 'number', required: false, defaultValue: '0.5' }],
  dropout2d: [{ name: 'p', kind: 'number', required: false, defaultValue: '0.5' }],
  flatten: [],
  linear: [
    { name: 'out_features', kind: 'number', required: true },
    { name: 'bias', kind: 'boolean', required: false, defaultValue: true },
  ],
};

/**
 * A new layer of a type, with small sensible values for the required fields and PyTorch's
 * defaults for the rest (a new Conv2d has padding 0, as nn.Conv2d(C, 16, 3) does).
 */
export function defaultLayer(type: LayerType): LayerSpec {
  switch (type) {
    case 'conv2d':
      return { type, out_channels: 16, kernel: 3 };
    case 'convtranspose2d':
      return { type, out_channels: 16, kernel: 2, stride: 2 };
    case 'maxpool2d':
    case 'avgpool2d':
      return { type, kernel: 2 };
    case 'adaptiveavgpool2d':
      return { type, output_size: 1 };
    case 'linear':
      return { type, out_features: 10 };
    default:
      return { type } as LayerSpec;
  }
}

export type FieldValue = number | readonly [number, number] | 'same' | 'valid' | boolean | undefined;
export type ParseMessage = 'editor.required' | 'editor.notANumber' | 'editor.notANumberOrPair' | 'editor.notPadding';
export type ParseResult = { ok: true; value: FieldValue } | { ok: false; message: ParseMessage };

const NUMBER = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?`;
const NUMBER_RE = new RegExp(`^${NUMBER}$`, 'i');
const PAIR_RE = new RegExp(`^(${NUMBER})\\s*(?:,|x|×|\\s)\\s*(${NUMBER})$`, 'i');

/** Reads what the user typed; the engine decides whether the number makes sense. */
export function parseField(field: FieldDescriptor, text: string): ParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return field.required ? { ok: false, message: 'editor.required' } : { ok: true, value: undefined };
  if (field.kind === 'number') {
    return NUMBER_RE.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, message: 'editor.notANumber' };
  }
  if (field.kind === 'convPadding' && (trimmed === 'same' || trimmed === 'valid')) return { ok: true, value: trimmed };
  if (NUMBER_RE.test(trimmed)) return { ok: true, value: Number(trimmed) };
  const pair = PAIR_RE.exec(trimmed);
  if (pair?.[1] !== undefined && pair[2] !== undefined) return { ok: true, value: [Number(pair[1]), Number(pair[2])] };
  return { ok: false, message: field.kind === 'convPadding' ? 'editor.notPadding' : 'editor.notANumberOrPair' };
}

/** A spec value as the text a field shows. */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

/** "3, 128, 128" → [3, 128, 128]; null when any part is not a number. */
export function parseShape(text: string): number[] | null {
  const parts = text
    .trim()
    .split(/\s*(?:,|x|×|\s)\s*/i)
    .filter((part) => part !== '');
  if (parts.length === 0 || !parts.every((part) => NUMBER_RE.test(part))) return null;
  return parts.map(Number);
}

/** The layer with one field set (or removed, for an empty optional field). */
export function withField(layer: LayerSpec, name: string, value: FieldValue): LayerSpec {
  const next: Record<string, unknown> = { ...layer };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next as unknown as LayerSpec;
}
