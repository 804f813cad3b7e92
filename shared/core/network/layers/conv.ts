import { windowOutputDerivation } from './window-output';
import { scalarDerivation, term, productTerm, outputDerivation } from '../derivation';
import { formatLatex as n, formatPlain as p, describeValue } from '../format';
import {
  convOutputSize,
  samePadding,
  symmetricPadding,
  transposedOutputSize,
  windowGeometry,
} from '../geometry';
import type { Pair, WindowGeometry } from '../info';
import { isNonNegativeInteger, type LayerChecker } from '../issues';
import type { AxisMap } from '../receptive-field';
import { spreadReceptiveFieldDerivations, windowReceptiveFieldDerivations } from '../receptive-field-derivation';
import { requireImage, windowAxes, type FeatureMap, type LayerRule } from './rule';

interface ConvFields {
  outChannels: number;
  kernel: Pair;
  stride: Pair;
  dilation: Pair;
  groups: number;
  bias: boolean;
}

function readConvFields(layer: Record<string, unknown>, check: LayerChecker): ConvFields {
  return {
    outChannels: check.positiveInteger(layer, 'out_channels'),
    kernel: check.pair(layer, 'kernel', 1),
    stride: check.pair(layer, 'stride', 1, [1, 1]),
    dilation: check.pair(layer, 'dilation', 1, [1, 1]),
    groups: check.positiveInteger(layer, 'groups', 1),
    bias: check.boolean(layer, 'bias', true),
  };
}

/** PyTorch: in_channels and out_channels must both be divisible by groups. */
function checkGroups(inChannels: number, fields: ConvFields, check: LayerChecker): void {
  const { groups, outChannels } = fields;
  if (inChannels % groups === 0 && outChannels % groups === 0) return;
  check.report(
    'groups_mismatch',
    'groups',
    { groups, inChannels, outChannels },
    `groups ${groups} must divide in_channels ${inChannels} and out_channels ${outChannels}`,
  );
}

/** Padding of Conv2d: n, [h, w], "valid" (0) or "same" (stride 1 only; extra pixel at the end). */
function readConvPadding(layer: Record<string, unknown>, fields: ConvFields, check: LayerChecker): WindowGeometry['padding'] {
  const value = layer.padding;
  if (value === undefined || value === 'valid') return symmetricPadding([0, 0]);
  if (value === 'same') {
    if (fields.stride[0] !== 1 || fields.stride[1] !== 1) {
      check.report(
        'same_padding_stride',
        'padding',
        { stride: describeValue(layer.stride) },
        `padding "same" needs stride 1 (PyTorch does not support it for strided convolutions), got stride ${describeValue(layer.stride)}; give the padding as a number instead`,
      );
    }
    return samePadding(fields.kernel, fields.dilation);
  }
  const accepted =
    isNonNegativeInteger(value) ||
    (Array.isArray(value) && value.length === 2 && isNonNegativeInteger(value[0]) && isNonNegativeInteger(value[1]));
  if (!accepted) {
    check.report(
      'invalid_value',
      'padding',
      { field: 'padding', expected: 'conv_padding', value: describeValue(value) },
      `padding must be a non-negative integer, a pair [height, width] of them, "same" or "valid", got ${describeValue(value)}`,
    );
    return symmetricPadding([0, 0]);
  }
  return symmetricPadding(check.pair(layer, 'padding', 0));
}

/** The padded input must hold one dilated kernel: H + p_before + p_after >= d(k - 1) + 1. */
function checkWindowFits(input: FeatureMap, geometry: WindowGeometry, check: LayerChecker): boolean {
  const padded: Pair = [
    input.shape[1]! + geometry.padding.top + geometry.padding.bottom,
    input.shape[2]! + geometry.padding.left + geometry.padding.right,
  ];
  if (padded[0] >= geometry.effectiveKernel[0] && padded[1] >= geometry.effectiveKernel[1]) return true;
  check.windowTooLarge(geometry.effectiveKernel, geometry.dilation, padded);
  return false;
}

/**
 * nn.Conv2d. Output floor((H + 2p - d(k - 1) - 1)/s) + 1; params (C_in K_h K_w / g) C_out + C_out;
 * MACs C_out H_out W_out (C_in / g) K_h K_w.
 */
