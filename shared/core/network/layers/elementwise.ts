import { sameAsInputDerivation, scalarDerivation, shapeLatex, shapePlain, term, zeroDerivation, type DerivationReason } from '../derivation';
import { describeShape, describeValue, formatLatex as n, formatPlain as p } from '../format';
import type { ComputedLayerInfo, Derivation } from '../info';
import { passThroughReceptiveFieldDerivations } from '../receptive-field-derivation';
import { IDENTITY_AXES, NO_PARAMS, requireImage, type FeatureMap, type LayerOutcome, type LayerRule } from './rule';

const NO_MACS_REASON = 'only conv, transposed conv and linear layers count multiply-accumulates';

function passThrough(input: FeatureMap, params = NO_PARAMS): LayerOutcome {
  return {
    outputShape: input.shape,
    params,
    macs: 0,
    axes: IDENTITY_AXES,
    spatialExtent: input.spatialExtent,
  };
}

function explainPassThrough(record: ComputedLayerInfo, paramsDerivation: Derivation, why: string, whyCode: DerivationReason): Derivation[] {
  return [
    sameAsInputDerivation('output', 'output', shapeLatex(record.outputShape), shapePlain(record.outputShape), why, whyCode),
    paramsDerivation,
    zeroDerivation('macs', 'MACs', NO_MACS_REASON, { code: 'no_macs' }),
    ...passThroughReceptiveFieldDerivations(record.receptiveField, why, whyCode),
  ];
}

/** ReLU, sigmoid, tanh, GELU: one unit in, one unit out, no parameters. */
export const activation: LayerRule = {
  compute: (_layer, input) => passThrough(input),
  explain: (_layer, record) =>
    explainPassThrough(
      record,
      zeroDerivation('params', 'params', `${record.type} has no parameters`, { code: 'no_params', type: record.type }),
      `${record.type} acts on each unit alone`,
      { code: 'acts_alone', type: record.type },
    ),
};

/** LeakyReLU(negative_slope): any finite slope is accepted, as PyTorch does. */
export const leakyRelu: LayerRule = {
  compute(layer, input, check) {
    check.number(layer, 'negative_slope', 0.01);
    return check.failed ? undefined : passThrough(input);
  },
  explain: activation.explain,
};

/** Softmax(dim): dim counts the batch axis as 0, so a [C, H, W] input accepts -4..3. */
export const softmax: LayerRule = {
  compute(layer, input, check) {
    const dim = layer.dim;
    const batchedRank = input.shape.length + 1;
    if (dim !== undefined && !(Number.isInteger(dim) && (dim as number) >= -batchedRank && (dim as number) < batchedRank)) {
      check.report(
        'invalid_value',
        'dim',
        { field: 'dim', expected: 'softmax_dim', value: describeValue(dim), minimum: -batchedRank, maximum: batchedRank - 1, rank: batchedRank, inputShape: describeShape(input.shape) },
        `dim must be an integer from ${-batchedRank} to ${batchedRank - 1} for a batched input of ${batchedRank} axes (${describeShape(input.shape)} plus the batch axis), got ${describeValue(dim)}`,
      );
      return undefined;
    }
    return passThrough(input);
  },
  explain: (_layer, record) =>
    explainPassThrough(record, zeroDerivation('params', 'params', 'softmax has no parameters', { code: 'no_params', type: 'softmax' }), 'softmax keeps the shape; it mixes units only along dim', {
      code: 'softmax_shape',
      dim: 'dim',
    }),
};

/** Dropout / Dropout2d(p), 0 <= p <= 1 ("dropout probability has to be between 0 and 1"). */
export const dropout: LayerRule = {
  compute(layer, input, check) {
    check.number(layer, 'p', 0.5, 0, 1);
    return check.failed ? undefined : passThrough(input);
  },
  explain: (_layer, record) =>
    explainPassThrough(record, zeroDerivation('params', 'params', 'dropout has no parameters', { code: 'no_params', type: 'dropout' }), 'dropout zeroes units at random while training; shapes do not change', {
      code: 'dropout_shape',
    }),
};

/**
 * BatchNorm2d over C channels: affine adds gamma and beta (2C parameters); track_running_stats
 * keeps running mean and variance (2C buffers: state, not parameters, so PyTorch's
 * `parameters()` and torchinfo leave them out; num_batches_tracked is not counted either).
 */
export const batchNorm2d: LayerRule = {
  compute(layer, input, check) {
    check.number(layer, 'eps', 1e-5, 0);
    check.number(layer, 'momentum', 0.1, 0, 1);
    const affine = check.boolean(layer, 'affine', true);
    const trackRunningStats = check.boolean(layer, 'track_running_stats', true);
    if (!requireImage(input, check) || check.failed) return undefined;
    const channels = input.shape[0]!;
    return passThrough(input, { trainable: affine ? 2 * channels : 0, buffers: trackRunningStats ? 2 * channels : 0 });
  },
  explain(_layer, record) {
    const channels = record.inputShape[0]!;
    const { trainable, buffers } = record.params;
    const bufferEquation = `2*${p(channels)} = ${p(buffers)}`;
    const bufferNote = buffers > 0 ? `the running mean and variance are ${bufferEquation} buffers, not parameters` : '';
    const params =
      trainable > 0
        ? scalarDerivation(
            'params',
            'params',
            '2C',
            term(`2 \\cdot ${n(channels)}`, `2*${p(channels)}`, trainable),
            bufferNote ? ` (gamma and beta; ${bufferNote})` : ' (gamma and beta)',
            bufferNote ? { code: 'gamma_beta_buffers', buffers: bufferEquation } : { code: 'gamma_beta' },
          )
        : bufferNote
          ? zeroDerivation('params', 'params', `affine=false: no gamma and beta; ${bufferNote}`, { code: 'affine_buffers', affine: 'affine=false', buffers: bufferEquation })
          : zeroDerivation('params', 'params', 'affine=false and track_running_stats=false', { code: 'affine_none', affine: 'affine=false', stats: 'track_running_stats=false' });
    return explainPassThrough(record, params, 'batch norm rescales each unit with its channel statistics', { code: 'batchnorm_shape' });
  },
};
