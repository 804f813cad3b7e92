import type { LayerSpec, NetworkSpec } from '../spec';
import { summarizeNetwork } from '../summarize';
import { blockedExport, checkDeclaredInputs, firstIssue, type ReadLayer } from './pytorch';
import {
  baseName,
  bindArguments,
  codeError,
  CodeSyntaxError,
  inputFromComments,
  PyParser,
  pythonNumber,
  pythonPair,
  read,
  tokenize,
  type BoundArguments,
  type CodeError,
  type PyCall,
  type PyValue,
} from './python-syntax';
import { exportNote, type ExportNote, type ExportResult, type ImportResult } from './types';
import { reportCaughtError } from '../../internal-error';

/**
 * Keras Sequential models, channels last: (H, W, C) in Keras is [C, H, W] here. Keras
 * `padding='same'` becomes PyTorch padding when it is symmetric (stride 1, odd kernel, or a
 * stride and size where the total padding is even); `activation=` becomes its own layer.
 */

type Pair = readonly [number, number];

function pairOf(value: number | Pair): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

function samePair(pair: Pair): number | Pair {
  return pair[0] === pair[1] ? pair[0] : pair;
}

const ACTIVATIONS: Record<string, LayerSpec['type'] | null> = {
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  gelu: 'gelu',
  softmax: 'softmax',
  leaky_relu: 'leakyrelu',
  linear: null,
};

/** A layer read from Keras, with what still needs the input shape (same padding) resolved later. */
interface PendingLayer {
  layer: LayerSpec;
  line: number;
  column: number;
  samePadding?: { kernel: Pair; stride: Pair; dilation: Pair; pool: boolean };
  /** ZeroPadding2D folded into this layer */
  extraPadding?: Pair;
}

interface KerasContext {
  input: number[] | null;
  layers: PendingLayer[];
  pendingZeroPadding: { padding: Pair; line: number; column: number } | null;
}

function inputShapeFrom(value: PyValue, where: string): number[] {
  if (value.kind !== 'sequence') read.fail(value, 'keras_shape_tuple', { where }, `${where} must be a tuple such as (128, 128, 3)`);
  const numbers = value.items.filter((item) => item.kind !== 'none').map((item) => read.integer(item, where));
  if (numbers.length === 3) return [numbers[2]!, numbers[0]!, numbers[1]!];
  if (numbers.length === 1) return numbers;
  read.fail(value, 'keras_shape_length', { where, count: numbers.length }, `${where} must be (height, width, channels) or (features,), got ${numbers.length} numbers`);
}

function paddingArg(args: BoundArguments, display: string): 'same' | 'valid' {
  const value = args.get('padding');
  return value ? (read.string(value, `${display} padding`, ['same', 'valid']) as 'same' | 'valid') : 'valid';
}

function activationLayer(args: BoundArguments, display: string): LayerSpec | null {
  const value = args.get('activation');
  if (!value || value.kind === 'none') return null;
  const name = read.string(value, `${display} activation`);
  if (!Object.hasOwn(ACTIVATIONS, name)) {
    const supported = Object.keys(ACTIVATIONS).join(', ');
    read.fail(value, 'activation_not_supported', { name, supported }, `activation '${name}' is not supported; supported: ${supported}`);
  }
  const type = ACTIVATIONS[name];
  return type ? ({ type } as LayerSpec) : null;
}

function readInputShapeKeyword(ctx: KerasContext, args: BoundArguments, display: string): void {
  const value = args.get('input_shape');
  if (value) ctx.input = inputShapeFrom(value, `${display} input_shape`);
}

const COMMON = ['name', 'dtype', 'trainable', 'input_shape'];
/** The Keras layers the reader knows, for its message. */
const KERAS_LAYERS =
  'Input, Conv2D, Conv2DTranspose, MaxPooling2D, AveragePooling2D, GlobalAveragePooling2D, GlobalMaxPooling2D, ZeroPadding2D, BatchNormalization, Dense, Dropout, SpatialDropout2D, Flatten, Activation, ReLU, LeakyReLU, Softmax';
const CONV_IGNORED = ['kernel_initializer', 'bias_initializer', 'kernel_regularizer', 'bias_regularizer', 'activity_regularizer', 'kernel_constraint', 'bias_constraint', 'data_format'];

