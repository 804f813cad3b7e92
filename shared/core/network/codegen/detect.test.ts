import { describe, expect, it } from 'vitest';
import { ALEXNET, LENET5, MOBILENET_V1, SEED_NETWORK, VGG16 } from '../presets';
import { detectCodeLanguage } from './detect';
import { exportNetwork, importCode } from './index';
import { importKeras } from './keras';
import { importPytorch } from './pytorch';

const KERAS_CODE = `from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    layers.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10),
])`;

const PYTORCH_CODE = `import torch.nn as nn
# input: 3x32x32
model = nn.Sequential(
    nn.Conv2d(3, 16, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(16 * 16 * 16, 10),
)`;

describe('the language of pasted code (issue 9)', () => {
  it.each([
    ['Keras (list form)', KERAS_CODE, 'keras'],
    ['Keras (model.add form, no import line)', 'model = Sequential()\nmodel.add(Dense(4, input_shape=(8,)))', 'keras'],
    ['PyTorch', PYTORCH_CODE, 'pytorch'],
    ['PyTorch without the nn. prefix', 'Sequential(Conv2d(3, 8, 3), Linear(8, 2))', 'pytorch'],
    ['a JSON spec', '  {"input": [3, 8, 8], "layers": []}', 'json'],
    ['names that both use', 'Sequential(Flatten(), Dropout(0.5))', null],
    ['nothing of either', 'x = 1', null],
    ['text that does not tokenize', 'nn.Conv2d("', null],
  ])('%s', (_name, source, language) => {
    expect(detectCodeLanguage(source)).toBe(language);
  });

  it('Keras pasted with PyTorch chosen is read as Keras, padding="same" kept as same', () => {
    const result = importCode('pytorch', KERAS_CODE, [1]);
    expect(result).toEqual({ ...importKeras(KERAS_CODE, [1]), readAs: 'keras', looksLike: 'keras' });
    expect(result.ok && result.spec.layers[0]).toEqual({ type: 'conv2d', out_channels: 16, kernel: 3, padding: 'same' });
  });

  it('PyTorch pasted with Keras chosen is read as PyTorch', () => {
    const result = importCode('keras', PYTORCH_CODE, [1]);
    expect(result).toEqual({ ...importPytorch(PYTORCH_CODE, [1]), readAs: 'pytorch', looksLike: 'pytorch' });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['seed', SEED_NETWORK],
    ['LeNet-5', LENET5],
    ['AlexNet', ALEXNET],
    ['VGG-16', VGG16],
    ['MobileNet v1', MOBILENET_V1],
  ])('%s exported in either language imports with the other chosen, as its own importer reads it', (_name, spec) => {
    for (const [written, chosen] of [['keras', 'pytorch'], ['pytorch', 'keras']] as const) {
      const exported = exportNetwork(spec, written);
      if (!exported.ok) throw new Error(exported.message);
      const own = written === 'keras' ? importKeras(exported.text, [1]) : importPytorch(exported.text, [1]);
      expect(own.ok).toBe(true);
      expect(importCode(chosen, exported.text, [1])).toEqual({ ...own, readAs: written, looksLike: written });
    }
  });

  it('Keras that cannot be imported, with PyTorch chosen: the Keras errors, with their lines, and it says it looks like Keras', () => {
    const code = 'model = keras.Sequential([\n    layers.Conv2D(8, 3, input_shape=(8, 8, 1)),\n    layers.LSTM(4),\n])';
    expect(importCode('pytorch', code, [1])).toMatchObject({ ok: false, readAs: 'keras', looksLike: 'keras', errors: [{ line: 3, message: expect.stringContaining('layers.LSTM is not supported; supported Keras layers') }] });
  });

  it('a JSON spec with PyTorch chosen says to choose JSON', () => {
    expect(importCode('pytorch', '{"input": [3, 8, 8], "layers": []}', [1])).toEqual({
      ok: false,
      readAs: 'pytorch',
      looksLike: 'json',
      errors: [{ line: 1, column: 1, code: 'looks_like_json', values: { language: 'PyTorch' }, message: 'this looks like a JSON network spec, not PyTorch code; choose JSON to import it' }],
    });
  });

  it('code whose names do not tell is read in the language chosen', () => {
    expect(importCode('pytorch', 'Sequential(Flatten())', [3, 2, 2])).toMatchObject({ ok: true, readAs: 'pytorch', looksLike: null, spec: { layers: [{ type: 'flatten' }] } });
    expect(importCode('keras', 'Sequential([Flatten()])', [3, 2, 2])).toMatchObject({ ok: true, readAs: 'keras', looksLike: 'keras' });
  });
});
