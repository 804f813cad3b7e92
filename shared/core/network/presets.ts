import type { LayerSpec, NetworkSpec } from './spec';

/**
 * Q1 of the seed assignment: input 3x128x128 (channels-last 128x128x3 in the seed). The seed's
 * row 9 "flatten + linear 6400 -> 1024" is two layers here, so its 6,554,624 parameters are
 * on layer 10 (linear), the seed's dropout is layer 11 and its last linear layer 12.
 */
export const SEED_NETWORK: NetworkSpec = {
  input: [3, 128, 128],
  layers: [
    { type: 'conv2d', out_channels: 32, kernel: 7, stride: 1, padding: 3 },
    { type: 'conv2d', out_channels: 64, kernel: 5, stride: 2, padding: 0 },
    { type: 'maxpool2d', kernel: 2, stride: 2 },
    { type: 'conv2d', out_channels: 128, kernel: 3, dilation: 2, padding: 0 },
    { type: 'conv2d', out_channels: 128, kernel: 3 },
    { type: 'maxpool2d', kernel: 2, stride: 2 },
    { type: 'conv2d', out_channels: 256, kernel: 3 },
    { type: 'maxpool2d', kernel: 2, stride: 2 },
    { type: 'flatten' },
    { type: 'linear', out_features: 1024 },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 10 },
  ],
};

/** LeCun et al. 1998 as usually taught: tanh and average pooling, 61,706 parameters. */
export const LENET5: NetworkSpec = {
  input: [1, 32, 32],
  layers: [
    { type: 'conv2d', out_channels: 6, kernel: 5 },
    { type: 'tanh' },
    { type: 'avgpool2d', kernel: 2 },
    { type: 'conv2d', out_channels: 16, kernel: 5 },
    { type: 'tanh' },
    { type: 'avgpool2d', kernel: 2 },
    { type: 'flatten' },
    { type: 'linear', out_features: 120 },
    { type: 'tanh' },
    { type: 'linear', out_features: 84 },
    { type: 'tanh' },
    { type: 'linear', out_features: 10 },
  ],
};

/** torchvision.models.alexnet: 61,100,840 parameters. */
export const ALEXNET: NetworkSpec = {
  input: [3, 224, 224],
  layers: [
    { type: 'conv2d', out_channels: 64, kernel: 11, stride: 4, padding: 2 },
    { type: 'relu' },
    { type: 'maxpool2d', kernel: 3, stride: 2 },
    { type: 'conv2d', out_channels: 192, kernel: 5, padding: 2 },
    { type: 'relu' },
    { type: 'maxpool2d', kernel: 3, stride: 2 },
    { type: 'conv2d', out_channels: 384, kernel: 3, padding: 1 },
    { type: 'relu' },
    { type: 'conv2d', out_channels: 256, kernel: 3, padding: 1 },
    { type: 'relu' },
    { type: 'conv2d', out_channels: 256, kernel: 3, padding: 1 },
    { type: 'relu' },
    { type: 'maxpool2d', kernel: 3, stride: 2 },
    { type: 'adaptiveavgpool2d', output_size: 6 },
    { type: 'flatten' },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 4096 },
    { type: 'relu' },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 4096 },
    { type: 'relu' },
    { type: 'linear', out_features: 1000 },
  ],
};

function vggBlock(channels: number, convolutions: number): LayerSpec[] {
  const block: LayerSpec[] = [];
  for (let i = 0; i < convolutions; i++) {
    block.push({ type: 'conv2d', out_channels: channels, kernel: 3, padding: 1 }, { type: 'relu' });
  }
  block.push({ type: 'maxpool2d', kernel: 2, stride: 2 });
  return block;
}

/** torchvision.models.vgg16 (configuration D, no batch norm): 138,357,544 parameters; receptive field 212 at the 5th max pool. */
export const VGG16: NetworkSpec = {
  input: [3, 224, 224],
  layers: [
    ...vggBlock(64, 2),
    ...vggBlock(128, 2),
    ...vggBlock(256, 3),
    ...vggBlock(512, 3),
    ...vggBlock(512, 3),
    { type: 'adaptiveavgpool2d', output_size: 7 },
    { type: 'flatten' },
    { type: 'linear', out_features: 4096 },
    { type: 'relu' },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 4096 },
    { type: 'relu' },
    { type: 'dropout', p: 0.5 },
    { type: 'linear', out_features: 1000 },
  ],
};

function convBnRelu(outChannels: number, kernel: number, stride: number, groups = 1): LayerSpec[] {
  return [
    { type: 'conv2d', out_channels: outChannels, kernel, stride, padding: (kernel - 1) / 2, groups, bias: false },
    { type: 'batchnorm2d' },
    { type: 'relu' },
  ];
}

/** Depthwise 3x3 (groups = channels) then pointwise 1x1, each followed by batch norm and ReLU. */
function depthwiseSeparable(inChannels: number, outChannels: number, stride: number): LayerSpec[] {
  return [...convBnRelu(inChannels, 3, stride, inChannels), ...convBnRelu(outChannels, 1, 1)];
}

/**
 * MobileNet v1 (Howard et al. 2017, width 1.0): 4,231,976 parameters (PyTorch's `parameters()`;
 * Keras' MobileNet lists the same as its trainable params) and 21,888 batch-norm buffers, the
 * running means and variances, which are not parameters (Keras adds them as "non-trainable params"
 * to a total of 4,253,864).
 */
export const MOBILENET_V1: NetworkSpec = {
  input: [3, 224, 224],
  layers: [
    ...convBnRelu(32, 3, 2),
    ...depthwiseSeparable(32, 64, 1),
    ...depthwiseSeparable(64, 128, 2),
    ...depthwiseSeparable(128, 128, 1),
    ...depthwiseSeparable(128, 256, 2),
    ...depthwiseSeparable(256, 256, 1),
    ...depthwiseSeparable(256, 512, 2),
    ...depthwiseSeparable(512, 512, 1),
    ...depthwiseSeparable(512, 512, 1),
    ...depthwiseSeparable(512, 512, 1),
    ...depthwiseSeparable(512, 512, 1),
    ...depthwiseSeparable(512, 512, 1),
    ...depthwiseSeparable(512, 1024, 2),
    ...depthwiseSeparable(1024, 1024, 1),
    { type: 'globalavgpool2d' },
    { type: 'flatten' },
    { type: 'linear', out_features: 1000 },
  ],
};

export interface NetworkPreset {
  id: string;
  name: string;
  spec: NetworkSpec;
}

/** Networks offered in the preset menu, by id. */
export const PRESETS: Readonly<Record<string, NetworkPreset>> = {
  seed: { id: 'seed', name: 'Assignment 1, Q1', spec: SEED_NETWORK },
  lenet5: { id: 'lenet5', name: 'LeNet-5', spec: LENET5 },
  alexnet: { id: 'alexnet', name: 'AlexNet', spec: ALEXNET },
  vgg16: { id: 'vgg16', name: 'VGG-16', spec: VGG16 },
  mobilenet_v1: { id: 'mobilenet_v1', name: 'MobileNet v1', spec: MOBILENET_V1 },
};
