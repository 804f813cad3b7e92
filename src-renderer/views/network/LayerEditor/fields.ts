import type { LayerSpec, LayerType } from '../../../../shared/core/network/spec';
import { formatInput, normalizeListSeparators, normalizeNumerals, parseNumber, t } from '../../../lib/i18n';

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

/** Separators between the two numbers of a pair or the numbers of a shape: a comma (or the Arabic comma ،), x, ×, * or spaces. */
const LIST_SEPARATOR = /\s*(?:,|x|×|\*|\s)\s*/i;

/** The numbers of a pair or shape ("3, 5", "۳×۵", "3 128 128"), each read by `parseNumber`; null when any part is not a number. */
function numberList(text: string): number[] | null {
  const parts = normalizeListSeparators(normalizeNumerals(text))
    .trim()
    .split(LIST_SEPARATOR)
    .filter((part) => part !== '');
  const numbers = parts.map((part) => parseNumber(part));
  return numbers.length > 0 && numbers.every((value) => value !== null) ? (numbers as number[]) : null;
}

/** Reads what the user typed (Latin, Persian or Arabic-Indic digits); the engine decides whether the number makes sense. */
export function parseField(field: FieldDescriptor, text: string): ParseResult {
  const trimmed = normalizeNumerals(text).trim();
  if (trimmed === '') return field.required ? { ok: false, message: 'editor.required' } : { ok: true, value: undefined };
  const single = parseNumber(trimmed);
  if (field.kind === 'number') return single !== null ? { ok: true, value: single } : { ok: false, message: 'editor.notANumber' };
  if (field.kind === 'convPadding' && (trimmed === 'same' || trimmed === 'valid')) return { ok: true, value: trimmed };
  if (single !== null) return { ok: true, value: single };
  const pair = numberList(trimmed);
  if (pair?.length === 2) return { ok: true, value: [pair[0]!, pair[1]!] };
  return { ok: false, message: field.kind === 'convPadding' ? 'editor.notPadding' : 'editor.notANumberOrPair' };
}

/** A spec value as the text a field shows, in the current digits ("۳، ۱۲۸، ۱۲۸" in Persian). */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((each) => (typeof each === 'number' ? formatInput(each) : String(each))).join(t('list.separator'));
  return typeof value === 'number' ? formatInput(value) : String(value);
}

/** "3, 128, 128" (or "۳، ۱۲۸، ۱۲۸") → [3, 128, 128]; null when any part is not a number. */
export function parseShape(text: string): number[] | null {
  return numberList(text);
}

/** The layer with one field set (or removed, for an empty optional field). */
export function withField(layer: LayerSpec, name: string, value: FieldValue): LayerSpec {
  const next: Record<string, unknown> = { ...layer };
  if (value === undefined) delete next[name];
  else next[name] = value;
  return next as unknown as LayerSpec;
}
