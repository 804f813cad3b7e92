import { describe, expect, it } from 'vitest';
import { exportNetwork, importCode } from '../core/network/codegen/index';
import { importKeras } from '../core/network/codegen/keras';
import { importPytorch } from '../core/network/codegen/pytorch';
import type { CodeError, CodeProblemCode, ExportNote, ExportNoteCode } from '../core/network/codegen/types';
import type { NetworkSpec } from '../core/network/spec';
import { expectTranslated } from './book.test-helper';
import { codeProblemBooks, exportFailureBooks, exportNoteBooks, phraseCodeProblem, phraseExportFailure, phraseExportNote } from './code-problems';
import { plainWriter } from './phrase';

const pt = (body: string) => `import torch.nn as nn\nmodel = nn.Sequential(\n    ${body},\n)\n`;
const ks = (body: string) => `model = keras.Sequential([\n    ${body},\n])\n`;

/** PyTorch code the importer refuses, at least one per code it can say (the first test holds that). */
const PYTORCH = [
  pt("nn.Conv2d(3, 8, 3, padding='same)"),
  pt('nn.Conv2d(3, 8, 3) $'),
  pt("nn.Conv2d(3, 8 * 'a', 3)"),
  pt('nn.Conv2d(3, 8 // 0, 3)'),
  pt('nn.Conv2d(3, 0 ** -1, 3)'),
  pt('nn.Conv2d(3, 2 ** 60, 3)'),
  pt('nn.Conv2d(3, 9007199254740991 + 1, 3)'),
  pt('nn.Dropout((-1.0) ** 0.5)'),
  pt('nn.Dropout(1e308 * 10.0)'),
  pt("nn.Conv2d(3, -'a', 3)"),
  pt('nn.Dropout(1e999)'),
  pt('nn.Conv2d(3, 99999999999999999, 3)'),
  pt('nn.Conv2d(3, (8 9), 3)'),
  pt('nn.Conv2d(3, 8 @ 2, 3)'),
  pt('nn.Conv2d(3, , 3)'),
  pt('nn.Conv2d(*sizes)'),
  pt('nn.Conv2d(3, 8, kernel_size=3, kernel_size=3)'),
  pt('nn.Conv2d(in_channels=3, 8, 3)'),
  pt('nn.Conv2d(3 8, 3)'),
  pt('nn.ReLU(True, 2, 3)'),
  pt('nn.Conv2d(3, 8, 3, colour=1)'),
  pt('nn.Conv2d(3, 8, 3, in_channels=3)'),
  pt("nn.Dropout('half')"),
  pt("nn.Conv2d(3, 'eight', 3)"),
  pt('nn.Conv2d(3, 8.5, 3)'),
  pt('nn.Conv2d(3, 16 / 2, 3)'),
  pt('nn.Conv2d(3, 8, (3, 3, 3))'),
  pt('nn.Conv2d(3, 8, [3])'),
  pt("nn.Conv2d(3, 8, 'three')"),
  pt('nn.Conv2d(3, 8, 3, bias=1)'),
  pt("nn.Conv2d(3, 8, 3, padding='full')"),
  pt('nn.MaxPool2d(2, return_indices=True)'),
  pt('nn.AdaptiveMaxPool2d(2)'),
  pt('nn.BatchNorm2d(3, momentum=None)'),
  pt('nn.Flatten(0)'),
  pt('nn.Flatten(1, 2)'),
  'x = 1',
  'x = 1\ny = 2\n',
  `# input: 3x8x8\n${pt('nn.Conv2d(4, 8, 3)')}`,
  'nn.Sequential(first=nn.ReLU())',
  'nn.Sequential(OrderedDict(3))',
  "nn.Sequential(OrderedDict([('a', nn.ReLU(), 3)]))",
  pt('3'),
  pt('kernels'),
  pt('nn.Identity()'),
  pt('nn.Conv2d(3, 8)'),
];
/** Keras code the importer refuses. */
const KERAS = [
  ks('keras.Input(shape=3)'),
  ks('keras.Input(shape=(3, 4))'),
  ks("layers.Dense(4, activation='swish2')"),
  ks('layers.Dense(4, activation=3)'),
  ks('layers.ZeroPadding2D(1),\n    layers.Dense(3)'),
  ks('keras.Input()'),
  ks('layers.Conv2D(4)'),
  ks("layers.Conv2DTranspose(4, 3, padding='same')"),
  ks('layers.ZeroPadding2D(((1, 2), (1, 1))),\n    layers.Conv2D(4, 3)'),
  ks('layers.BatchNormalization(center=False)'),
  ks('layers.Dense()'),
  ks('layers.Dropout()'),
  ks('layers.Activation()'),
  ks('layers.ReLU(max_value=6)'),
  ks('layers.Softmax(axis=1)'),
  ks('layers.LSTM(4)'),
  ks("keras.Input(shape=(4,)),\n    layers.Conv2D(4, 3, strides=2, padding='same')"),
  ks("keras.Input(shape=(8, 8, 3)),\n    layers.Conv2D(4, 3, strides=2, padding='same')"),
  'model = keras.Sequential(3)',
  'model = keras.Sequential()\nmodel.add(3)\n',
  'x = 1',
  ks('layers.Dense(2),\n    layers.ZeroPadding2D(1)'),
  ks('3'),
  ks("layers.Conv2D(4, 3, data_format='channels_first')"),
];