export const conv2d: LayerRule = {
  compute(layer, input, check) {
    const fields = readConvFields(layer, check);
    const padding = readConvPadding(layer, fields, check);
    if (!requireImage(input, check) || check.failed) return undefined;
    const [inChannels, height, width] = input.shape as [number, number, number];
    checkGroups(inChannels, fields, check);
    const geometry = windowGeometry(fields.kernel, fields.stride, fields.dilation, padding);
    geometry.groups = fields.groups;
    if (check.failed || !checkWindowFits(input, geometry, check)) return undefined;
    const outputHeight = convOutputSize(height, padding.top, padding.bottom, geometry.effectiveKernel[0], fields.stride[0]);
    const outputWidth = convOutputSize(width, padding.left, padding.right, geometry.effectiveKernel[1], fields.stride[1]);
    const weightsPerFilter = (inChannels / fields.groups) * fields.kernel[0] * fields.kernel[1];
    return {
      outputShape: [fields.outChannels, outputHeight, outputWidth],
      params: { trainable: weightsPerFilter * fields.outChannels + (fields.bias ? fields.outChannels : 0), buffers: 0 },
      macs: fields.outChannels * outputHeight * outputWidth * weightsPerFilter,
      axes: windowAxes(geometry),
      spatialExtent: [outputHeight, outputWidth],
      geometry,
    };
  },
  explain(_layer, record) {
    const geometry = record.geometry!;
    const [inChannels, height, width] = record.inputShape as [number, number, number];
    const [outChannels, outputHeight, outputWidth] = record.outputShape as [number, number, number];
    const groups = geometry.groups ?? 1;
    const [kernelHeight, kernelWidth] = geometry.kernel;
    const bias = record.params.trainable > (inChannels / groups) * kernelHeight * kernelWidth * outChannels;
    const perFilterLatex = `${n(inChannels)} \\cdot ${n(kernelHeight)} \\cdot ${n(kernelWidth)} / ${n(groups)}`;
    const perFilterPlain = `${p(inChannels)}*${p(kernelHeight)}*${p(kernelWidth)}/${p(groups)}`;
    const params = bias
      ? scalarDerivation(
          'params',
          'params',
          '(C_{in} K_h K_w / g + 1)\\,C_{out}',
          term(`(${perFilterLatex} + 1) \\cdot ${n(outChannels)}`, `(${perFilterPlain} + 1)*${p(outChannels)}`, record.params.trainable),
        )
      : scalarDerivation(
          'params',
          'params',
          '(C_{in} K_h K_w / g)\\,C_{out}',
          term(`(${perFilterLatex}) \\cdot ${n(outChannels)}`, `(${perFilterPlain})*${p(outChannels)}`, record.params.trainable),
        );
    const macsFactors = productTerm([outChannels, outputHeight, outputWidth]);
    const macs = scalarDerivation(
      'macs',
      'MACs',
      'C_{out} H_{out} W_{out} (C_{in} / g) K_h K_w',
      term(
        `${macsFactors.latex} \\cdot (${n(inChannels)} / ${n(groups)}) \\cdot ${n(kernelHeight)} \\cdot ${n(kernelWidth)}`,
        `${macsFactors.plain}*(${p(inChannels)}/${p(groups)})*${p(kernelHeight)}*${p(kernelWidth)}`,
        record.macs,
      ),
    );
    return [
      windowOutputDerivation(record.outputShape, [height, width], geometry, false),
      params,
      macs,
      ...windowReceptiveFieldDerivations(record),
    ];
  },
};

/** Output o of a transposed conv is written by input i and tap t where o = i s - p + t d. */
function transposedAxes(geometry: WindowGeometry): [AxisMap, AxisMap] {
  return [0, 1].map((axis) => ({
    kind: 'transposed',
    kernel: geometry.kernel[axis]!,
    stride: geometry.stride[axis]!,
    dilation: geometry.dilation[axis]!,
    padding: axis === 0 ? geometry.padding.top : geometry.padding.left,
  })) as [AxisMap, AxisMap];
}

/**
 * nn.ConvTranspose2d. Output (H - 1)s - 2p + d(k - 1) + output_padding + 1; weight
 * [C_in, C_out / g, K_h, K_w] so params C_in K_h K_w C_out / g + C_out; MACs per input pixel
 * C_in H W (C_out / g) K_h K_w (as fvcore and torch-scan count them).
 */
