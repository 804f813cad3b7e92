import { z } from 'zod';
import { describeValue } from '../core/network/format';
import { LAYER_TYPES, type LayerSpec, type LayerType, type NetworkSpec } from '../core/network/spec';
import type { SchemaIssue, SchemaIssueCode, SchemaValues } from './schema-issues';

/**
 * Structural validation of a network spec at the boundary (files, IPC, CLI). It checks
 * that every field exists and has the right JSON type; the engine then checks values
 * (positive kernels, sizes that fit) and reports those per layer. Unknown fields are
 * errors so that a typo ("kernal") is named instead of silently ignored.
 */

const intOrPair = z.union([z.number(), z.tuple([z.number(), z.number()])]);
const convPadding = z.union([intOrPair, z.literal('same'), z.literal('valid')]);

const layerSchemas = {
  conv2d: z.strictObject({
    type: z.literal('conv2d'),
    out_channels: z.number(),
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: convPadding.optional(),
    dilation: intOrPair.optional(),
    groups: z.number().optional(),
    bias: z.boolean().optional(),
  }),
  convtranspose2d: z.strictObject({
    type: z.literal('convtranspose2d'),
    out_channels: z.number(),
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: intOrPair.optional(),
    output_padding: intOrPair.optional(),
    dilation: intOrPair.optional(),
    groups: z.number().optional(),
    bias: z.boolean().optional(),
  }),
  maxpool2d: z.strictObject({
    type: z.literal('maxpool2d'),
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: intOrPair.optional(),
    dilation: intOrPair.optional(),
    ceil_mode: z.boolean().optional(),
  }),
  avgpool2d: z.strictObject({
    type: z.literal('avgpool2d'),
    kernel: intOrPair,
    stride: intOrPair.optional(),
    padding: intOrPair.optional(),
    ceil_mode: z.boolean().optional(),
    count_include_pad: z.boolean().optional(),
  }),
  globalmaxpool2d: z.strictObject({ type: z.literal('globalmaxpool2d') }),
  globalavgpool2d: z.strictObject({ type: z.literal('globalavgpool2d') }),
  adaptiveavgpool2d: z.strictObject({ type: z.literal('adaptiveavgpool2d'), output_size: intOrPair }),
  batchnorm2d: z.strictObject({
    type: z.literal('batchnorm2d'),
    eps: z.number().optional(),
    momentum: z.number().optional(),
    affine: z.boolean().optional(),
    track_running_stats: z.boolean().optional(),
  }),
  relu: z.strictObject({ type: z.literal('relu') }),
  sigmoid: z.strictObject({ type: z.literal('sigmoid') }),
  tanh: z.strictObject({ type: z.literal('tanh') }),
  gelu: z.strictObject({ type: z.literal('gelu') }),
  leakyrelu: z.strictObject({ type: z.literal('leakyrelu'), negative_slope: z.number().optional() }),
  softmax: z.strictObject({ type: z.literal('softmax'), dim: z.number().optional() }),
  dropout: z.strictObject({ type: z.literal('dropout'), p: z.number().optional() }),
  dropout2d: z.strictObject({ type: z.literal('dropout2d'), p: z.number().optional() }),
  flatten: z.strictObject({ type: z.literal('flatten') }),
  linear: z.strictObject({ type: z.literal('linear'), out_features: z.number(), bias: z.boolean().optional() }),
} satisfies Record<LayerType, z.ZodType>;

/** Largest accepted stack; beyond it a file is more likely a mistake than a network. */
export const MAX_LAYERS = 10_000;

export interface SpecError {
  /** JSON path, e.g. "layers[3].kernel" */
  path: string;
  /** Readable message naming the layer and what would be valid. */
  message: string;
  /** What it says as data (shared/messages/schema-issues.ts phrases it); absent for a zod message passed on as it is. */
  code?: SchemaIssueCode;
  values?: SchemaValues;
}

export type SpecParseResult = { ok: true; spec: NetworkSpec } | { ok: false; errors: SpecError[] };

/** A layer field's zod issue as our sentence, with its code and values (`layer` and `type` added by the caller); no code for a message zod wrote that we pass on. */
function describeIssue(issue: z.core.$ZodIssue): { text: string; code?: SchemaIssueCode; values?: SchemaValues } {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const fields = issue.keys.map((k) => `"${k}"`).join(', ');
      const many = issue.keys.length > 1;
      return { text: `unknown field${many ? 's' : ''} ${fields}`, code: 'layer_unknown_fields', values: { fields, plural: many ? 'many' : 'one' } };
    }
    case 'invalid_type':
      return { text: `expected ${issue.expected}`, code: 'layer_field_type', values: { expected: issue.expected } };
    case 'invalid_union':
      return { text: 'expected a number or [height, width]', code: 'layer_field_pair', values: {} };
    default:
      return { text: issue.message };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates the structure of a network spec; every error names the layer and field. */
