import type { LayerSpec, NetworkSpec } from '../spec';
import { summarizeNetwork } from '../summarize';
import {
  baseName,
  bindArguments,
  codeError,
  CodeSyntaxError,
  inputFromComments,
  PyParser,
  pythonNumber,
  pythonPair,
  pythonString,
  read,
  tokenize,
  type BoundArguments,
  type CodeError,
  type PyCall,
  type PyValue,
} from './python-syntax';
import type { LayerIssue } from '../info';
import type { ExportResult, ImportResult } from './types';
import { reportCaughtError } from '../../internal-error';

/** What a layer's code declared about its input, checked against the inferred shape afterwards. */
interface Declared {
  /** in_channels, in_features or num_features as written */
  name: string;
  value: number;
  /** Which axis of the input shape it must equal: channels (0) or the last axis. */
  axis: 'channels' | 'last';
  line: number;
  column: number;
}

interface LayerReader {
  signature: readonly string[];
  /** Arguments that must be given. */
  required: readonly string[];
  build(args: BoundArguments, call: PyCall): { layer: LayerSpec; declared?: Declared };
}

const NO_ARGS: readonly string[] = [];

function declared(args: BoundArguments, name: string, axis: Declared['axis'], where: string): Declared | undefined {
  const value = args.get(name);
  if (!value) return undefined;
  return { name, value: read.integer(value, `${where} ${name}`), axis, line: value.line, column: value.column };
}

/** Copies optional arguments that map one-to-one onto spec fields. */
function copyOptional(
  layer: Record<string, unknown>,
  args: BoundArguments,
  fields: Record<string, [specName: string, kind: 'number' | 'integer' | 'pair' | 'boolean' | 'padding']>,
  display: string,
): void {
  for (const [argName, [specName, kind]] of Object.entries(fields)) {
    const value = args.get(argName);
    if (!value) continue;
    const where = `${display} ${argName}`;
    if (kind === 'number') layer[specName] = read.number(value, where);
    else if (kind === 'integer') layer[specName] = read.integer(value, where);
    else if (kind === 'pair') layer[specName] = read.integerOrPair(value, where);
    else if (kind === 'boolean') layer[specName] = read.boolean(value, where);
    else layer[specName] = value.kind === 'string' ? read.string(value, where, ['same', 'valid']) : read.integerOrPair(value, where);
  }
}

/** Arguments accepted because they change no shape or count (padding_mode, inplace, device ...). */
function ignoreNoneOr(args: BoundArguments, name: string, allowed: (value: PyValue) => boolean, display: string): void {
  const value = args.get(name);
  if (value && !allowed(value)) read.fail(value, 'argument_not_supported', { module: display, name, got: read.describe(value) }, `${display} ${name}=${read.describe(value)} is not supported here`);
}

const conv2d: LayerReader = {
  signature: ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode', 'device', 'dtype'],
  required: ['in_channels', 'out_channels', 'kernel_size'],
  build(args) {
    const layer: Record<string, unknown> = {
      type: 'conv2d',
      out_channels: read.integer(args.get('out_channels')!, 'Conv2d out_channels'),
      kernel: read.integerOrPair(args.get('kernel_size')!, 'Conv2d kernel_size'),
    };
    copyOptional(layer, args, { stride: ['stride', 'pair'], padding: ['padding', 'padding'], dilation: ['dilation', 'pair'], groups: ['groups', 'integer'], bias: ['bias', 'boolean'] }, 'Conv2d');
    // Padding modes other than zeros change values, not shapes.
    ignoreNoneOr(args, 'padding_mode', (value) => value.kind === 'string' && ['zeros', 'reflect', 'replicate', 'circular'].includes(value.value), 'Conv2d');
    return { layer: layer as unknown as LayerSpec, declared: declared(args, 'in_channels', 'channels', 'Conv2d') };
  },
};

