import { BACKPROP_CLI_EXAMPLE, SEED_BACKPROP_CASE } from '../backprop/examples';
import type { Core } from '../index';
import { LENET5, MOBILENET_V1, SEED_NETWORK } from '../network/presets';
import type { NetworkSpec } from '../network/spec';
import type { OptimizeProblem } from '../optim/problem';
import type { BiasVarianceCaseInput, DoubleDescentCaseInput } from '../regression/case';
import { SEED_OPTIMIZE_PROBLEM } from '../optim/presets';

/**
 * The fuzz table: valid payloads of every core method, the starting points the fuzz mutates
 * (shared/core/fuzz/mutate.ts). A new core method is fuzzed by adding its examples here; the
 * type below and the fuzz test both fail while a method of `Core` has none. Examples are kept
 * small where the method's work grows with the payload (the effective field, the surface), so
 * ten thousand calls per method take seconds; the fuzz itself tries the huge sizes.
 */

/** Every layer type once, on a small image: shapes, geometry and receptive fields of each. */
const LAYER_ZOO: NetworkSpec = {
  input: [4, 16, 16],
  layers: [
    { type: 'conv2d', out_channels: 8, kernel: [3, 5], stride: 1, padding: 'same', dilation: 1, groups: 2, bias: false },
    { type: 'batchnorm2d', eps: 1e-5, momentum: 0.1, affine: true, track_running_stats: true },
    { type: 'leakyrelu', negative_slope: 0.2 },
    { type: 'maxpool2d', kernel: 3, stride: 2, padding: 1, dilation: 1, ceil_mode: true },
    { type: 'convtranspose2d', out_channels: 4, kernel: 2, stride: 2, padding: 0, output_padding: 1, dilation: 1, groups: 1, bias: true },
    { type: 'avgpool2d', kernel: [2, 3], stride: [2, 1], padding: [1, 1], ceil_mode: false, count_include_pad: false },
    { type: 'gelu' },
    { type: 'adaptiveavgpool2d', output_size: [3, 4] },
    { type: 'dropout2d', p: 0.1 },
    { type: 'sigmoid' },
    { type: 'tanh' },
    { type: 'relu' },
    { type: 'globalmaxpool2d' },
    { type: 'flatten' },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 5, bias: true },
    { type: 'softmax', dim: 1 },
  ],
};

/** A small image network for the effective field (its cost grows with the image and the depth). */
const SMALL_IMAGE_NETWORK: NetworkSpec = {
  input: [2, 12, 12],
  layers: [
    { type: 'conv2d', out_channels: 4, kernel: 3, padding: 1 },
    { type: 'relu' },
    { type: 'maxpool2d', kernel: 2 },
    { type: 'conv2d', out_channels: 4, kernel: 3, dilation: 2, groups: 2 },
    { type: 'batchnorm2d' },
    { type: 'avgpool2d', kernel: 2, stride: 1, padding: 1 },
    { type: 'tanh' },
    { type: 'adaptiveavgpool2d', output_size: 2 },
    { type: 'globalavgpool2d' },
  ],
};

