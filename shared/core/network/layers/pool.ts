import { outputDerivation, term, zeroDerivation, type AxisTerm } from '../derivation';
import { formatLatex as n, formatPlain as p } from '../format';
import { poolOutputSize, symmetricPadding, windowGeometry } from '../geometry';
import type { Derivation, Pair } from '../info';
import type { LayerChecker } from '../issues';
import type { AxisMap } from '../receptive-field';
import {
  spreadReceptiveFieldDerivations,
  wholeAxisReceptiveFieldDerivations,
  windowReceptiveFieldDerivations,
} from '../receptive-field-derivation';
import { windowOutputDerivation } from './window-output';
import { NO_PARAMS, requireImage, windowAxes, type FeatureMap, type LayerOutcome, type LayerRule } from './rule';

const NO_PARAMS_REASON = 'pooling has no parameters';
const NO_MACS_REASON = 'only conv, transposed conv and linear layers count multiply-accumulates';

function noParamsOrMacs(): Derivation[] {
  return [zeroDerivation('params', 'params', NO_PARAMS_REASON, { code: 'pooling_no_params' }), zeroDerivation('macs', 'MACs', NO_MACS_REASON, { code: 'no_macs' })];
}

/**
 * MaxPool2d / AvgPool2d. PyTorch checks kernel, stride, dilation > 0 and padding <= kernel // 2
 * (Pool.h `pool2d_shape_check`), then needs an output of at least 1x1.
 */
function computePool(layer: Record<string, unknown>, input: FeatureMap, check: LayerChecker, dilated: boolean): LayerOutcome | undefined {
  const kernel = check.pair(layer, 'kernel', 1);
  const stride = check.pair(layer, 'stride', 1, kernel);
  const padding = check.pair(layer, 'padding', 0, [0, 0]);
  const dilation = dilated ? check.pair(layer, 'dilation', 1, [1, 1]) : ([1, 1] as Pair);
  const ceilMode = check.boolean(layer, 'ceil_mode', false);
  if (!dilated) check.boolean(layer, 'count_include_pad', true);
  if (!requireImage(input, check) || check.failed) return undefined;
  for (const axis of [0, 1] as const) {
    const limit = Math.floor(kernel[axis] / 2);
    if (padding[axis] <= limit) continue;
    check.report(
      'pool_padding_too_large',
      'padding',
      { padding: padding[axis], kernel: kernel[axis], limit },
      `padding ${padding[axis]} must be at most half the kernel size ${kernel[axis]} (at most ${limit})`,
    );
    return undefined;
  }
  const [channels, height, width] = input.shape as [number, number, number];
  const geometry = windowGeometry(kernel, stride, dilation, symmetricPadding(padding));
  geometry.ceilMode = ceilMode;
  const outputHeight = poolOutputSize(height, padding[0], padding[0], geometry.effectiveKernel[0], stride[0], ceilMode).size;
  const outputWidth = poolOutputSize(width, padding[1], padding[1], geometry.effectiveKernel[1], stride[1], ceilMode).size;
  if (outputHeight < 1 || outputWidth < 1) {
    check.windowTooLarge(geometry.effectiveKernel, dilation, [height + 2 * padding[0], width + 2 * padding[1]]);
    return undefined;
  }
  return {
    outputShape: [channels, outputHeight, outputWidth],
    params: NO_PARAMS,
    macs: 0,
    axes: windowAxes(geometry),
    spatialExtent: [outputHeight, outputWidth],
    geometry,
  };
}

const windowPoolExplain: LayerRule['explain'] = (_layer, record) => {
  const geometry = record.geometry!;
  return [
    windowOutputDerivation(record.outputShape, [record.inputShape[1]!, record.inputShape[2]!], geometry, geometry.ceilMode ?? false),
    ...noParamsOrMacs(),
    ...windowReceptiveFieldDerivations(record),
  ];
};