function checkDataFormat(args: BoundArguments, display: string): void {
  const value = args.get('data_format');
  if (value && value.kind !== 'none') read.string(value, `${display} data_format`, ['channels_last']);
}

function push(ctx: KerasContext, call: PyCall, pending: Omit<PendingLayer, 'line' | 'column'>, activation: LayerSpec | null): void {
  const entry: PendingLayer = { ...pending, line: call.line, column: call.column };
  if (ctx.pendingZeroPadding) {
    const type = pending.layer.type;
    if (type !== 'conv2d' && type !== 'maxpool2d' && type !== 'avgpool2d') {
      const zero = ctx.pendingZeroPadding;
      throw new CodeSyntaxError(codeError(zero, 'zero_padding_place', {}, 'ZeroPadding2D is read only directly before Conv2D, MaxPooling2D or AveragePooling2D'));
    }
    entry.extraPadding = ctx.pendingZeroPadding.padding;
    ctx.pendingZeroPadding = null;
  }
  ctx.layers.push(entry);
  if (activation) ctx.layers.push({ layer: activation, line: call.line, column: call.column });
}

function readKerasLayer(ctx: KerasContext, call: PyCall): void {
  const name = baseName(call.callee);
  const bind = (signature: string[]) => bindArguments(call, [...signature, ...COMMON], name);
  switch (name) {
    case 'Input':
    case 'InputLayer': {
      const args = bindArguments(call, ['shape', 'batch_size', 'dtype', 'name', 'input_shape', 'batch_shape', 'sparse', 'tensor', 'ragged'], name);
      const shape = args.get('shape') ?? args.get('input_shape');
      if (!shape) read.fail(call, 'keras_needs_shape', { module: name }, `${name} needs shape=(height, width, channels)`);
      ctx.input = inputShapeFrom(shape, `${name} shape`);
      return;
    }
    case 'Conv2D':
    case 'Conv2DTranspose': {
      const transposed = name === 'Conv2DTranspose';
      const args = bind(
        transposed
          ? ['filters', 'kernel_size', 'strides', 'padding', 'output_padding', 'data_format', 'dilation_rate', 'activation', 'use_bias', 'groups', ...CONV_IGNORED]
          : ['filters', 'kernel_size', 'strides', 'padding', 'data_format', 'dilation_rate', 'groups', 'activation', 'use_bias', ...CONV_IGNORED],
      );
      checkDataFormat(args, name);
      readInputShapeKeyword(ctx, args, name);
      const filters = args.get('filters');
      const kernelValue = args.get('kernel_size');
      if (!filters || !kernelValue) read.fail(call, 'keras_needs_filters', { module: name }, `${name} needs filters and kernel_size`);
      const kernel = read.integerOrPair(kernelValue, `${name} kernel_size`);
      const layer: Record<string, unknown> = { type: transposed ? 'convtranspose2d' : 'conv2d', out_channels: read.integer(filters, `${name} filters`), kernel };
      const strides = args.get('strides') ? read.integerOrPair(args.get('strides')!, `${name} strides`) : 1;
      const dilation = args.get('dilation_rate') ? read.integerOrPair(args.get('dilation_rate')!, `${name} dilation_rate`) : 1;
      if (args.get('strides')) layer.stride = strides;
      if (args.get('dilation_rate')) layer.dilation = dilation;
      if (args.get('groups')) layer.groups = read.integer(args.get('groups')!, `${name} groups`);
      if (args.get('use_bias')) layer.bias = read.boolean(args.get('use_bias')!, `${name} use_bias`);
      const padding = paddingArg(args, name);
      if (transposed) {
        if (padding === 'same') read.fail(args.get('padding')!, 'transpose_same_padding', {}, "Conv2DTranspose padding='same' is not read; use padding='valid' (and cropping) or write the PyTorch model");
        if (args.get('output_padding') && args.get('output_padding')!.kind !== 'none') layer.output_padding = read.integerOrPair(args.get('output_padding')!, `${name} output_padding`);
        push(ctx, call, { layer: layer as unknown as LayerSpec }, activationLayer(args, name));
        return;
      }
      const pending: Omit<PendingLayer, 'line' | 'column'> = { layer: layer as unknown as LayerSpec };
      if (padding === 'same') pending.samePadding = { kernel: pairOf(kernel), stride: pairOf(strides), dilation: pairOf(dilation), pool: false };
      push(ctx, call, pending, activationLayer(args, name));
      return;
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D':
    case 'MaxPool2D':
    case 'AvgPool2D': {
      const max = name.startsWith('Max');
      const args = bind(['pool_size', 'strides', 'padding', 'data_format']);
      checkDataFormat(args, name);
      readInputShapeKeyword(ctx, args, name);
      const kernel = args.get('pool_size') ? read.integerOrPair(args.get('pool_size')!, `${name} pool_size`) : 2;
      const layer: Record<string, unknown> = { type: max ? 'maxpool2d' : 'avgpool2d', kernel };
      const strideValue = args.get('strides');
      const stride = strideValue && strideValue.kind !== 'none' ? read.integerOrPair(strideValue, `${name} strides`) : kernel;
      if (strideValue && strideValue.kind !== 'none') layer.stride = stride;
      const pending: Omit<PendingLayer, 'line' | 'column'> = { layer: layer as unknown as LayerSpec };
      if (paddingArg(args, name) === 'same') pending.samePadding = { kernel: pairOf(kernel), stride: pairOf(stride), dilation: [1, 1], pool: true };
      push(ctx, call, pending, null);
      return;
    }
    case 'GlobalAveragePooling2D':
    case 'GlobalMaxPooling2D':
    case 'GlobalAvgPool2D':
    case 'GlobalMaxPool2D': {
      const args = bind(['data_format', 'keepdims']);
      checkDataFormat(args, name);
      const keepdims = args.get('keepdims') ? read.boolean(args.get('keepdims')!, `${name} keepdims`) : false;
      const type = name.includes('Max') ? 'globalmaxpool2d' : 'globalavgpool2d';
      push(ctx, call, { layer: { type } }, null);
      // Without keepdims Keras returns [C]; the [C, 1, 1] map flattened is the same vector.
      if (!keepdims) ctx.layers.push({ layer: { type: 'flatten' }, line: call.line, column: call.column });
      return;
    }
    case 'ZeroPadding2D': {
      const args = bind(['padding', 'data_format']);
      const value = args.get('padding');
      let padding: Pair = [1, 1];
      if (value) {
        if (value.kind === 'sequence' && value.items.some((item) => item.kind === 'sequence')) {
          read.fail(value, 'zero_padding_uneven', {}, 'ZeroPadding2D with different padding on each side cannot be expressed as PyTorch padding');
        }
        padding = pairOf(read.integerOrPair(value, 'ZeroPadding2D padding'));
      }
      ctx.pendingZeroPadding = { padding, line: call.line, column: call.column };
      return;
    }
    case 'BatchNormalization': {
      const args = bind(['axis', 'momentum', 'epsilon', 'center', 'scale', 'beta_initializer', 'gamma_initializer', 'moving_mean_initializer', 'moving_variance_initializer', 'beta_regularizer', 'gamma_regularizer', 'beta_constraint', 'gamma_constraint', 'synchronized']);
      readInputShapeKeyword(ctx, args, name);
      const layer: Record<string, unknown> = { type: 'batchnorm2d' };
      if (args.get('epsilon')) layer.eps = read.number(args.get('epsilon')!, 'BatchNormalization epsilon');
      // Keras keeps momentum of the old statistics; PyTorch the weight of the new batch.
      if (args.get('momentum')) layer.momentum = Number((1 - read.number(args.get('momentum')!, 'BatchNormalization momentum')).toPrecision(12));
      const center = args.get('center') ? read.boolean(args.get('center')!, 'BatchNormalization center') : true;
      const scale = args.get('scale') ? read.boolean(args.get('scale')!, 'BatchNormalization scale') : true;
      if (center !== scale) read.fail(call, 'batchnorm_center_scale', {}, 'BatchNormalization with only one of center and scale has no PyTorch equivalent (affine sets both)');
      if (!center) layer.affine = false;
      push(ctx, call, { layer: layer as unknown as LayerSpec }, null);
      return;
    }
    case 'Dense': {
      const args = bind(['units', 'activation', 'use_bias', ...CONV_IGNORED.filter((each) => each !== 'data_format')]);
      readInputShapeKeyword(ctx, args, name);
      const units = args.get('units');
      if (!units) read.fail(call, 'layer_needs', { module: 'Dense', argument: 'units' }, 'Dense needs units');
      const layer: Record<string, unknown> = { type: 'linear', out_features: read.integer(units, 'Dense units') };
      if (args.get('use_bias')) layer.bias = read.boolean(args.get('use_bias')!, 'Dense use_bias');
      push(ctx, call, { layer: layer as unknown as LayerSpec }, activationLayer(args, name));
      return;
    }
    case 'Dropout':
    case 'SpatialDropout2D': {
      const args = bind(['rate', 'noise_shape', 'seed']);
      const rate = args.get('rate');
      if (!rate) read.fail(call, 'layer_needs', { module: name, argument: 'rate' }, `${name} needs rate`);
      push(ctx, call, { layer: { type: name === 'Dropout' ? 'dropout' : 'dropout2d', p: read.number(rate, `${name} rate`) } }, null);
      return;
    }
    case 'Flatten': {
      const args = bind(['data_format']);
      readInputShapeKeyword(ctx, args, name);
      push(ctx, call, { layer: { type: 'flatten' } }, null);
      return;
    }
    case 'Activation': {
      const args = bind(['activation']);
      const layer = activationLayer(args, name);
      if (!args.get('activation')) read.fail(call, 'activation_needs_name', {}, 'Activation needs the activation name');
      if (layer) push(ctx, call, { layer }, null);
      return;
    }
    case 'ReLU': {
      const args = bind(['max_value', 'negative_slope', 'threshold']);
      for (const key of ['max_value', 'negative_slope', 'threshold']) {
        const value = args.get(key);
        if (value && !(value.kind === 'none' || (value.kind === 'number' && value.value === 0 && key !== 'max_value'))) {
          read.fail(value, 'relu_argument', { name: key }, `ReLU ${key} is not supported (use LeakyReLU for a slope)`);
        }
      }
      push(ctx, call, { layer: { type: 'relu' } }, null);
      return;
    }
    case 'LeakyReLU': {
      const args = bind(['negative_slope', 'alpha']);
      const slope = args.get('negative_slope') ?? args.get('alpha');
      push(ctx, call, { layer: slope ? { type: 'leakyrelu', negative_slope: read.number(slope, 'LeakyReLU negative_slope') } : { type: 'leakyrelu', negative_slope: 0.3 } }, null);
      return;
    }
    case 'Softmax': {
      const args = bind(['axis']);
      const axis = args.get('axis');
      if (axis && !(axis.kind === 'number' && axis.value === -1)) read.fail(axis, 'softmax_axis', {}, 'Softmax is read with axis=-1 (the channels) only');
      push(ctx, call, { layer: { type: 'softmax' } }, null);
      return;
    }
    default:
      read.fail(call, 'keras_layer_not_supported', { callee: call.callee, supported: KERAS_LAYERS }, `${call.callee} is not supported; supported Keras layers: ${KERAS_LAYERS}`);
  }
}

/** Keras 'same': total padding max((ceil(n/s) - 1)s + d(k - 1) + 1 - n, 0), split before/after; null when uneven. */
function samePaddingFor(size: number, kernel: number, stride: number, dilation: number): number | null {
  const total = Math.max((Math.ceil(size / stride) - 1) * stride + dilation * (kernel - 1) + 1 - size, 0);
  return total % 2 === 0 ? total / 2 : null;
}

/** Fixes 'same' padding layer by layer, inferring each layer's input with the engine. */
function resolvePadding(input: number[], pending: PendingLayer[]): { spec: NetworkSpec; errors: CodeError[] } {
  const layers: LayerSpec[] = [];
  const errors: CodeError[] = [];
  for (const entry of pending) {
    let layer = entry.layer;
    if (entry.samePadding || entry.extraPadding) {
      const next: Record<string, unknown> = { ...layer };
      let padding: Pair = entry.extraPadding ?? [0, 0];
      if (entry.samePadding) {
        const { kernel, stride, dilation, pool } = entry.samePadding;
        if (!pool && stride[0] === 1 && stride[1] === 1 && entry.extraPadding === undefined) {
          next.padding = 'same';
          layers.push(next as unknown as LayerSpec);
          continue;
        }
        const summary = summarizeNetwork({ input, layers });
        const last = layers.length === 0 ? null : summary.layers[layers.length - 1];
        const shape = layers.length === 0 ? (summary.inputIssues.length === 0 ? input : null) : last?.status === 'ok' ? last.outputShape : null;
        if (!shape || shape.length !== 3) {
          errors.push(codeError(entry, 'same_needs_input', {}, "padding='same' needs the input size; an earlier layer or the input shape has a problem"));
          continue;
        }
        const sameHeight = samePaddingFor(shape[1]!, kernel[0], stride[0], dilation[0]);
        const sameWidth = samePaddingFor(shape[2]!, kernel[1], stride[1], dilation[1]);
        if (sameHeight === null || sameWidth === null) {
          const size = `${shape[1]}x${shape[2]}`;
          errors.push(
            codeError(entry, 'same_pads_unevenly', { size }, `padding='same' on a ${size} input pads unevenly here (TensorFlow puts the extra pixel at the end), which PyTorch padding cannot express; use padding='valid' with ZeroPadding2D`),
          );
          continue;
        }
        padding = [padding[0] + sameHeight, padding[1] + sameWidth];
      }
      if (padding[0] !== 0 || padding[1] !== 0) next.padding = samePair(padding);
      layer = next as unknown as LayerSpec;
    }
    layers.push(layer);
  }
  return { spec: { input, layers }, errors };
}

/** Finds `Sequential([...])` or a series of `model.add(...)` calls. */
function readKerasModel(parser: PyParser, ctx: KerasContext): void {
  const tokens = parser.tokens;
  const errors: CodeError[] = [];
  const guard = (call: () => void) => {
    try {
      call();
    } catch (error) {
      if (error instanceof CodeSyntaxError) errors.push(error.located);
      else throw error;
    }
  };
  let found = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const opens = tokens[i + 1]?.kind === 'op' && tokens[i + 1]!.text === '(';
    if (token.kind === 'name' && token.text === 'Sequential' && opens && !found) {
      found = true;
      let start = i;
      while (start >= 2 && tokens[start - 1]!.text === '.' && tokens[start - 2]!.kind === 'name') start -= 2;
      parser.position = start;
      const { name, token: first } = parser.dottedName();
      const call = parser.callAfterName(name, first);
      const list = call.args[0] ?? call.keywords.find((keyword) => keyword.name === 'layers')?.value;
      if (list) {
        if (list.kind !== 'sequence') read.fail(list, 'keras_sequential_list', {}, 'Sequential takes a list of layers: Sequential([...])');
        for (const item of list.items) {
          guard(() => {
            if (item.kind !== 'call') read.fail(item, 'expected_layer', { example: 'layers.Conv2D(...)', got: read.describe(item) }, `expected a layer such as layers.Conv2D(...), found ${read.describe(item)}`);
            readKerasLayer(ctx, item);
          });
        }
      }
      i = parser.position - 1;
    } else if (token.kind === 'name' && token.text === 'add' && opens && tokens[i - 1]?.text === '.') {
      found = true;
      parser.position = i + 2;
      guard(() => {
        const item = parser.value();
        if (item.kind !== 'call') read.fail(item, 'model_add_layer', { got: read.describe(item) }, `model.add needs a layer such as layers.Conv2D(...), found ${read.describe(item)}`);
        readKerasLayer(ctx, item);
      });
      i = parser.position - 1;
    }
  }
  if (!found) throw new CodeSyntaxError(codeError({ line: 1, column: 1 }, 'no_keras_sequential', {}, 'no keras Sequential([...]) or model.add(...) found in the code'));
  if (errors.length > 0) throw new KerasErrors(errors);
}