const ADAM_MINIBATCH: OptimizeProblem = {
  model: 'w*x + b + exp(-x^2) * c',
  params: { w: 0.5, b: 0, c: 1 },
  data: { columns: ['x', 'y'], rows: [[0, 1], [1, 3], [2, 5], [-1, -1], [0.5, 2]] },
  target: 'y',
  loss: 'half_squared_error',
  reduction: 'sum',
  optimizer: { type: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  mode: 'minibatch',
  batch_size: 2,
  epochs: 3,
  shuffle: true,
  seed: 7,
};

const RMSPROP_BATCH: OptimizeProblem = {
  model: 'a*sin(x1) + b*x2/2 + sqrt(x1^2 + 1)',
  params: { a: 1, b: -2 },
  data: { columns: ['x1', 'x2', 't'], rows: [[0, 1, 1], [1, 2, 0], [3, -1, 2]] },
  target: 't',
  loss: 'absolute_error',
  reduction: 'mean',
  optimizer: { type: 'rmsprop', lr: 0.01, alpha: 0.99, eps: 1e-8 },
  mode: 'batch',
  batch_size: 1,
  epochs: 4,
  shuffle: false,
  seed: 0,
};

const ADAGRAD_ONLINE: OptimizeProblem = {
  ...SEED_OPTIMIZE_PROBLEM,
  optimizer: { type: 'adagrad', lr: 0.5, eps: 1e-10, initial_accumulator_value: 0.1 },
  epochs: 2,
  shuffle: true,
  seed: 3,
};

const NESTEROV: OptimizeProblem = { ...SEED_OPTIMIZE_PROBLEM, optimizer: { type: 'momentum', form: 'pytorch', lr: 0.01, beta: 0.5, nesterov: true } };

/** Two channels, two filters, stride and padding, ReLU, max pooling with ties split, an MSE target. */
const BACKPROP_FULL = {
  input: [
    [[1, 2, 0, 1], [0, 1, 3, 1], [2, 1, 0, 2], [1, 0, 1, 3]],
    [[0, 1, 1, 0], [2, 0, 0, 1], [1, 1, 1, 1], [0, 2, 0, 2]],
  ],
  filters: [
    [[[1, 0], [0, -1]], [[0.5, 0.5], [0, 1]]],
    [[[0, 1], [1, 0]], [[-1, 0], [0, 1]]],
  ],
  bias: [0, 0.25],
  stride: [1, 2],
  padding: 1,
  dilation: 1,
  activation: 'relu',
  pool: { type: 'max', kernel: 2, stride: 1, padding: 0 },
  upstream: { loss: 'mse', target: [[[1, 0], [0, 1], [1, 1], [0, 0]], [[0, 0], [1, 0], [0, 1], [1, 1]]] },
  ties: 'split',
};

const BACKPROP_AVG_GRID = {
  input: [[1, 2, 3], [4, 5, 6], [7, 8, 9]],
  filters: [[1, -1], [2, 0]],
  bias: [0],
  activation: 'sigmoid',
  pool: { type: 'avg', kernel: 2, stride: 1 },
  upstream: [[1]],
};

const SEED_ANSWERS = {
  layers: [
    { output: '128x128x32', params: '4,736', rf: '49 px' },
    { output: '62x62x62', params: '51,264', rf: '1225 px' },
    null,
    { output: '27x27x128', params: '73,856', rf: '29' },
    { output: '۲۵×۲۵×۱۲۸', params: '147584' },
    {},
    { rf: 'whole input' },
  ],
};

const PYTORCH_CODE = `# input: 3x32x32
model = nn.Sequential(
    nn.Conv2d(3, 8, kernel_size=3, padding=1),
    nn.BatchNorm2d(8),
    nn.ReLU(inplace=True),
    nn.MaxPool2d(2, 2),
    nn.Conv2d(8, 16, (3, 3), stride=2, dilation=1, bias=False),
    nn.AdaptiveAvgPool2d((2, 2)),
    nn.Flatten(),
    nn.Linear(64, 10),
)`;

const KERAS_CODE = `model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(6, 5, padding='same', activation='relu'),
    layers.AveragePooling2D(2),
    layers.Conv2D(16, (5, 5), strides=1),
    layers.Flatten(),
    layers.Dense(10, activation='softmax'),
])`;

/** Small regression cases (the fuzz mutates sizes up to the limits itself). */
const BIAS_VARIANCE_POLY: BiasVarianceCaseInput = {
  truth: 'sin',
  domain: [0, 1],
  noise_std: 0.3,
  train_size: 8,
  resamples: 4,
  test_points: 12,
  model: { family: 'polynomial', degrees: [0, 1, 3, 9], ridge: 0.01 },
  seed: 3,
};
const BIAS_VARIANCE_KNN: BiasVarianceCaseInput = {
  truth: 'x^2 - sin(3*x)',
  domain: [-1, 2],
  noise_std: 0.1,
  train_size: 6,
  test_points: 9,
  model: { family: 'knn', ks: [1, 2, 6] },
  datasets: [
    { x: [0, 0.5, 1, 1.5, 2, -1], y: [0, 0.1, 0.3, 1, 2, 1] },
    { x: [0.1, 0.4, 1.1, 1.2, 1.9, -0.5], y: [0.2, 0, 0.4, 0.9, 1.8, 0.5] },
  ],
};
const DOUBLE_DESCENT_SMALL: DoubleDescentCaseInput = { truth: 'cubic', domain: [-1, 1], noise_std: 0.2, train_size: 6, test_points: 20, features: [1, 3, 6, 12], ridge: 0, seed: 2 };

/** Small dense networks (the work of gradient flow, training and region counts grows with every size). */
const FLOW_CLASSIFIER = { input_dim: 3, widths: [4, 4], output_dim: 2, activation: 'tanh', init: 'xavier_normal', seed: 1, data: { samples: 6, seed: 2 }, loss: 'cross_entropy' };
const FLOW_EXPLICIT = { input_dim: 2, widths: [2], weights: [[[1, -1], [0.5, 2]], [[1, -2]]], biases: [[0, 0.1], [0.2]], data: { x: [[1, 0], [0, 1], [1, 1]], y: [[1], [0], [2]] }, loss: 'mse', activation: 'relu' };
const TRAIN_SMALL = {
  input_dim: 2,
  widths: [3],
  activation: 'relu',
  seed: 1,
  data: { x: [[0, 1], [1, 0], [1, 1], [0, 0]], y: [[1], [1], [0], [0]], validation: { x: [[0.5, 0.5]], y: [[0.5]] } },
  loss: 'mse',
  optimizer: { type: 'adam', lr: 0.01, weight_decay: 0.001 },
  epochs: 5,
  batch_size: 2,
  shuffle: true,
  dropout: 0.2,
  early_stopping: { patience: 2 },
  per_step: true,
};
const TRAIN_CLASSES = { input_dim: 2, depth: 2, width: 3, output_dim: 3, activation: 'gelu', init: { scheme: 'kaiming_uniform' }, seed: 4, data: { samples: 6, seed: 1 }, loss: 'cross_entropy', optimizer: { type: 'momentum', form: 'pytorch', lr: 0.1, beta: 0.9, nesterov: true }, epochs: 3 };
const REGIONS_2D = { input_dim: 2, widths: [3, 2], seed: 2, domain: [[-1, 1], [-1, 1]] };
const REGIONS_1D = { input_dim: 1, widths: [2], weights: [[[1], [-1]], [[1, 1]]], biases: [[0, 0.5], [0]], domain: [-2, 2] };

/** Valid payloads of each core method (each accepted by the worker's schema: the fuzz test checks it). */
export const FUZZ_EXAMPLES: { readonly [Method in keyof Core]: readonly Parameters<Core[Method]>[0][] } = {
  summarize: [{ spec: SEED_NETWORK }, { spec: LAYER_ZOO }, { spec: LENET5 }, { spec: MOBILENET_V1 }],
  explain: [
    { spec: SEED_NETWORK, index: 2 },
    { spec: SEED_NETWORK, index: 10 },
    { spec: LAYER_ZOO, index: 1 },
    { spec: LAYER_ZOO, index: 5 },
    { spec: LAYER_ZOO, index: 8 },
  ],
  optimize: [{ problem: SEED_OPTIMIZE_PROBLEM }, { problem: ADAM_MINIBATCH }, { problem: RMSPROP_BATCH }, { problem: ADAGRAD_ONLINE }, { problem: NESTEROV }],
  optimizeSurface: [
    { problem: SEED_OPTIMIZE_PROBLEM, x: { param: 'a', min: -2, max: 2 }, y: { param: 'b', min: -3, max: 1 }, resolution: 12, at: { c: 0, d: 1 } },
    { problem: ADAM_MINIBATCH, x: { param: 'w', min: 0, max: 3 }, y: { param: 'c', min: -1, max: 1 }, resolution: 8 },
  ],
  optimizeExplain: [
    { problem: SEED_OPTIMIZE_PROBLEM, step: 1 },
    { problem: SEED_OPTIMIZE_PROBLEM, step: 2 },
    { problem: ADAM_MINIBATCH, step: 4 },
    { problem: RMSPROP_BATCH, step: 2 },
    { problem: ADAGRAD_ONLINE, step: 3 },
    { problem: NESTEROV, step: 2 },
  ],
  checkAnswers: [{ spec: SEED_NETWORK, answers: SEED_ANSWERS }, { spec: LAYER_ZOO, answers: { layers: [{ output: '8x16x16', params: '240', rf: '3x5' }, null, { output: '8 16 16' }] } }],
  solveSettings: [{ input: 128, output: 62 }, { input: 31, output: 27, maxKernel: 7, maxStride: 2, maxPadding: 2, maxDilation: 3 }],
  importCode: [
    { language: 'pytorch', source: PYTORCH_CODE, defaultInput: [3, 32, 32] },
    { language: 'keras', source: KERAS_CODE, defaultInput: [] },
  ],
  exportNetwork: [
    { spec: SEED_NETWORK, format: 'pytorch' },
    { spec: LAYER_ZOO, format: 'pytorch' },
    { spec: LAYER_ZOO, format: 'keras' },
    { spec: SEED_NETWORK, format: 'json' },
    { spec: LAYER_ZOO, format: 'csv' },
    { spec: LAYER_ZOO, format: 'markdown' },
  ],
  backprop: [{ case: SEED_BACKPROP_CASE }, { case: BACKPROP_CLI_EXAMPLE }, { case: BACKPROP_FULL }, { case: BACKPROP_AVG_GRID }] as Parameters<Core['backprop']>[0][],
  backpropGradientCheck: [{ case: SEED_BACKPROP_CASE }, { case: BACKPROP_FULL }, { case: BACKPROP_AVG_GRID }] as Parameters<Core['backpropGradientCheck']>[0][],
  unitRegion: [
    { spec: SEED_NETWORK, layer: 3, y: 0, x: 0 },
    { spec: SEED_NETWORK, layer: 8, y: 4, x: 2 },
    { spec: SEED_NETWORK, layer: 0, y: 5, x: 7 },
    { spec: LAYER_ZOO, layer: 8, y: 2, x: 3 },
    { spec: LAYER_ZOO, layer: 5, y: 1, x: 0 },
  ],
  effectiveReceptiveField: [
    { spec: SMALL_IMAGE_NETWORK, layer: 6, y: 1, x: 2, channel: 1, weights: 'random', activations: true, seed: 3, maxChannels: 3 },
    { spec: SMALL_IMAGE_NETWORK, layer: 9, y: 0, x: 0, weights: 'uniform', activations: false },
    { spec: SMALL_IMAGE_NETWORK, layer: 4, y: 1, x: 0, channel: 3, weights: 'uniform', activations: true, seed: 1 },
    // a given input (an image's pixels in [0, 1]): 2 channels x 12 x 12, a ramp
    { spec: SMALL_IMAGE_NETWORK, layer: 3, y: 2, x: 1, weights: 'uniform', activations: true, input: Array.from({ length: 2 * 12 * 12 }, (_, i) => (i % 17) / 16) },
  ],
  biasVariance: [{ case: BIAS_VARIANCE_POLY }, { case: BIAS_VARIANCE_KNN, chosen: 2 }],
  biasVarianceExplain: [
    { case: BIAS_VARIANCE_POLY, complexity: 3 },
    { case: BIAS_VARIANCE_POLY, complexity: 9, point: 4 },
    { case: BIAS_VARIANCE_KNN, complexity: 1, point: 0 },
  ],
  doubleDescent: [{ case: DOUBLE_DESCENT_SMALL }, { case: { ...DOUBLE_DESCENT_SMALL, ridge: 0.001 }, chosen: 6 }],
  doubleDescentExplain: [
    { case: DOUBLE_DESCENT_SMALL, features: 6 },
    { case: DOUBLE_DESCENT_SMALL, features: 12, point: 3 },
  ],
  gradientFlow: [{ case: FLOW_CLASSIFIER, bins: 8 }, { case: FLOW_EXPLICIT, tensors: true }],
  trainNetwork: [{ run: TRAIN_SMALL, tensors: true }, { run: TRAIN_CLASSES }],
  linearRegions: [{ net: { preset: { sawtooth: 3 } } }, { net: REGIONS_2D, polygons: true }, { net: REGIONS_1D }],
  overfittingLab: [
    { lab: { data: { kind: 'moons', samples: 12, seed: 2 }, widths: [4], epochs: 3, grid: 5, snapshots: 2, remedies: { dropout: 0.2, early_stopping: { patience: 2 } } } },
    { lab: { data: { kind: 'regression', truth: 'cubic', samples: 10, noise: 0.1 }, widths: [3, 3], activation: 'tanh', epochs: 2, grid: 7, remedies: { weight_decay: 0.01, smaller: { widths: [2] }, more_data: { samples: 4 } } } },
    { lab: { data: { kind: 'blobs', classes: 4, samples: 16, validation: 0.25 }, widths: [5], epochs: 2, grid: 4, batch_size: 4 } },
  ],
  overfittingExplain: [
    { lab: { data: { kind: 'moons', samples: 12, seed: 2 }, widths: [4], epochs: 6, grid: 5, remedies: { dropout: 0.2, weight_decay: 0.01, early_stopping: { patience: 2 } } }, epoch: 4 },
    { lab: { data: { kind: 'regression', truth: 'cubic', samples: 10, noise: 0.1 }, widths: [3], epochs: 3, grid: 7 }, epoch: 0 },
  ],
  sameBudget: [
    { comparison: { target: { sawtooth: 2 }, epochs: 3, grid: 17, samples: 9, seed: 1 } },
    { comparison: { target: { formula: 'sin(3*x)' }, domain: [-1, 1], depth: 2, budget: 40, epochs: 2, activation: 'tanh', samples: 8, grid: 9 } },
  ],
};
