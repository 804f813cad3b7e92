import { outputDerivation, productTerm, sameAsInputDerivation, scalarDerivation, shapeLatex, shapePlain, term, zeroDerivation } from '../derivation';
import { formatLatex as n, formatPlain as p } from '../format';
import type { Pair } from '../info';
import type { AxisMap } from '../receptive-field';
import { passThroughReceptiveFieldDerivations, wholeAxisReceptiveFieldDerivations } from '../receptive-field-derivation';
import { IDENTITY_AXES, NO_PARAMS, type FeatureMap, type LayerRule } from './rule';

const FLATTENED_NOTE = ' (a flattened vector has no spatial layout: its receptive field is that of the whole vector, which every later layer reads)';

/**
 * nn.Flatten(): [C, H, W] -> [C H W]. The vector has no spatial layout left, so its receptive
 * field is reported for the vector as a whole (global, as the `ReceptiveField` contract says):
 * r = r_prev + (H - 1) j_prev, the span of all units of the last image.
 */
export const flatten: LayerRule = {
  compute(_layer, input) {
    const size = input.shape.reduce((product, dimension) => product * dimension, 1);
    const image = input.shape.length === 3;
    return {
      outputShape: [size],
      params: NO_PARAMS,
      macs: 0,
      axes: image ? wholeAxisMaps([true, true], input.spatialExtent) : IDENTITY_AXES,
      spatialExtent: input.spatialExtent,
    };
  },
  explain(_layer, record, input) {
    const image = record.inputShape.length === 3;
    const output = image
      ? outputDerivation('C \\cdot H \\cdot W', record.outputShape, productTerm(record.inputShape))
      : sameAsInputDerivation('output', 'output', shapeLatex(record.outputShape), shapePlain(record.outputShape), 'already a vector', { code: 'already_vector' });
    return [
      output,
      zeroDerivation('params', 'params', 'flatten has no parameters', { code: 'no_params', type: 'flatten' }),
      zeroDerivation('macs', 'MACs', 'flatten only reorders units', { code: 'flatten_macs' }),
      ...(image
        ? wholeAxisReceptiveFieldDerivations(record, [true, true], input.spatialExtent, { text: FLATTENED_NOTE, code: { code: 'flattened', values: {} } })
        : passThroughReceptiveFieldDerivations(record.receptiveField, 'already a vector', { code: 'already_vector' })),
    ];
  },
};

function wholeAxes(input: FeatureMap): [boolean, boolean] {
  return input.shape.length === 1 ? [true, true] : [false, true];
}

/** Each unit reads all `extent` cells along the axes that are mixed whole, and its own cell along the others. */
function wholeAxisMaps(axes: readonly [boolean, boolean], extent: Pair): [AxisMap, AxisMap] {
  return [0, 1].map((axis) => (axes[axis] ? { kind: 'whole', inputLength: extent[axis]! } : { kind: 'identity' })) as [AxisMap, AxisMap];
}

/**
 * nn.Linear(out_features) on the last axis, as PyTorch applies it: on a vector [N] it maps
 * N -> out_features; on [C, H, W] it acts on W, giving [C, H, out_features] (flatten first to
 * mix everything). Params (N_in + 1) N_out; MACs (units before the last axis) N_in N_out.
 */
export const linear: LayerRule = {
  compute(layer, input, check) {
    const outFeatures = check.positiveInteger(layer, 'out_features');
    const bias = check.boolean(layer, 'bias', true);
    if (check.failed) return undefined;
    const inFeatures = input.shape[input.shape.length - 1]!;
    const leadingUnits = input.shape.length === 1 ? 1 : input.shape[0]! * input.shape[1]!;
    const outputShape = input.shape.length === 1 ? [outFeatures] : [input.shape[0]!, input.shape[1]!, outFeatures];
    const extent = input.shape.length === 1 ? input.spatialExtent : ([input.shape[1]!, inFeatures] as const);
    return {
      outputShape,
      params: { trainable: (inFeatures + (bias ? 1 : 0)) * outFeatures, buffers: 0 },
      macs: leadingUnits * inFeatures * outFeatures,
      axes: wholeAxisMaps(wholeAxes(input), [extent[0], extent[1]]),
      spatialExtent: input.shape.length === 1 ? input.spatialExtent : [input.shape[1]!, outFeatures],
    };
  },
  explain(_layer, record, input) {
    const inFeatures = record.inputShape[record.inputShape.length - 1]!;
    const outFeatures = record.outputShape[record.outputShape.length - 1]!;
    const bias = record.params.trainable !== inFeatures * outFeatures;
    const params = scalarDerivation(
      'params',
      'params',
      bias ? '(N_{in} + 1)\\,N_{out}' : 'N_{in} N_{out}',
      bias
        ? term(`(${n(inFeatures)} + 1) \\cdot ${n(outFeatures)}`, `(${p(inFeatures)} + 1)*${p(outFeatures)}`, record.params.trainable)
        : term(`${n(inFeatures)} \\cdot ${n(outFeatures)}`, `${p(inFeatures)}*${p(outFeatures)}`, record.params.trainable),
    );
    const vector = record.inputShape.length === 1;
    const macs = scalarDerivation(
      'macs',
      'MACs',
      vector ? 'N_{in} N_{out}' : 'C H N_{in} N_{out}',
      productTerm(vector ? [inFeatures, outFeatures] : [record.inputShape[0]!, record.inputShape[1]!, inFeatures, outFeatures]),
    );
    const output = outputDerivation(vector ? 'N_{out}' : 'C \\times H \\times N_{out}', record.outputShape, term(n(outFeatures), p(outFeatures), outFeatures));
    const extent = vector ? input.spatialExtent : ([record.inputShape[1]!, inFeatures] as [number, number]);
    return [output, params, macs, ...wholeAxisReceptiveFieldDerivations(record, wholeAxes(input), extent)];
  },
};
