import type { LayerType } from '../spec';
import { conv2d, convTranspose2d } from './conv';
import { flatten, linear } from './dense';
import { activation, batchNorm2d, dropout, leakyRelu, softmax } from './elementwise';
import { adaptiveAvgPool2d, avgPool2d, globalPool2d, maxPool2d } from './pool';
import type { LayerRule } from './rule';

/** The rule of every layer type. */
export const LAYER_RULES: Readonly<Record<LayerType, LayerRule>> = {
  conv2d,
  convtranspose2d: convTranspose2d,
  maxpool2d: maxPool2d,
  avgpool2d: avgPool2d,
  globalmaxpool2d: globalPool2d,
  globalavgpool2d: globalPool2d,
  adaptiveavgpool2d: adaptiveAvgPool2d,
  batchnorm2d: batchNorm2d,
  relu: activation,
  leakyrelu: leakyRelu,
  sigmoid: activation,
  tanh: activation,
  gelu: activation,
  softmax,
  dropout,
  dropout2d: dropout,
  flatten,
  linear,
};

export function ruleFor(type: unknown): LayerRule | undefined {
  return typeof type === 'string' && Object.hasOwn(LAYER_RULES, type) ? LAYER_RULES[type as LayerType] : undefined;
}