const failures = (result: { ok: true } | { ok: false; errors: CodeError[] }) => (result.ok ? [] : result.errors);
const errors: CodeError[] = [
  ...PYTORCH.flatMap((source) => failures(importPytorch(source, [3, 8, 8]))),
  ...KERAS.flatMap((source) => failures(importKeras(source, [3, 8, 8]))),
  ...failures(importCode('pytorch', 3 as unknown as string, [3, 8, 8])),
  ...failures(importCode('keras', '{"input": [3, 8, 8], "layers": []}', [3, 8, 8])),
];
/**
 * Codes the reader keeps for input the importers never hand it (a call's name is read only when
 * "(" follows it; a dotted name only from a name; a failure of the reader itself): phrased from
 * hand-made values below.
 */
const UNREACHED: CodeProblemCode[] = ['expected_paren_after', 'expected_name', 'unreadable'];
const CODES = Object.keys(codeProblemBooks.en.codes) as CodeProblemCode[];

describe('code import problems phrased from code and values', () => {
  it('the corpus reaches every code (but the few the importers never reach)', () => {
    expect(CODES.filter((code) => !UNREACHED.includes(code) && !errors.some((error) => error.code === code))).toEqual([]);
    expect(errors.filter((error) => !error.code)).toEqual([]);
  });

  it('English is word for word the importer message', () => {
    for (const error of errors) expect(phraseCodeProblem('en', error, plainWriter('en')), error.code).toBe(error.message);
  });

  it('Persian phrases every problem in Persian, no placeholder left, names in Latin', () => {
    for (const error of errors) {
      const text = phraseCodeProblem('fa', error, plainWriter('fa'));
      expect(text, error.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, error.code).not.toMatch(/\{\w+(:\w+)?\}/);
      expect(text, error.code).not.toMatch(/\b(got|found|the end of the code|a tuple|a list| or ')\b/);
    }
    const find = (code: CodeProblemCode) => phraseCodeProblem('fa', errors.find((error) => error.code === code)!, plainWriter('fa'));
    expect(find('must_be_int_not_float')).toMatch(/^Conv2d out_channels باید عدد صحیح \(int\) باشد، اما ۸٫۰ است/);
    expect(find('pair_length')).toBe('Conv2d kernel_size باید یک عدد صحیح یا یک جفت (h, w) باشد، اما یک تاپل با ۳ عضو است');
    expect(find('must_be_one_of')).toBe("Conv2d padding باید 'same' یا 'valid' باشد، اما \"full\" است");
    expect(find('declared_input_mismatch')).toBe('لایهٔ ۱: in_channels برابر ۴ است، اما ورودی‌اش [۳, ۸, ۸] است، پس باید ۳ باشد');
    expect(find('same_pads_unevenly')).toMatch(/روی ورودی ۸x۸ /);
    expect(find('expected_value')).toBe('انتظار یک مقدار می‌رفت اما "," آمد');
  });

  it('the codes the importers never reach are phrased too', () => {
    const made: CodeError[] = [
      { line: 1, column: 1, code: 'expected_paren_after', values: { callee: 'nn.Conv2d', found: 'the end of the code' }, message: 'expected "(" after nn.Conv2d, found the end of the code' },
      { line: 1, column: 1, code: 'expected_name', values: { found: '"3"' }, message: 'expected a name, found "3"' },
      { line: 1, column: 1, code: 'unreadable', values: { detail: 'boom' }, message: 'the code could not be read (boom)' },
    ];
    for (const error of made) expect(phraseCodeProblem('en', error, plainWriter('en'))).toBe(error.message);
    expect(phraseCodeProblem('fa', made[0]!, plainWriter('fa'))).toBe('پس از nn.Conv2d انتظار "(" می‌رفت اما پایان کد آمد');
  });

  it('a problem without a code keeps the English', () => {
    expect(phraseCodeProblem('fa', { message: 'the English' }, plainWriter('fa'))).toBe('the English');
  });

  it('every code has both languages', () => {
    expectTranslated(codeProblemBooks.en, codeProblemBooks.fa, CODES);
  });
});

/** A network whose Keras export has every note. */
const NOTED: NetworkSpec = {
  input: [3, 16, 16],
  layers: [
    { type: 'maxpool2d', kernel: 2, padding: 1, ceil_mode: true, dilation: 2 },
    { type: 'convtranspose2d', out_channels: 4, kernel: 3, padding: 1 },
    { type: 'batchnorm2d', track_running_stats: false },
    { type: 'softmax', dim: 2 },
    { type: 'adaptiveavgpool2d', output_size: 2 },
    { type: 'linear', out_features: 5 },
    { type: 'flatten' },
  ],
} as NetworkSpec;

describe('Keras export notes phrased from code and values', () => {
  const exported = exportNetwork(NOTED, 'keras');
  const notes: ExportNote[] = exported.ok ? exported.noteMessages : [];
  const CODES = Object.keys(exportNoteBooks.en.codes) as ExportNoteCode[];

  it('the network reaches every note; English is word for word, Persian is Persian', () => {
    expect(exported.ok && exported.notes).toEqual(notes.map((note) => note.message));
    expect(CODES.filter((code) => !notes.some((note) => note.code === code))).toEqual([]);
    for (const note of notes) {
      expect(phraseExportNote('en', note, plainWriter('en'))).toBe(note.message);
      const persian = phraseExportNote('fa', note, plainWriter('fa'));
      expect(persian, note.code).toMatch(/^لایهٔ [۰-۹]+: /);
      expect(persian, note.code).not.toMatch(/\{\w+\}/);
    }
  });

  it('every note has both languages', () => {
    expectTranslated(exportNoteBooks.en, exportNoteBooks.fa, CODES);
  });
});

describe('a refused export phrased from its layer issue', () => {
  const broken = { input: [3, 4, 4], layers: [{ type: 'conv2d', out_channels: 8, kernel: 5 }] } as NetworkSpec;

  it('English is word for word; Persian phrases the issue and the sentence, with Persian digits', () => {
    for (const format of ['pytorch', 'keras'] as const) {
      const result = exportNetwork(broken, format);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.blocked?.format).toBe(format);
      expect(phraseExportFailure('en', result, plainWriter('en'))).toBe(result.message);
      const persian = phraseExportFailure('fa', result, plainWriter('fa'));
      expect(persian).toMatch(/^لایهٔ ۱ \(conv2d\): /);
      expect(persian).toContain(format === 'keras' ? 'پیش از صادر کردن کد Keras' : 'پیش از صادر کردن کد PyTorch');
      expect(persian).not.toMatch(/fix it|kernel/);
    }
    const unknown = { ok: false as const, message: 'unknown export format "svg"' };
    expect(phraseExportFailure('fa', unknown, plainWriter('fa'))).toBe(unknown.message);
  });

  it('both languages', () => {
    expectTranslated(exportFailureBooks.en, exportFailureBooks.fa, Object.keys(exportFailureBooks.en.codes));
  });
});