class KerasErrors extends Error {
  constructor(readonly errors: CodeError[]) {
    super('keras import errors');
  }
}

/**
 * Reads a Keras Sequential model (list form or model.add calls) into a spec. The input
 * comes from Input(shape=...), input_shape=..., a `# input:` comment, or `defaultInput`.
 */
export function importKeras(source: string, defaultInput: readonly number[]): ImportResult {
  try {
    const { tokens, comments } = tokenize(source);
    const ctx: KerasContext = { input: null, layers: [], pendingZeroPadding: null };
    readKerasModel(new PyParser(tokens), ctx);
    if (ctx.pendingZeroPadding) {
      const zero = ctx.pendingZeroPadding;
      return { ok: false, errors: [codeError(zero, 'zero_padding_at_end', {}, 'ZeroPadding2D at the end pads nothing that follows; remove it')] };
    }
    const fromComment = inputFromComments(comments)?.shape ?? null;
    const input = ctx.input ?? fromComment ?? [...defaultInput];
    const { spec, errors } = resolvePadding(input, ctx.layers);
    if (errors.length > 0) return { ok: false, errors };
    const mismatches = checkDeclaredInputs(spec, spec.layers.map((layer) => ({ layer, line: 0 }) satisfies ReadLayer));
    if (mismatches.length > 0) return { ok: false, errors: mismatches };
    return { ok: true, spec, inputFromCode: ctx.input !== null || fromComment !== null };
  } catch (error) {
    if (error instanceof KerasErrors) return { ok: false, errors: error.errors };
    if (error instanceof CodeSyntaxError) return { ok: false, errors: [error.located] };
    reportCaughtError('importCode (keras)', error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [codeError({ line: 1, column: 1 }, 'unreadable', { detail }, `the code could not be read (${detail})`)] };
  }
}

