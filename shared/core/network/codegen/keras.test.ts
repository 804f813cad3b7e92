import { describe, expect, it } from 'vitest';
import { ALEXNET, MOBILENET_V1, SEED_NETWORK } from '../presets';
import { summarizeNetwork } from '../summarize';
import { exportKeras, importKeras } from './keras';
import { tableCsv, tableMarkdown } from './table';

describe('Keras importer', () => {
  it('reads the seed network (channels last, same padding, activation= as its own layer)', () => {
    const code = `import keras
from keras import layers

model = keras.Sequential([
    keras.Input(shape=(128, 128, 3)),
    layers.Conv2D(32, 7, padding='same', activation='relu'),
    layers.Conv2D(64, (5, 5), strides=2),
    layers.MaxPooling2D(2),
    layers.Conv2D(128, 3, dilation_rate=2),
    layers.Conv2D(128, 3),
    layers.MaxPooling2D(pool_size=(2, 2)),
    layers.Conv2D(256, 3),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(1024),
    layers.Dropout(0.5),
    layers.Dense(10),
])`;
    const result = importKeras(code, [1]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.input).toEqual([3, 128, 128]);
    expect(result.spec.layers.slice(0, 2)).toEqual([{ type: 'conv2d', out_channels: 32, kernel: 7, padding: 'same' }, { type: 'relu' }]);
    const withoutRelu = { ...result.spec, layers: result.spec.layers.filter((layer) => layer.type !== 'relu') };
    const shapes = (spec: typeof SEED_NETWORK) => summarizeNetwork(spec).layers.map((info) => (info.status === 'ok' ? [info.outputShape, info.params.trainable] : info.status));
    expect(shapes(withoutRelu)).toEqual(shapes(SEED_NETWORK));
  });

  it("model.add form; strided 'same' becomes symmetric padding when TensorFlow pads evenly; BatchNormalization momentum flips", () => {
    const code = `model = keras.Sequential()
model.add(layers.Conv2D(8, 3, strides=2, padding='same', input_shape=(9, 9, 3)))
model.add(layers.BatchNormalization(momentum=0.9, epsilon=0.001))
model.add(layers.GlobalAveragePooling2D())`;
    expect(importKeras(code, [1])).toEqual({
      ok: true,
      inputFromCode: true,
      spec: {
        input: [3, 9, 9],
        // TF: out = ceil(9/2) = 5, total pad = (5 - 1)*2 + 3 - 9 = 2, so 1 on each side
        layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, stride: 2, padding: 1 }, { type: 'batchnorm2d', eps: 0.001, momentum: 0.1 }, { type: 'globalavgpool2d' }, { type: 'flatten' }],
      },
    });
  });

  it('evaluates integer arithmetic in arguments (issue 9): filters, sizes, units and the input shape', () => {
    const code = `model = keras.Sequential([
    keras.Input(shape=(4*7, 28, 2 - 1)),
    layers.Conv2D(32*2, (3, 3), strides=(2 // 2)),
    layers.MaxPooling2D(pool_size=2**1),
    layers.Flatten(),
    layers.Dense(units=16*16, activation='relu'),
    layers.Dropout(rate=1/2),
])`;
    expect(importKeras(code, [1])).toEqual({
      ok: true,
      inputFromCode: true,
      spec: {
        input: [1, 28, 28],
        layers: [{ type: 'conv2d', out_channels: 64, kernel: [3, 3], stride: 1 }, { type: 'maxpool2d', kernel: 2 }, { type: 'flatten' }, { type: 'linear', out_features: 256 }, { type: 'relu' }, { type: 'dropout', p: 0.5 }],
      },
    });
    expect(importKeras('keras.Sequential([\n  layers.Dense(64 / 2),\n])', [8])).toMatchObject({ ok: false, errors: [{ line: 2, message: expect.stringContaining('Dense units must be a whole number (an int), got 32.0') }] });
  });

  it('uneven same padding and unknown layers are errors with line numbers, nothing imported', () => {
    const uneven = importKeras("keras.Sequential([\n  keras.Input(shape=(8, 8, 3)),\n  layers.Conv2D(4, 3, strides=2, padding='same'),\n])", [1]);
    expect(uneven).toMatchObject({ ok: false, errors: [{ line: 3, message: expect.stringContaining("padding='same' on a 8x8 input pads unevenly") }] });
    const unknown = importKeras('keras.Sequential([\n  layers.LSTM(4),\n  layers.Dense(2),\n  layers.Embedding(3, 4),\n])', [10]);
    expect(unknown).toMatchObject({ ok: false, errors: [{ line: 2 }, { line: 4 }] });
  });

  it('exports with ZeroPadding2D where PyTorch padding is not same, and re-imports to the same table', () => {
    for (const spec of [SEED_NETWORK, ALEXNET, MOBILENET_V1]) {
      const exported = exportKeras(spec);
      expect(exported.ok).toBe(true);
      if (!exported.ok) continue;
      const back = importKeras(exported.text, [1]);
      expect(back.ok).toBe(true);
      if (!back.ok) continue;
      const table = (s: typeof spec) => {
        const summary = summarizeNetwork(s);
        return [summary.layers.at(-1)!.status === 'ok' && (summary.layers.at(-1) as { outputShape: number[] }).outputShape, summary.totals.trainableParams];
      };
      expect(table(back.spec)).toEqual(table(spec));
    }
    expect(exportKeras(ALEXNET).ok && (exportKeras(ALEXNET) as { text: string }).text).toContain("layers.ZeroPadding2D(2),\n    layers.Conv2D(64, 11, strides=4, padding='valid'),");
  });
});

describe('table export', () => {
  it('CSV: one row per layer with exact numbers, a totals row', () => {
    const rows = tableCsv(SEED_NETWORK).trim().split('\r\n');
    expect(rows[0]).toBe('#,layer,output (CxHxW),params,buffers,MACs,memory (bytes),receptive field,jump,centre');
    expect(rows[3]).toBe('2,conv2d,64x62x62,51264,0,196812800,984064,11x11,2,"(2, 2)"');
    expect(rows.at(-1)).toBe(',total,,7137482,0,455845888,4256040,,,');
  });

  it('Markdown: grouped numbers, header separator', () => {
    const lines = tableMarkdown(SEED_NETWORK).trim().split('\n');
    expect(lines[1]).toBe('| --: | :-- | --: | --: | --: | --: | --: | --: | --: | --: |');
    expect(lines[4]).toBe('| 2 | conv2d | 64x62x62 | 51,264 | 0 | 196,812,800 | 984,064 | 11x11 | 2 | (2, 2) |');
  });

  it('a broken layer shows its message and later layers are not computed', () => {
    const csv = tableCsv({ input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernel: 9 }, { type: 'relu' }] });
    expect(csv).toContain('1,conv2d,error: layer 1 (conv2d): kernel 9 is larger than the padded input 8x8');
    expect(csv).toContain('2,relu,not computed');
  });
});
