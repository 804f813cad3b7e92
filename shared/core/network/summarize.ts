import { describeShape, describeValue, formatPlain } from './format';
import type { ComputedLayerInfo, LayerInfo, LayerIssue, LayerOverview, NetworkOverview, NetworkSummary } from './info';
import { isPositiveInteger, LayerChecker, MAX_EXACT_INTEGER, type LayerIssueCode } from './issues';
import { imageExtent, type FeatureMap } from './layers/rule';
import { LAYER_RULES, ruleFor } from './layers/registry';
import { nextSpans, PIXEL_RECEPTIVE_FIELD, PIXEL_SPANS, receptiveFieldOf, type AxisSpans } from './receptive-field';
import type { LayerType, NetworkSpec } from './spec';
import { reportCaughtError } from '../internal-error';

/** The summary, plus the feature map entering one chosen layer (for derivations). */
export interface NetworkTrace {
  summary: NetworkSummary;
  /** Feature map entering layer `stopAfter`, when that layer was reached. */
  inputOfLastLayer?: FeatureMap;
  /** The raw layer object of layer `stopAfter`. */
  lastLayer?: Record<string, unknown>;
}

function inputIssue(code: LayerIssueCode, values: Record<string, string | number>, message: string): LayerIssue {
  return { code, field: 'input', values, message: `input: ${message}` };
}

function readInputShape(spec: unknown, issues: LayerIssue[]): number[] | undefined {
  if (typeof spec !== 'object' || spec === null) {
    issues.push(inputIssue('invalid_spec', { value: describeValue(spec) }, `the network must be an object with "input" and "layers", got ${describeValue(spec)}`));
    return undefined;
  }
  const input = (spec as { input?: unknown }).input;
  const valid = Array.isArray(input) && (input.length === 3 || input.length === 1) && input.every(isPositiveInteger);
  if (!valid) {
    issues.push(
      inputIssue(
        'invalid_input',
        { value: describeValue(input) },
        `shape must be [C, H, W] (an image) or [N] (a vector) of positive integers, got ${describeValue(input)}`,
      ),
    );
    return undefined;
  }
  const shape = (input as number[]).slice();
  const size = shape.reduce((product, dimension) => product * dimension, 1);
  if (size * 4 > MAX_EXACT_INTEGER) {
    issues.push(
      inputIssue('input_too_large', { shape: describeShape(shape), size: size.toPrecision(4), limit: formatPlain(MAX_EXACT_INTEGER / 4) }, `${describeShape(shape)} holds ${size.toPrecision(4)} values, above what can be counted exactly (${formatPlain(MAX_EXACT_INTEGER / 4)} at 4 bytes each); use a smaller input`),
    );
    return undefined;
  }
  return shape;
}

function readLayers(spec: unknown, issues: LayerIssue[]): readonly unknown[] {
  if (typeof spec !== 'object' || spec === null) return [];
  const layers = (spec as { layers?: unknown }).layers;
  if (Array.isArray(layers)) return layers;
  issues.push(inputIssue('invalid_layers', { value: describeValue(layers) }, `"layers" must be an array of layers, got ${describeValue(layers)}`));
  return [];
}

function layerTypeName(layer: unknown): string {
  if (typeof layer !== 'object' || layer === null) return '?';
  const type = (layer as { type?: unknown }).type;
  return typeof type === 'string' ? type : '?';
}

function outputSize(shape: readonly number[]): number {
  let size = 1;
  for (const dimension of shape) size *= dimension;
  return size;
}

/**
 * Runs the layers in order, up to layer `stopAfter` (1-based). After the first layer with an
 * issue every later layer is `not_computed`.
 */