export const convTranspose2d: LayerRule = {
  compute(layer, input, check) {
    const fields = readConvFields(layer, check);
    const padding = check.pair(layer, 'padding', 0, [0, 0]);
    const outputPadding = check.pair(layer, 'output_padding', 0, [0, 0]);
    if (!requireImage(input, check) || check.failed) return undefined;
    const [inChannels, height, width] = input.shape as [number, number, number];
    checkGroups(inChannels, fields, check);
    for (const axis of [0, 1] as const) {
      const limit = Math.max(fields.stride[axis], fields.dilation[axis]);
      if (outputPadding[axis] < limit) continue;
      check.report(
        'output_padding_too_large',
        'output_padding',
        { outputPadding: outputPadding[axis], stride: fields.stride[axis], dilation: fields.dilation[axis], limit: limit - 1 },
        `output_padding ${outputPadding[axis]} must be smaller than stride ${fields.stride[axis]} or dilation ${fields.dilation[axis]} (at most ${limit - 1})`,
      );
      break;
    }
    if (check.failed) return undefined;
    const geometry = windowGeometry(fields.kernel, fields.stride, fields.dilation, symmetricPadding(padding));
    geometry.outputPadding = outputPadding;
    geometry.groups = fields.groups;
    const outputSize: Pair = [
      transposedOutputSize(height, fields.stride[0], padding[0], fields.dilation[0], fields.kernel[0], outputPadding[0]),
      transposedOutputSize(width, fields.stride[1], padding[1], fields.dilation[1], fields.kernel[1], outputPadding[1]),
    ];
    if (outputSize[0] < 1 || outputSize[1] < 1) {
      check.report(
        'output_too_small',
        'padding',
        { outputHeight: outputSize[0], outputWidth: outputSize[1], padding: describeValue(layer.padding) },
        `output size would be ${outputSize[0]}x${outputSize[1]}; (H - 1)s - 2p + d(k - 1) + output_padding + 1 must be at least 1, so reduce padding ${describeValue(layer.padding)}`,
      );
      return undefined;
    }
    const weightsPerInputChannel = fields.kernel[0] * fields.kernel[1] * (fields.outChannels / fields.groups);
    return {
      outputShape: [fields.outChannels, outputSize[0], outputSize[1]],
      params: { trainable: inChannels * weightsPerInputChannel + (fields.bias ? fields.outChannels : 0), buffers: 0 },
      macs: inChannels * height * width * weightsPerInputChannel,
      axes: transposedAxes(geometry),
      spatialExtent: outputSize,
      geometry,
    };
  },
  explain(_layer, record) {
    const geometry = record.geometry!;
    const [inChannels, height, width] = record.inputShape as [number, number, number];
    const [outChannels, outputHeight, outputWidth] = record.outputShape as [number, number, number];
    const groups = geometry.groups ?? 1;
    const [kernelHeight, kernelWidth] = geometry.kernel;
    const weights = (inChannels * kernelHeight * kernelWidth * outChannels) / groups;
    const bias = record.params.trainable > weights;
    const weightsLatex = `${n(inChannels)} \\cdot ${n(kernelHeight)} \\cdot ${n(kernelWidth)} \\cdot ${n(outChannels)} / ${n(groups)}`;
    const weightsPlain = `${p(inChannels)}*${p(kernelHeight)}*${p(kernelWidth)}*${p(outChannels)}/${p(groups)}`;
    const params = scalarDerivation(
      'params',
      'params',
      bias ? 'C_{in} K_h K_w C_{out} / g + C_{out}' : 'C_{in} K_h K_w C_{out} / g',
      bias
        ? term(`${weightsLatex} + ${n(outChannels)}`, `${weightsPlain} + ${p(outChannels)}`, record.params.trainable)
        : term(weightsLatex, weightsPlain, record.params.trainable),
    );
    const macs = scalarDerivation(
      'macs',
      'MACs',
      'C_{in} H W (C_{out} / g) K_h K_w',
      term(
        `${n(inChannels)} \\cdot ${n(height)} \\cdot ${n(width)} \\cdot (${n(outChannels)} / ${n(groups)}) \\cdot ${n(kernelHeight)} \\cdot ${n(kernelWidth)}`,
        `${p(inChannels)}*${p(height)}*${p(width)}*(${p(outChannels)}/${p(groups)})*${p(kernelHeight)}*${p(kernelWidth)}`,
        record.macs,
      ),
    );
    const outputPadding = geometry.outputPadding ?? [0, 0];
    const axisOutput = (axis: 0 | 1, size: number, result: number) => {
      const [s, pad, d, k, op] = [geometry.stride[axis], axis === 0 ? geometry.padding.top : geometry.padding.left, geometry.dilation[axis], geometry.kernel[axis], outputPadding[axis]];
      return term(
        `(${n(size)} - 1) \\cdot ${n(s)} - 2 \\cdot ${n(pad)} + ${n(d)} \\cdot (${n(k)} - 1) + ${n(op)} + 1`,
        `(${p(size)} - 1)*${p(s)} - 2*${p(pad)} + ${p(d)}*(${p(k)} - 1) + ${p(op)} + 1`,
        result,
      );
    };
    const output = outputDerivation(
      '(H - 1)\\,s - 2p + d(k - 1) + p_{out} + 1',
      record.outputShape,
      axisOutput(0, height, outputHeight),
      axisOutput(1, width, outputWidth),
    );
    const previous = record.inputReceptiveField;
    const jumpTerms = ([0, 1] as const).map((axis) =>
      term(`${n(previous.jump[axis])} / ${n(geometry.stride[axis])}`, `${p(previous.jump[axis])}/${p(geometry.stride[axis])}`, record.receptiveField.jump[axis]),
    ) as [ReturnType<typeof term>, ReturnType<typeof term>];
    return [
      output,
      params,
      macs,
      ...spreadReceptiveFieldDerivations(record, { latex: 'j_{prev} / s', terms: jumpTerms }),
    ];
  },
};