const convTranspose2d: LayerReader = {
  signature: ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'output_padding', 'groups', 'bias', 'dilation', 'padding_mode', 'device', 'dtype'],
  required: ['in_channels', 'out_channels', 'kernel_size'],
  build(args) {
    const layer: Record<string, unknown> = {
      type: 'convtranspose2d',
      out_channels: read.integer(args.get('out_channels')!, 'ConvTranspose2d out_channels'),
      kernel: read.integerOrPair(args.get('kernel_size')!, 'ConvTranspose2d kernel_size'),
    };
    copyOptional(
      layer,
      args,
      { stride: ['stride', 'pair'], padding: ['padding', 'pair'], output_padding: ['output_padding', 'pair'], groups: ['groups', 'integer'], bias: ['bias', 'boolean'], dilation: ['dilation', 'pair'] },
      'ConvTranspose2d',
    );
    ignoreNoneOr(args, 'padding_mode', (value) => value.kind === 'string' && value.value === 'zeros', 'ConvTranspose2d');
    return { layer: layer as unknown as LayerSpec, declared: declared(args, 'in_channels', 'channels', 'ConvTranspose2d') };
  },
};

function poolStride(layer: Record<string, unknown>, args: BoundArguments, display: string): void {
  const stride = args.get('stride');
  if (stride && stride.kind !== 'none') layer.stride = read.integerOrPair(stride, `${display} stride`);
}

const maxPool2d: LayerReader = {
  signature: ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'],
  required: ['kernel_size'],
  build(args) {
    const layer: Record<string, unknown> = { type: 'maxpool2d', kernel: read.integerOrPair(args.get('kernel_size')!, 'MaxPool2d kernel_size') };
    poolStride(layer, args, 'MaxPool2d');
    copyOptional(layer, args, { padding: ['padding', 'pair'], dilation: ['dilation', 'pair'], ceil_mode: ['ceil_mode', 'boolean'] }, 'MaxPool2d');
    ignoreNoneOr(args, 'return_indices', (value) => value.kind === 'bool' && !value.value, 'MaxPool2d');
    return { layer: layer as unknown as LayerSpec };
  },
};

const avgPool2d: LayerReader = {
  signature: ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'],
  required: ['kernel_size'],
  build(args) {
    const layer: Record<string, unknown> = { type: 'avgpool2d', kernel: read.integerOrPair(args.get('kernel_size')!, 'AvgPool2d kernel_size') };
    poolStride(layer, args, 'AvgPool2d');
    copyOptional(layer, args, { padding: ['padding', 'pair'], ceil_mode: ['ceil_mode', 'boolean'], count_include_pad: ['count_include_pad', 'boolean'] }, 'AvgPool2d');
    ignoreNoneOr(args, 'divisor_override', (value) => value.kind === 'none' || value.kind === 'number', 'AvgPool2d');
    return { layer: layer as unknown as LayerSpec };
  },
};

function isOne(size: number | [number, number]): boolean {
  return typeof size === 'number' ? size === 1 : size[0] === 1 && size[1] === 1;
}

/** AdaptiveAvgPool2d(1) is global average pooling (the same numbers); other sizes stay adaptive. */
const adaptiveAvgPool2d: LayerReader = {
  signature: ['output_size'],
  required: ['output_size'],
  build(args) {
    const size = read.integerOrPair(args.get('output_size')!, 'AdaptiveAvgPool2d output_size');
    return { layer: isOne(size) ? { type: 'globalavgpool2d' } : { type: 'adaptiveavgpool2d', output_size: size } };
  },
};

const adaptiveMaxPool2d: LayerReader = {
  signature: ['output_size', 'return_indices'],
  required: ['output_size'],
  build(args) {
    const value = args.get('output_size')!;
    const size = read.integerOrPair(value, 'AdaptiveMaxPool2d output_size');
    if (!isOne(size)) read.fail(value, 'adaptive_max_output_size', {}, 'AdaptiveMaxPool2d is supported with output_size 1 (global max pooling) only');
    return { layer: { type: 'globalmaxpool2d' } };
  },
};

