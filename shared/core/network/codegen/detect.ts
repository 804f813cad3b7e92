import { tokenize, type Token } from './python-syntax';
import type { ImportLanguage } from './types';

/** Names only Keras code uses (its layer classes, its module). */
const KERAS_NAMES = new Set([
  'keras',
  'Conv2D',
  'Conv2DTranspose',
  'Dense',
  'MaxPooling2D',
  'AveragePooling2D',
  'MaxPool2D',
  'AvgPool2D',
  'GlobalAveragePooling2D',
  'GlobalMaxPooling2D',
  'GlobalAvgPool2D',
  'GlobalMaxPool2D',
  'ZeroPadding2D',
  'BatchNormalization',
  'SpatialDropout2D',
  'InputLayer',
  'Activation',
]);

/** Names only PyTorch code uses (torch, nn, its module classes). */
const PYTORCH_NAMES = new Set([
  'torch',
  'nn',
  'Conv2d',
  'ConvTranspose2d',
  'MaxPool2d',
  'AvgPool2d',
  'AdaptiveAvgPool2d',
  'AdaptiveMaxPool2d',
  'BatchNorm2d',
  'Linear',
  'Dropout2d',
  'Sigmoid',
  'Tanh',
  'GELU',
  'OrderedDict',
]);

function isOp(token: Token | undefined, text: string): boolean {
  return token?.kind === 'op' && token.text === text;
}

/**
 * The language model code is written in, from the names it uses (Conv2D, Dense, keras,
 * `Sequential([`, `model.add(` against Conv2d, Linear, torch, nn), or 'json' for text that
 * starts with `{`; null when the names do not tell (none of either, or as many of each).
 * Used to read Keras pasted with PyTorch chosen (and the reverse) as what it is.
 */
export function detectCodeLanguage(source: string): ImportLanguage | 'json' | null {
  if (/^\s*\{/.test(source)) return 'json';
  let tokens;
  try {
    tokens = tokenize(source).tokens;
  } catch {
    return null;
  }
  let keras = 0;
  let pytorch = 0;
  tokens.forEach((token, i) => {
    if (token.kind !== 'name') return;
    if (KERAS_NAMES.has(token.text)) keras++;
    else if (PYTORCH_NAMES.has(token.text)) pytorch++;
    // Sequential([...]) and model.add(...) are Keras forms; nn.Sequential takes the layers themselves.
    if (token.text === 'Sequential' && isOp(tokens[i + 1], '(') && isOp(tokens[i + 2], '[')) keras++;
    if (token.text === 'add' && isOp(tokens[i - 1], '.') && isOp(tokens[i + 1], '(')) keras++;
  });
  if (keras > pytorch) return 'keras';
  if (pytorch > keras) return 'pytorch';
  return null;
}