export function parseNetworkSpec(value: unknown): SpecParseResult {
  const errors: SpecError[] = [];
  if (!isRecord(value)) {
    return { ok: false, errors: [{ path: '', message: 'a network spec must be an object with "input" and "layers"', code: 'spec_not_object', values: {} }] };
  }
  const unknownKeys = Object.keys(value).filter((k) => k !== 'input' && k !== 'layers');
  if (unknownKeys.length > 0) {
    const fields = unknownKeys.map((k) => `"${k}"`).join(', ');
    errors.push({ path: '', message: `unknown field(s) ${fields}; a spec has "input" and "layers"`, code: 'spec_unknown_fields', values: { fields } });
  }
  const input = value['input'];
  const inputOk = Array.isArray(input) && input.every((n) => typeof n === 'number' && Number.isFinite(n));
  if (!inputOk) {
    errors.push({ path: 'input', message: 'input: expected [C, H, W] for an image or [N] for a vector, as numbers', code: 'spec_input', values: {} });
  }
  const layers = value['layers'];
  const layersOut: LayerSpec[] = [];
  if (!Array.isArray(layers)) {
    errors.push({ path: 'layers', message: 'layers: expected an array of layer objects', code: 'spec_layers_not_array', values: {} });
  } else if (layers.length > MAX_LAYERS) {
    errors.push({ path: 'layers', message: `layers: ${layers.length} layers is more than the limit of ${MAX_LAYERS}`, code: 'spec_too_many_layers', values: { count: layers.length, limit: MAX_LAYERS } });
  } else {
    layers.forEach((layer: unknown, i) => {
      const label = `layer ${i + 1}`;
      if (!isRecord(layer)) {
        errors.push({ path: `layers[${i}]`, message: `${label}: expected an object with a "type"`, code: 'layer_not_object', values: { layer: i + 1 } });
        return;
      }
      const type = layer['type'];
      if (typeof type !== 'string' || !(LAYER_TYPES as readonly string[]).includes(type)) {
        const got = describeValue(type);
        const valid = LAYER_TYPES.join(', ');
        errors.push({ path: `layers[${i}].type`, message: `${label}: unknown type ${got}; valid types are ${valid}`, code: 'layer_unknown_type', values: { layer: i + 1, got, valid } });
        return;
      }
      const schema = layerSchemas[type as LayerType];
      const parsed = schema.safeParse(layer);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = issue.path.length > 0 ? String(issue.path[0]) : '';
          const missing = field !== '' && !(field in layer);
          const described = missing ? { text: 'is required', code: 'layer_field_required' as const, values: {} } : describeIssue(issue);
          const path = `layers[${i}]${field ? `.${field}` : ''}`;
          const message = `${label} (${type})${field ? `: ${field}` : ''}: ${described.text}`;
          // A code's sentence names the field when it has one: unknown fields are the layer's own (no field), the rest a field's.
          const fits = described.code && (described.code === 'layer_unknown_fields') === (field === '');
          errors.push(fits ? { path, message, code: described.code, values: { layer: i + 1, type, ...(field ? { field } : {}), ...described.values } } : { path, message });
        }
        return;
      }
      layersOut.push(parsed.data as LayerSpec);
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, spec: { input: input as number[], layers: layersOut } };
}

/** A spec error as a schema issue's message and data (for phrasing it, shared/messages/schema-issues.ts). */
export function specErrorIssue(error: SpecError): Pick<SchemaIssue, 'message' | 'coded'> {
  return error.code ? { message: error.message, coded: { family: 'schema', code: error.code, values: error.values ?? {} } } : { message: error.message };
}

/** zod schema form, for composing into larger schemas (project files, IPC payloads). */
export const networkSpecSchema = z.unknown().transform((value, ctx) => {
  const result = parseNetworkSpec(value);
  if (!result.ok) {
    for (const error of result.errors) {
      // The code and values ride in params, so a reader of the issue (a project file, the CLI) can phrase it.
      const params = error.code ? { coded: { family: 'schema', code: error.code, values: error.values ?? {} } } : undefined;
      ctx.addIssue({ code: 'custom', message: error.message, path: error.path ? [error.path] : [], ...(params ? { params } : {}) });
    }
    return z.NEVER;
  }
  return result.spec;
});