const batchNorm2d: LayerReader = {
  signature: ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats', 'device', 'dtype'],
  required: ['num_features'],
  build(args) {
    const layer: Record<string, unknown> = { type: 'batchnorm2d' };
    const momentum = args.get('momentum');
    if (momentum?.kind === 'none') read.fail(momentum, 'batchnorm_momentum_none', {}, 'BatchNorm2d momentum=None (cumulative average) is not modelled; give a number from 0 to 1');
    copyOptional(layer, args, { eps: ['eps', 'number'], momentum: ['momentum', 'number'], affine: ['affine', 'boolean'], track_running_stats: ['track_running_stats', 'boolean'] }, 'BatchNorm2d');
    return { layer: layer as unknown as LayerSpec, declared: declared(args, 'num_features', 'channels', 'BatchNorm2d') };
  },
};

function simple(type: 'relu' | 'sigmoid' | 'tanh' | 'gelu' | 'flatten', signature: readonly string[] = NO_ARGS): LayerReader {
  return {
    signature,
    required: [],
    build(args) {
      if (type === 'gelu') ignoreNoneOr(args, 'approximate', (value) => value.kind === 'string' && ['none', 'tanh'].includes(value.value), 'GELU');
      if (type === 'relu') ignoreNoneOr(args, 'inplace', (value) => value.kind === 'bool', 'ReLU');
      if (type === 'flatten') {
        const start = args.get('start_dim');
        const end = args.get('end_dim');
        if (start && !(start.kind === 'number' && start.value === 1)) read.fail(start, 'flatten_start_dim', {}, 'Flatten is supported with start_dim=1 only (keep the batch axis)');
        if (end && !(end.kind === 'number' && end.value === -1)) read.fail(end, 'flatten_end_dim', {}, 'Flatten is supported with end_dim=-1 only');
      }
      return { layer: { type } as LayerSpec };
    },
  };
}

const leakyRelu: LayerReader = {
  signature: ['negative_slope', 'inplace'],
  required: [],
  build(args) {
    const layer: Record<string, unknown> = { type: 'leakyrelu' };
    copyOptional(layer, args, { negative_slope: ['negative_slope', 'number'] }, 'LeakyReLU');
    ignoreNoneOr(args, 'inplace', (value) => value.kind === 'bool', 'LeakyReLU');
    return { layer: layer as unknown as LayerSpec };
  },
};

const softmax: LayerReader = {
  signature: ['dim'],
  required: [],
  build(args) {
    const layer: Record<string, unknown> = { type: 'softmax' };
    const dim = args.get('dim');
    if (dim && dim.kind !== 'none') layer.dim = read.integer(dim, 'Softmax dim');
    return { layer: layer as unknown as LayerSpec };
  },
};

function dropoutReader(type: 'dropout' | 'dropout2d', display: string): LayerReader {
  return {
    signature: ['p', 'inplace'],
    required: [],
    build(args) {
      const layer: Record<string, unknown> = { type };
      copyOptional(layer, args, { p: ['p', 'number'] }, display);
      ignoreNoneOr(args, 'inplace', (value) => value.kind === 'bool', display);
      return { layer: layer as unknown as LayerSpec };
    },
  };
}

const linear: LayerReader = {
  signature: ['in_features', 'out_features', 'bias', 'device', 'dtype'],
  required: ['in_features', 'out_features'],
  build(args) {
    const layer: Record<string, unknown> = { type: 'linear', out_features: read.integer(args.get('out_features')!, 'Linear out_features') };
    copyOptional(layer, args, { bias: ['bias', 'boolean'] }, 'Linear');
    return { layer: layer as unknown as LayerSpec, declared: declared(args, 'in_features', 'last', 'Linear') };
  },
};

/** The torch.nn modules the importer reads, by class name. */
const READERS: Record<string, LayerReader> = {
  Conv2d: conv2d,
  ConvTranspose2d: convTranspose2d,
  MaxPool2d: maxPool2d,
  AvgPool2d: avgPool2d,
  AdaptiveAvgPool2d: adaptiveAvgPool2d,
  AdaptiveMaxPool2d: adaptiveMaxPool2d,
  BatchNorm2d: batchNorm2d,
  ReLU: simple('relu', ['inplace']),
  Sigmoid: simple('sigmoid'),
  Tanh: simple('tanh'),
  GELU: simple('gelu', ['approximate']),
  LeakyReLU: leakyRelu,
  Softmax: softmax,
  Dropout: dropoutReader('dropout', 'Dropout'),
  Dropout2d: dropoutReader('dropout2d', 'Dropout2d'),
  Flatten: simple('flatten', ['start_dim', 'end_dim']),
  Linear: linear,
};