function kerasPadding(layer: { padding?: unknown; kernel: number | Pair; dilation?: number | Pair; stride?: number | Pair }, pool: boolean, lines: string[], notes: ExportNote[], index: number): string {
  const padding = layer.padding;
  if (padding === undefined || padding === 'valid') return "padding='valid'";
  if (padding === 'same') return "padding='same'";
  const pair = pairOf(padding as number | Pair);
  if (pair[0] === 0 && pair[1] === 0) return "padding='valid'";
  const kernel = pairOf(layer.kernel);
  const dilation = pairOf(layer.dilation ?? 1);
  const stride = pairOf(layer.stride ?? (pool ? layer.kernel : 1));
  const isSame = stride[0] === 1 && stride[1] === 1 && [0, 1].every((axis) => 2 * pair[axis]! === dilation[axis]! * (kernel[axis]! - 1));
  if (isSame && !pool) return "padding='same'";
  lines.push(`    layers.ZeroPadding2D(${pythonPair(samePair(pair))}),`);
  if (pool) notes.push(exportNote('pool_zero_padding', { layer: index }, `layer ${index}: Keras pads pooling with zeros (PyTorch max pooling pads with -inf): same shape, values may differ at the border`));
  return "padding='valid'";
}

/** The network as Keras code (channels last); notes list what Keras cannot express. */
export function exportKeras(spec: NetworkSpec): ExportResult {
  const summary = summarizeNetwork(spec);
  const issue = firstIssue(summary);
  if (issue) return blockedExport('keras', issue, `${issue.message}; fix it before exporting Keras code`);
  const notes: ExportNote[] = [];
  const shape = spec.input.length === 3 ? `(${spec.input[1]}, ${spec.input[2]}, ${spec.input[0]})` : `(${spec.input.join(', ')},)`;
  const lines = ['import keras', 'from keras import layers', '', 'model = keras.Sequential([', `    keras.Input(shape=${shape}),`];
  spec.layers.forEach((layer, position) => {
    const index = position + 1;
    const info = summary.layers[position]!;
    const inputShape = info.status === 'ok' ? info.inputShape : [];
    switch (layer.type) {
      case 'conv2d':
      case 'convtranspose2d': {
        const transposed = layer.type === 'convtranspose2d';
        const args = [pythonNumber(layer.out_channels), pythonPair(layer.kernel)];
        if (layer.stride !== undefined) args.push(`strides=${pythonPair(layer.stride)}`);
        if (transposed) {
          if (layer.padding !== undefined && pairOf(layer.padding as number | Pair).some((value) => value !== 0)) {
            notes.push(
              exportNote('transpose_padding', { layer: index, cropping: pythonPair(layer.padding) }, `layer ${index}: Conv2DTranspose has no numeric padding; exported with padding='valid' (add Cropping2D(${pythonPair(layer.padding)}) after it for the same shape)`),
            );
          }
          if (layer.output_padding !== undefined) args.push(`output_padding=${pythonPair(layer.output_padding)}`);
        } else {
          args.push(kerasPadding(layer, false, lines, notes, index));
        }
        if (layer.dilation !== undefined) args.push(`dilation_rate=${pythonPair(layer.dilation)}`);
        if (layer.groups !== undefined && layer.groups !== 1) args.push(`groups=${pythonNumber(layer.groups)}`);
        if (layer.bias === false) args.push('use_bias=False');
        lines.push(`    layers.${transposed ? 'Conv2DTranspose' : 'Conv2D'}(${args.join(', ')}),`);
        break;
      }
      case 'maxpool2d':
      case 'avgpool2d': {
        const args = [`pool_size=${pythonPair(layer.kernel)}`];
        if (layer.stride !== undefined) args.push(`strides=${pythonPair(layer.stride)}`);
        args.push(kerasPadding(layer, true, lines, notes, index));
        if (layer.ceil_mode) notes.push(exportNote('ceil_mode', { layer: index }, `layer ${index}: ceil_mode has no Keras equivalent; exported without it (the output may be one smaller)`));
        if (layer.type === 'maxpool2d' && layer.dilation !== undefined && pairOf(layer.dilation).some((value) => value !== 1)) {
          notes.push(exportNote('pool_dilation', { layer: index }, `layer ${index}: Keras pooling has no dilation; exported without it`));
        }
        lines.push(`    layers.${layer.type === 'maxpool2d' ? 'MaxPooling2D' : 'AveragePooling2D'}(${args.join(', ')}),`);
        break;
      }
      case 'globalavgpool2d':
        lines.push('    layers.GlobalAveragePooling2D(keepdims=True),');
        break;
      case 'globalmaxpool2d':
        lines.push('    layers.GlobalMaxPooling2D(keepdims=True),');
        break;
      case 'adaptiveavgpool2d': {
        const size = pairOf(layer.output_size);
        const [height, width] = [inputShape[1]!, inputShape[2]!];
        if (height % size[0] === 0 && width % size[1] === 0) {
          lines.push(`    layers.AveragePooling2D(pool_size=${pythonPair(samePair([height / size[0], width / size[1]]))}),`);
        } else {
          return void notes.push(exportNote('adaptive_avg_pool', { layer: index, from: `${height}x${width}`, to: `${size[0]}x${size[1]}` }, `layer ${index}: AdaptiveAvgPool2d from ${height}x${width} to ${size[0]}x${size[1]} has no Keras layer; left out`));
        }
        break;
      }
      case 'batchnorm2d': {
        const args: string[] = [];
        if (layer.eps !== undefined) args.push(`epsilon=${pythonNumber(layer.eps)}`);
        if (layer.momentum !== undefined) args.push(`momentum=${pythonNumber(Number((1 - layer.momentum).toPrecision(12)))}`);
        if (layer.affine === false) args.push('center=False', 'scale=False');
        if (layer.track_running_stats === false) notes.push(exportNote('running_statistics', { layer: index }, `layer ${index}: Keras BatchNormalization always keeps running statistics`));
        lines.push(`    layers.BatchNormalization(${args.join(', ')}),`);
        break;
      }
      case 'relu':
        lines.push('    layers.ReLU(),');
        break;
      case 'sigmoid':
      case 'tanh':
      case 'gelu':
        lines.push(`    layers.Activation('${layer.type}'),`);
        break;
      case 'leakyrelu':
        lines.push(`    layers.LeakyReLU(negative_slope=${pythonNumber(layer.negative_slope ?? 0.01)}),`);
        break;
      case 'softmax':
        if (layer.dim !== undefined && layer.dim !== 1 && layer.dim !== -1) notes.push(exportNote('softmax_dim', { layer: index, dim: layer.dim }, `layer ${index}: softmax over dim ${layer.dim} exported over the channels (axis=-1)`));
        lines.push('    layers.Softmax(),');
        break;
      case 'dropout':
        lines.push(`    layers.Dropout(${pythonNumber(layer.p ?? 0.5)}),`);
        break;
      case 'dropout2d':
        lines.push(`    layers.SpatialDropout2D(${pythonNumber(layer.p ?? 0.5)}),`);
        break;
      case 'flatten':
        if (inputShape.length === 3) notes.push(exportNote('flatten_order', { layer: index }, `layer ${index}: Keras flattens channels last (H, W, C), so the vector's order differs from PyTorch's; its size is the same`));
        lines.push('    layers.Flatten(),');
        break;
      case 'linear':
        if (inputShape.length === 3) notes.push(exportNote('linear_on_map', { layer: index }, `layer ${index}: PyTorch's Linear acts on the width of a [C, H, W] map; Keras' Dense acts on the channels`));
        lines.push(`    layers.Dense(${[pythonNumber(layer.out_features), ...(layer.bias === false ? ['use_bias=False'] : [])].join(', ')}),`);
        break;
    }
  });
  lines.push('])', '');
  return { ok: true, text: lines.join('\n'), notes: notes.map((note) => note.message), noteMessages: notes };
}