/** nn.MaxPool2d (dilation applies to max pooling only). */
export const maxPool2d: LayerRule = {
  compute: (layer, input, check) => computePool(layer, input, check, true),
  explain: windowPoolExplain,
};

/** nn.AvgPool2d; count_include_pad changes values, not shapes. */
export const avgPool2d: LayerRule = {
  compute: (layer, input, check) => computePool(layer, input, check, false),
  explain: windowPoolExplain,
};

/** Global max / average pooling (AdaptiveMax/AvgPool2d(1)): [C, H, W] -> [C, 1, 1]; every unit sees the whole input. */
export const globalPool2d: LayerRule = {
  compute(_layer, input, check) {
    if (!requireImage(input, check)) return undefined;
    const [channels, height, width] = input.shape as [number, number, number];
    return {
      outputShape: [channels, 1, 1],
      params: NO_PARAMS,
      macs: 0,
      axes: [
        { kind: 'whole', inputLength: height },
        { kind: 'whole', inputLength: width },
      ],
      spatialExtent: [1, 1],
    };
  },
  explain(_layer, record) {
    const [, height, width] = record.inputShape as [number, number, number];
    return [
      outputDerivation('C \\times 1 \\times 1', record.outputShape, term('1', '1', 1)),
      ...noParamsOrMacs(),
      ...wholeAxisReceptiveFieldDerivations(record, [true, true], [height, width]),
    ];
  },
};

/**
 * nn.AdaptiveAvgPool2d(output_size): unit o averages inputs floor(o H / H_out) to
 * ceil((o + 1) H / H_out) - 1, so windows differ unless H_out divides H. An axis pooled to 1
 * unit is pooled whole, as global pooling: output_size 1 makes every unit see the whole input.
 */
export const adaptiveAvgPool2d: LayerRule = {
  compute(layer, input, check) {
    const outputSize = check.pair(layer, 'output_size', 1);
    if (!requireImage(input, check) || check.failed) return undefined;
    const [channels, height, width] = input.shape as [number, number, number];
    return {
      outputShape: [channels, outputSize[0], outputSize[1]],
      params: NO_PARAMS,
      macs: 0,
      axes: [adaptiveAxis(height, outputSize[0]), adaptiveAxis(width, outputSize[1])],
      spatialExtent: outputSize,
    };
  },
  explain(_layer, record) {
    const [, height, width] = record.inputShape as [number, number, number];
    const [, outputHeight, outputWidth] = record.outputShape as [number, number, number];
    const inputSize: Pair = [height, width];
    const outputSize: Pair = [outputHeight, outputWidth];
    const previous = record.inputReceptiveField;
    const output = outputDerivation('\\text{output\\_size}', record.outputShape, term(n(outputHeight), p(outputHeight), outputHeight), term(n(outputWidth), p(outputWidth), outputWidth));
    if (outputHeight === 1 && outputWidth === 1) {
      return [output, ...noParamsOrMacs(), ...wholeAxisReceptiveFieldDerivations(record, [true, true], inputSize)];
    }
    const jumpTerms = ([0, 1] as const).map((axis) =>
      outputSize[axis] === 1
        ? term('0', '0', 0)
        : term(
            `${n(previous.jump[axis])} \\cdot ${n(inputSize[axis])} / ${n(outputSize[axis])}`,
            `${p(previous.jump[axis])}*${p(inputSize[axis])}/${p(outputSize[axis])}`,
            record.receptiveField.jump[axis],
          ),
    ) as [AxisTerm, AxisTerm];
    return [output, ...noParamsOrMacs(), ...spreadReceptiveFieldDerivations(record, { latex: 'j_{prev} \\, H / H_{out}', terms: jumpTerms })];
  },
};

function adaptiveAxis(inputLength: number, outputLength: number): AxisMap {
  return outputLength === 1 ? { kind: 'whole', inputLength } : { kind: 'adaptive', inputLength, outputLength };
}