export const PYTORCH_MODULES = Object.keys(READERS);

/** Finds `Sequential(` (nn.Sequential, torch.nn.Sequential) and returns the parser positioned on it. */
function findSequential(parser: PyParser, language: string): PyCall {
  const tokens = parser.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === 'name' && token.text === 'Sequential' && tokens[i + 1]?.kind === 'op' && tokens[i + 1]!.text === '(') {
      let start = i;
      while (start >= 2 && tokens[start - 1]!.text === '.' && tokens[start - 2]!.kind === 'name') start -= 2;
      parser.position = start;
      const { name, token: first } = parser.dottedName();
      return parser.callAfterName(name, first);
    }
  }
  const last = tokens[tokens.length - 1]!;
  const message = `no Sequential(...) found in the ${language} code${last.line > 1 ? ` (${last.line} lines read)` : ''}`;
  throw new CodeSyntaxError(codeError({ line: 1, column: 1 }, last.line > 1 ? 'no_sequential_lines' : 'no_sequential', { language, lines: last.line }, message));
}

/** The layers of a parsed model, before the in_channels / in_features checks. */
export interface ReadLayer {
  layer: LayerSpec;
  declared?: Declared | undefined;
  line: number;
}

/**
 * Compares each declared in_channels / in_features / num_features with the shape the engine
 * infers for that layer's input. Layers after an engine error cannot be checked (the error
 * itself is shown in the table after import).
 */
export function checkDeclaredInputs(spec: NetworkSpec, layers: readonly ReadLayer[]): CodeError[] {
  const summary = summarizeNetwork(spec);
  const errors: CodeError[] = [];
  layers.forEach((read, position) => {
    const info = summary.layers[position];
    const declaredInput = read.declared;
    if (!declaredInput || !info || info.status === 'not_computed' || !info.inputShape) return;
    const shape = info.inputShape;
    const actual = declaredInput.axis === 'channels' ? shape[0] : shape[shape.length - 1];
    if (declaredInput.axis === 'channels' && shape.length !== 3) return; // the engine reports "needs an image" itself
    if (actual === declaredInput.value) return;
    const values = { layer: position + 1, name: declaredInput.name, declared: declaredInput.value, shape: `[${shape.join(', ')}]`, actual: actual! };
    errors.push(codeError(declaredInput, 'declared_input_mismatch', values, `layer ${position + 1}: ${declaredInput.name} is ${declaredInput.value}, but its input is ${values.shape}, so it must be ${actual}`));
  });
  return errors;
}

/**
 * Reads `nn.Sequential(...)` PyTorch code into a network spec. Positional and keyword
 * arguments as in torch.nn; the input shape comes from a `# input: 3x128x128` comment or
 * `defaultInput`. All or nothing: any problem returns errors with line numbers and no spec.
 */