export function traceNetwork(spec: NetworkSpec, stopAfter = Infinity): NetworkTrace {
  const inputIssues: LayerIssue[] = [];
  const inputShape = readInputShape(spec, inputIssues);
  const rawLayers = readLayers(spec, inputIssues);
  const totals = { params: 0, trainableParams: 0, buffers: 0, macs: 0, flops: 0, memoryBytes: 0 };
  const layers: LayerInfo[] = [];
  const trace: NetworkTrace = {
    summary: { input: inputShape ?? [], inputIssues, layers, totals, ok: false },
  };
  let current: FeatureMap | undefined = inputShape && {
    shape: inputShape,
    spatialExtent: imageExtent(inputShape),
    receptiveField: PIXEL_RECEPTIVE_FIELD,
    spans: [PIXEL_SPANS, PIXEL_SPANS],
  };
  const count = Math.min(rawLayers.length, stopAfter);
  for (let position = 0; position < count; position++) {
    const index = position + 1;
    const layer = rawLayers[position];
    const type = layerTypeName(layer) as LayerType;
    if (!current) {
      layers.push({ index, type, status: 'not_computed' });
      continue;
    }
    if (index === stopAfter) {
      trace.inputOfLastLayer = current;
      if (typeof layer === 'object' && layer !== null) trace.lastLayer = layer as Record<string, unknown>;
    }
    const check = new LayerChecker(index, type);
    const rule = ruleFor(type);
    if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) {
      check.report('not_an_object', undefined, { value: describeValue(layer) }, `each layer must be an object with a "type", got ${describeValue(layer)}`);
    } else if (!rule) {
      check.report(
        'unknown_type',
        'type',
        { value: describeValue((layer as { type?: unknown }).type), validTypes: Object.keys(LAYER_RULES).join(', ') },
        `unknown layer type ${describeValue((layer as { type?: unknown }).type)}; valid types: ${Object.keys(LAYER_RULES).join(', ')}`,
      );
    }
    const outcome = rule && !check.failed ? rule.compute(layer as Record<string, unknown>, current, check) : undefined;
    if (outcome && !check.failed) {
      const memoryBytes = 4 * outputSize(outcome.outputShape);
      const paramCount = outcome.params.trainable;
      const flops = 2 * outcome.macs;
      const countsExact =
        check.withinExactRange('output_memory', memoryBytes) &&
        check.withinExactRange('parameter_count', paramCount) &&
        check.withinExactRange('buffer_count', outcome.params.buffers) &&
        check.withinExactRange('flop_count', flops) &&
        check.withinExactRange('total_parameter_count', totals.params + paramCount) &&
        check.withinExactRange('total_buffer_count', totals.buffers + outcome.params.buffers) &&
        check.withinExactRange('total_flop_count', totals.flops + flops) &&
        check.withinExactRange('total_memory', totals.memoryBytes + memoryBytes);
      if (countsExact) {
        const spans: [AxisSpans, AxisSpans] = [nextSpans(current.spans[0], outcome.axes[0]), nextSpans(current.spans[1], outcome.axes[1])];
        const { receptiveField, spread } = receptiveFieldOf(spans, outcome.spatialExtent);
        const record: ComputedLayerInfo = {
          index,
          type,
          status: 'ok',
          inputShape: current.shape,
          outputShape: outcome.outputShape,
          params: outcome.params,
          macs: outcome.macs,
          flops,
          memoryBytes,
          inputReceptiveField: current.receptiveField,
          receptiveField,
          axes: outcome.axes,
          fieldSpread: spread,
        };
        if (outcome.geometry) record.geometry = outcome.geometry;
        layers.push(record);
        totals.params += paramCount;
        totals.trainableParams += outcome.params.trainable;
        totals.buffers += outcome.params.buffers;
        totals.macs += outcome.macs;
        totals.flops += flops;
        totals.memoryBytes += memoryBytes;
        current = { shape: outcome.outputShape, spatialExtent: outcome.spatialExtent, receptiveField, spans };
        continue;
      }
    }
    layers.push({ index, type, status: 'error', inputShape: current.shape, issues: check.issues });
    current = undefined;
  }
  trace.summary.ok = inputIssues.length === 0 && current !== undefined;
  return trace;
}

/**
 * Shapes, parameters, MACs, memory and receptive field of every layer, as PyTorch computes
 * them. Never throws: a bad input shape is reported in `inputIssues`, a bad layer as a record
 * with status "error" whose messages start "layer N (type): ", and every later layer is
 * "not_computed".
 */
export function summarizeNetwork(spec: NetworkSpec): NetworkSummary {
  try {
    return traceNetwork(spec).summary;
  } catch (error) {
    reportCaughtError('summarize', error);
    return unreadableSummary(error);
  }
}

/** `summarizeNetwork` without the fields only the engine itself reads (each layer's input receptive field and window geometry). */
export function summarizeOverview(spec: NetworkSpec): NetworkOverview {
  const summary = summarizeNetwork(spec);
  return { ...summary, layers: summary.layers.map(overviewOf) };
}

function overviewOf(layer: LayerInfo): LayerOverview {
  if (layer.status !== 'ok') return layer;
  const { inputReceptiveField: _inputReceptiveField, geometry: _geometry, axes: _axes, fieldSpread: _fieldSpread, ...overview } = layer;
  return overview;
}

/** Last resort for values no check anticipated (e.g. a getter that throws). */
function unreadableSummary(error: unknown): NetworkSummary {
  const reason = error instanceof Error ? error.message : describeValue(error);
  return {
    input: [],
    inputIssues: [inputIssue('unreadable', { reason }, `the network could not be read (${reason})`)],
    layers: [],
    totals: { params: 0, trainableParams: 0, buffers: 0, macs: 0, flops: 0, memoryBytes: 0 },
    ok: false,
  };
}