export function importPytorch(source: string, defaultInput: readonly number[]): ImportResult {
  try {
    const { tokens, comments } = tokenize(source);
    const parser = new PyParser(tokens);
    const sequential = findSequential(parser, 'PyTorch');
    if (sequential.keywords.length > 0) {
      const keyword = sequential.keywords[0]!;
      throw new CodeSyntaxError(codeError(keyword, 'sequential_keywords', {}, 'Sequential takes the layers as positional arguments'));
    }
    const errors: CodeError[] = [];
    const layers: ReadLayer[] = [];
    let items = sequential.args;
    // nn.Sequential(OrderedDict([('conv1', nn.Conv2d(...)), ...])) names its layers.
    if (items.length === 1 && items[0]!.kind === 'call' && baseName(items[0]!.callee) === 'OrderedDict') {
      const inner = items[0]!.args[0];
      if (!inner || inner.kind !== 'sequence') read.fail(items[0]!, 'ordered_dict_list', {}, 'OrderedDict must be given a list of (name, layer) pairs');
      items = inner.items.map((pair) => {
        if (pair.kind !== 'sequence' || pair.items.length !== 2) read.fail(pair, 'ordered_dict_pair', {}, 'each OrderedDict entry must be a (name, layer) pair');
        return pair.items[1]!;
      });
    }
    for (const item of items) {
      try {
        layers.push(readModule(item));
      } catch (error) {
        if (error instanceof CodeSyntaxError) errors.push(error.located);
        else throw error;
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    const input = inputFromComments(comments)?.shape ?? [...defaultInput];
    const spec: NetworkSpec = { input, layers: layers.map((each) => each.layer) };
    const mismatches = checkDeclaredInputs(spec, layers);
    return mismatches.length > 0 ? { ok: false, errors: mismatches } : { ok: true, spec, inputFromCode: inputFromComments(comments) !== null };
  } catch (error) {
    if (error instanceof CodeSyntaxError) return { ok: false, errors: [error.located] };
    reportCaughtError('importCode (pytorch)', error);
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [codeError({ line: 1, column: 1 }, 'unreadable', { detail }, `the code could not be read (${detail})`)] };
  }
}

function readModule(item: PyValue): ReadLayer {
  if (item.kind !== 'call') read.fail(item, 'expected_layer', { example: 'nn.Conv2d(...)', got: read.describe(item) }, `expected a layer such as nn.Conv2d(...), found ${read.describe(item)}`);
  const name = baseName(item.callee);
  const reader = Object.hasOwn(READERS, name) ? READERS[name] : undefined;
  if (!reader) read.fail(item, 'layer_not_supported', { callee: item.callee, supported: PYTORCH_MODULES.join(', ') }, `${item.callee} is not supported; supported layers: ${PYTORCH_MODULES.join(', ')}`);
  const args = bindArguments(item, reader.signature, name);
  const missing = reader.required.find((required) => !args.has(required));
  if (missing) read.fail(item, 'layer_needs', { module: name, argument: missing }, `${name} needs ${missing}`);
  const built = reader.build(args, item);
  return { layer: built.layer, declared: built.declared, line: item.line };
}

function field(layer: LayerSpec, name: string): unknown {
  return (layer as unknown as Record<string, unknown>)[name];
}

function keywordList(layer: LayerSpec, mapping: readonly [specName: string, argName: string][]): string[] {
  const parts: string[] = [];
  for (const [specName, argName] of mapping) {
    const value = field(layer, specName);
    if (value === undefined) continue;
    if (typeof value === 'boolean') parts.push(`${argName}=${value ? 'True' : 'False'}`);
    else if (typeof value === 'string') parts.push(`${argName}=${pythonString(value)}`);
    else parts.push(`${argName}=${pythonPair(value as number | [number, number])}`);
  }
  return parts;
}

/** One module's code; `inputShape` is what the engine inferred for the layer's input. */
function moduleCode(layer: LayerSpec, inputShape: readonly number[]): string {
  const channels = inputShape[0]!;
  switch (layer.type) {
    case 'conv2d':
      return `nn.Conv2d(${[String(channels), pythonNumber(layer.out_channels), `kernel_size=${pythonPair(layer.kernel)}`, ...keywordList(layer, [['stride', 'stride'], ['padding', 'padding'], ['dilation', 'dilation'], ['groups', 'groups'], ['bias', 'bias']])].join(', ')})`;
    case 'convtranspose2d':
      return `nn.ConvTranspose2d(${[String(channels), pythonNumber(layer.out_channels), `kernel_size=${pythonPair(layer.kernel)}`, ...keywordList(layer, [['stride', 'stride'], ['padding', 'padding'], ['output_padding', 'output_padding'], ['groups', 'groups'], ['bias', 'bias'], ['dilation', 'dilation']])].join(', ')})`;
    case 'maxpool2d':
      return `nn.MaxPool2d(${[`kernel_size=${pythonPair(layer.kernel)}`, ...keywordList(layer, [['stride', 'stride'], ['padding', 'padding'], ['dilation', 'dilation'], ['ceil_mode', 'ceil_mode']])].join(', ')})`;
    case 'avgpool2d':
      return `nn.AvgPool2d(${[`kernel_size=${pythonPair(layer.kernel)}`, ...keywordList(layer, [['stride', 'stride'], ['padding', 'padding'], ['ceil_mode', 'ceil_mode'], ['count_include_pad', 'count_include_pad']])].join(', ')})`;
    case 'globalavgpool2d':
      return 'nn.AdaptiveAvgPool2d(1)';
    case 'globalmaxpool2d':
      return 'nn.AdaptiveMaxPool2d(1)';
    case 'adaptiveavgpool2d':
      return `nn.AdaptiveAvgPool2d(${pythonPair(layer.output_size)})`;
    case 'batchnorm2d':
      return `nn.BatchNorm2d(${[String(channels), ...keywordList(layer, [['eps', 'eps'], ['momentum', 'momentum'], ['affine', 'affine'], ['track_running_stats', 'track_running_stats']])].join(', ')})`;
    case 'relu':
      return 'nn.ReLU()';
    case 'sigmoid':
      return 'nn.Sigmoid()';
    case 'tanh':
      return 'nn.Tanh()';
    case 'gelu':
      return 'nn.GELU()';
    case 'leakyrelu':
      return `nn.LeakyReLU(${keywordList(layer, [['negative_slope', 'negative_slope']]).join(', ')})`;
    case 'softmax':
      return `nn.Softmax(${keywordList(layer, [['dim', 'dim']]).join(', ')})`;
    case 'dropout':
      return `nn.Dropout(${keywordList(layer, [['p', 'p']]).join(', ')})`;
    case 'dropout2d':
      return `nn.Dropout2d(${keywordList(layer, [['p', 'p']]).join(', ')})`;
    case 'flatten':
      return 'nn.Flatten()';
    case 'linear':
      return `nn.Linear(${[String(inputShape[inputShape.length - 1]!), pythonNumber(layer.out_features), ...keywordList(layer, [['bias', 'bias']])].join(', ')})`;
  }
}

/**
 * The network as `nn.Sequential` code, in_channels / in_features filled in from the inferred
 * shapes. Every layer must compute (they are what those numbers come from). Re-imports to
 * the same spec, except that AdaptiveAvgPool2d(1) reads back as global average pooling.
 */
export function exportPytorch(spec: NetworkSpec): ExportResult {
  const summary = summarizeNetwork(spec);
  const issue = firstIssue(summary);
  if (issue) return blockedExport('pytorch', issue, `${issue.message}; fix it before exporting PyTorch code (in_channels and in_features come from the computed shapes)`);
  const lines = ['import torch.nn as nn', '', `# input: [${spec.input.join(', ')}] (C, H, W without the batch axis)`, 'model = nn.Sequential('];
  spec.layers.forEach((layer, i) => {
    const info = summary.layers[i]!;
    const inputShape = info.status === 'ok' ? info.inputShape : [];
    lines.push(`    ${moduleCode(layer, inputShape)},  # ${i + 1}`);
  });
  lines.push(')', '');
  return { ok: true, text: lines.join('\n'), notes: [], noteMessages: [] };
}

export function firstProblem(summary: ReturnType<typeof summarizeNetwork>): string | null {
  return firstIssue(summary)?.message ?? null;
}

/** The first thing that keeps the network from computing: an input issue or a layer's issue (null when none has one). */
export function firstIssue(summary: ReturnType<typeof summarizeNetwork>): LayerIssue | { message: string; layer: number } | null {
  if (summary.inputIssues.length > 0) return summary.inputIssues[0]!;
  const broken = summary.layers.find((info) => info.status === 'error');
  if (broken && broken.status === 'error') return broken.issues[0] ?? { message: `layer ${broken.index} has an error`, layer: broken.index };
  return null;
}

/** Why nothing was exported: the issue as data (shared/messages phrases it), `message` the English. */
export function blockedExport(format: 'pytorch' | 'keras', issue: LayerIssue | { message: string; layer: number }, message: string): ExportResult {
  return { ok: false, message, blocked: { format, issue: 'code' in issue ? { code: issue.code, values: issue.values, field: issue.field, message: issue.message } : { layer: issue.layer, message: issue.message } } };
}
