import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAYER_TYPES, type LayerSpec, type NetworkSpec } from '../spec';
import { ALEXNET, LENET5, MOBILENET_V1, SEED_NETWORK, VGG16 } from '../presets';
import { summarizeNetwork } from '../summarize';
import { exportNetwork, importCode } from './index';
import { exportPytorch, importPytorch } from './pytorch';

const SEED_CODE = `import torch
import torch.nn as nn

# input: 3x128x128
model = nn.Sequential(
    nn.Conv2d(3, 32, 7, 1, 3),            # positional: in, out, kernel, stride, padding
    nn.Conv2d(in_channels=32, out_channels=64, kernel_size=5, stride=2),
    nn.MaxPool2d(2, 2),
    nn.Conv2d(64, 128, kernel_size=(3, 3), dilation=2),
    nn.Conv2d(128, 128, 3),
    nn.MaxPool2d(kernel_size=2, stride=2),
    torch.nn.Conv2d(128, 256, 3),
    nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Linear(6400, 1024),
    nn.Dropout(0.5),
    nn.Linear(in_features=1024, out_features=10),
)
`;

describe('PyTorch importer', () => {
  it('reads the seed network written with positional and keyword arguments: same table as the preset', () => {
    const result = importPytorch(SEED_CODE, [1, 1, 1]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.inputFromCode).toBe(true);
    expect(result.spec.layers[0]).toEqual({ type: 'conv2d', out_channels: 32, kernel: 7, stride: 1, padding: 3 });
    expect(result.spec.layers[3]).toEqual({ type: 'conv2d', out_channels: 128, kernel: [3, 3], dilation: 2 });
    expect(summarizeNetwork(result.spec)).toEqual(summarizeNetwork(SEED_NETWORK));
  });

  it('reads every supported module, activations included', () => {
    const code = `nn.Sequential(
      nn.ConvTranspose2d(3, 8, 2, stride=2, output_padding=1, bias=False),
      nn.BatchNorm2d(8, eps=1e-3, momentum=0.2),
      nn.ReLU(inplace=True), nn.LeakyReLU(0.2), nn.GELU(), nn.Sigmoid(), nn.Tanh(),
      nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False),
      nn.Dropout2d(p=0.1),
      nn.AdaptiveAvgPool2d((4, 4)),
      nn.AdaptiveAvgPool2d(1),
      nn.Flatten(),
      nn.Linear(8, 4, bias=False),
      nn.Softmax(dim=1),
    )`;
    const result = importPytorch(code, [3, 8, 8]);
    expect(result).toEqual({
      ok: true,
      inputFromCode: false,
      spec: {
        input: [3, 8, 8],
        layers: [
          { type: 'convtranspose2d', out_channels: 8, kernel: 2, stride: 2, output_padding: 1, bias: false },
          { type: 'batchnorm2d', eps: 0.001, momentum: 0.2 },
          { type: 'relu' },
          { type: 'leakyrelu', negative_slope: 0.2 },
          { type: 'gelu' },
          { type: 'sigmoid' },
          { type: 'tanh' },
          { type: 'avgpool2d', kernel: 3, stride: 1, padding: 1, count_include_pad: false },
          { type: 'dropout2d', p: 0.1 },
          { type: 'adaptiveavgpool2d', output_size: [4, 4] },
          { type: 'globalavgpool2d' },
          { type: 'flatten' },
          { type: 'linear', out_features: 4, bias: false },
          { type: 'softmax', dim: 1 },
        ],
      },
    });
  });

  it.each([
    ['an unknown module, named with its line', 'nn.Sequential(\n  nn.Conv2d(3, 8, 3),\n  nn.LSTM(8, 8),\n)', 3, 'nn.LSTM is not supported; supported layers: Conv2d, ConvTranspose2d'],
    ['an unknown keyword', 'nn.Sequential(\n  nn.Conv2d(3, 8, 3, kernal=3),\n)', 2, 'Conv2d has no argument "kernal"'],
    ['a missing argument', 'nn.Sequential(\n\n  nn.Linear(10),\n)', 3, 'Linear needs out_features'],
    ['in_channels that disagree with the inferred shape', '# input: 3x32x32\nnn.Sequential(\n  nn.Conv2d(3, 8, 3),\n  nn.Conv2d(16, 8, 3),\n)', 4, 'layer 2: in_channels is 16, but its input is [8, 30, 30], so it must be 8'],
    ['in_features that disagree', '# input: 3x4x4\nnn.Sequential(nn.Flatten(),\n nn.Linear(47, 2))', 3, 'layer 2: in_features is 47, but its input is [48], so it must be 48'],
    ['an unclosed call', 'nn.Sequential(\n  nn.Conv2d(3, 8, 3),\n  nn.ReLU(\n', 4, 'expected a value, found the end of the code'],
    ['a variable instead of a value', 'nn.Sequential(\n  nn.Conv2d(3, c, 3),\n)', 2, 'Conv2d out_channels must be a whole number, got the name c (a variable'],
    ['no Sequential', 'x = 1', 1, 'no Sequential(...) found'],
    ['too many positional arguments', 'nn.Sequential(nn.ReLU(True, 3))', 1, 'ReLU takes at most 1 positional arguments'],
  ])('%s', (_name, code, line, message) => {
    const result = importPytorch(code, [3, 32, 32]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]!.line).toBe(line);
    expect(result.errors[0]!.message).toContain(message);
  });

  it('evaluates integer arithmetic in arguments, with Python precedence (issue 9)', () => {
    const code = `# input: 64x16x16
model = nn.Sequential(
    nn.Conv2d(64, 64*2, kernel_size=(3, 3), padding=3 // 2),
    nn.MaxPool2d(2 ** 2),
    nn.Flatten(),
    nn.Linear(in_features=4*4*(64 + 64), out_features=16*16*16),
    nn.Linear(16*16*16, 10 - 2 * 3),
    nn.Dropout(p=1/4),
)`;
    const result = importPytorch(code, [1]);
    expect(result).toEqual({
      ok: true,
      inputFromCode: true,
      spec: {
        input: [64, 16, 16],
        layers: [
          { type: 'conv2d', out_channels: 128, kernel: [3, 3], padding: 1 },
          { type: 'maxpool2d', kernel: 4 },
          { type: 'flatten' },
          { type: 'linear', out_features: 4096 },
          { type: 'linear', out_features: 4 },
          { type: 'dropout', p: 0.25 },
        ],
      },
    });
  });

  it.each([
    ['a float where PyTorch needs an int (/ gives a float, as in Python)', 'nn.Sequential(\n  nn.Flatten(),\n  nn.Linear(12, 64/2),\n)', 3, 'Linear out_features must be a whole number (an int), got 32.0 (a float: in Python / always gives a float; // gives an int)'],
    ['a variable in arithmetic', 'nn.Sequential(\n  nn.Conv2d(3, c * 4, 3),\n)', 2, '"*" computes numbers only (+ - * / // % **), got the name c'],
    ['an operator it does not compute', 'nn.Sequential(\n  nn.Conv2d(3, 1 << 4, 3),\n)', 2, '"<<" cannot be computed here; a value may use numbers with + - * / // % ** and parentheses'],
    ['division by zero', 'nn.Sequential(\n\n  nn.MaxPool2d(4 // 0),\n)', 3, '4 // 0 divides by zero'],
  ])('arithmetic errors keep the line and say what is valid: %s', (_name, code, line, message) => {
    const result = importPytorch(code, [3, 2, 2]);
    expect(result).toMatchObject({ ok: false, errors: [{ line, message: expect.stringContaining(message) }] });
  });

  it('reports every bad layer, and imports none of them', () => {
    const result = importPytorch('nn.Sequential(\n nn.Foo(),\n nn.ReLU(),\n nn.Bar(),\n)', [3, 8, 8]);
    expect(result).toMatchObject({ ok: false, errors: [{ line: 2 }, { line: 4 }] });
    expect('spec' in result).toBe(false);
  });
});

describe('PyTorch exporter', () => {
  it('prints in_channels and in_features from the inferred shapes', () => {
    const result = exportPytorch(SEED_NETWORK);
    expect(result.ok && result.text).toContain('nn.Conv2d(32, 64, kernel_size=5, stride=2, padding=0),  # 2');
    expect(result.ok && result.text).toContain('nn.Linear(6400, 1024),  # 10');
  });

  it('refuses a network with an error, naming it', () => {
    const broken: NetworkSpec = { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernel: 9 }] };
    expect(exportPytorch(broken)).toMatchObject({
      ok: false,
      message: 'layer 1 (conv2d): kernel 9 is larger than the padded input 8x8; fix it before exporting PyTorch code (in_channels and in_features come from the computed shapes)',
    });
  });

  it.each([
    ['seed', SEED_NETWORK],
    ['LeNet-5', LENET5],
    ['AlexNet', ALEXNET],
    ['VGG-16', VGG16],
    ['MobileNet v1', MOBILENET_V1],
  ])('%s re-imports to the same spec', (_name, spec) => {
    const exported = exportNetwork(spec, 'pytorch');
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(importCode('pytorch', exported.text, [1])).toEqual({ ok: true, spec, inputFromCode: true, readAs: 'pytorch', looksLike: 'pytorch' });
  });
});

// ---- property tests ----

const size = fc.integer({ min: 1, max: 5 });
const pairOrInt = fc.oneof(size, fc.tuple(size, size));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Any layer the exporter can print, with any subset of its optional fields. */
const layerArb: fc.Arbitrary<LayerSpec> = fc.oneof(
  fc.record({ out_channels: size, kernel: pairOrInt, stride: maybe(pairOrInt), padding: maybe(fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('same' as const, 'valid' as const))), dilation: maybe(fc.integer({ min: 1, max: 2 })), bias: maybe(fc.boolean()) }).map((r) => defined({ type: 'conv2d' as const, ...r })),
  fc.record({ out_channels: size, kernel: pairOrInt, stride: maybe(pairOrInt), padding: maybe(fc.integer({ min: 0, max: 1 })), output_padding: maybe(fc.constant(0)), bias: maybe(fc.boolean()) }).map((r) => defined({ type: 'convtranspose2d' as const, ...r })),
  fc.record({ kernel: pairOrInt, stride: maybe(pairOrInt), padding: maybe(fc.constant(0)), ceil_mode: maybe(fc.boolean()) }).map((r) => defined({ type: 'maxpool2d' as const, ...r })),
  fc.record({ kernel: pairOrInt, stride: maybe(pairOrInt), count_include_pad: maybe(fc.boolean()) }).map((r) => defined({ type: 'avgpool2d' as const, ...r })),
  fc.record({ output_size: fc.oneof(fc.integer({ min: 2, max: 3 }), fc.tuple(fc.integer({ min: 2, max: 3 }), size)) }).map((r) => ({ type: 'adaptiveavgpool2d' as const, ...r })),
  fc.record({ eps: maybe(fc.constantFrom(1e-5, 0.001)), momentum: maybe(fc.constantFrom(0.1, 0.01)), affine: maybe(fc.boolean()), track_running_stats: maybe(fc.boolean()) }).map((r) => defined({ type: 'batchnorm2d' as const, ...r })),
  fc.constantFrom<LayerSpec>({ type: 'relu' }, { type: 'sigmoid' }, { type: 'tanh' }, { type: 'gelu' }, { type: 'globalavgpool2d' }, { type: 'globalmaxpool2d' }, { type: 'flatten' }, { type: 'softmax' }, { type: 'softmax', dim: 1 }),
  fc.record({ negative_slope: maybe(fc.constantFrom(0.01, 0.2)) }).map((r) => defined({ type: 'leakyrelu' as const, ...r })),
  fc.record({ p: maybe(fc.constantFrom(0, 0.25, 0.5)), type: fc.constantFrom('dropout' as const, 'dropout2d' as const) }).map((r) => defined(r)),
  fc.record({ out_features: fc.integer({ min: 1, max: 20 }), bias: maybe(fc.boolean()) }).map((r) => defined({ type: 'linear' as const, ...r })),
);

/** A random network cut before its first layer that does not compute (export needs every shape). */
const computableSpec = fc
  .record({ input: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 4, max: 24 }), fc.integer({ min: 4, max: 24 })), layers: fc.array(layerArb, { maxLength: 10 }) })
  .map(({ input, layers }) => {
    const summary = summarizeNetwork({ input, layers });
    const firstBad = summary.layers.findIndex((info) => info.status !== 'ok');
    return { input: [...input], layers: firstBad === -1 ? layers : layers.slice(0, firstBad) } satisfies NetworkSpec;
  });

describe('PyTorch code round trip (fast-check)', () => {
  it('printed code parses back to the same spec', () => {
    fc.assert(
      fc.property(computableSpec, (spec) => {
        const exported = exportPytorch(spec);
        expect(exported.ok).toBe(true);
        if (!exported.ok) return;
        expect(importPytorch(exported.text, [9, 9, 9])).toEqual({ ok: true, spec, inputFromCode: true });
      }),
      { numRuns: 200 },
    );
  });

  it('the printed code with every whole number written as arithmetic reads back to the same spec', () => {
    const forms = [(n: string, k: number) => `(${n} + ${k}) - ${k}`, (n: string, k: number) => `${n} * ${k} // ${k}`, (n: string, k: number) => `(${n}*${k} + ${k} - 1) // ${k}`, (n: string) => `-(-${n})`, (n: string, k: number) => `${k} - ${k} + 2**0 * ${n}`];
    fc.assert(
      fc.property(computableSpec, fc.infiniteStream(fc.tuple(fc.integer({ min: 0, max: forms.length - 1 }), fc.integer({ min: 1, max: 9 }))), (spec, picks) => {
        const exported = exportPytorch(spec);
        if (!exported.ok) return;
        const next = picks[Symbol.iterator]();
        const rewritten = exported.text
          .split('\n')
          .map((line) => {
            if (!line.startsWith('    nn.')) return line;
            const hash = line.indexOf('#');
            // Whole numbers only: not the digits of 0.25, 1e-05 or Conv2d.
            const code = line.slice(0, hash).replace(/(?<![\w.-])\d+(?![\w.])/g, (n) => {
              const [form, k] = next.next().value as [number, number];
              return forms[form]!(n, k);
            });
            return code + line.slice(hash);
          })
          .join('\n');
        expect(importPytorch(rewritten, [9, 9, 9])).toEqual({ ok: true, spec, inputFromCode: true });
      }),
      { numRuns: 150 },
    );
  });

  it('malformed code gives an error on the line that was broken, and no spec', () => {
    const breakages = [
      (line: string) => line.replace(/nn\.(\w+)\(/, 'nn.$1Typo('),
      (line: string) => line.replace(/\),\s+#/, ', #'),
      (line: string) => line.replace(/\(/, '(@, '),
      (line: string) => line.replace(/\)/, ', bogus_argument=1)'),
    ];
    fc.assert(
      fc.property(computableSpec.filter((spec) => spec.layers.length > 0), fc.nat(), fc.integer({ min: 0, max: breakages.length - 1 }), (spec, pick, how) => {
        const exported = exportPytorch(spec);
        if (!exported.ok) return;
        const lines = exported.text.split('\n');
        const layerLines = lines.map((line, i) => [line, i] as const).filter(([line]) => line.startsWith('    nn.'));
        const [line, lineIndex] = layerLines[pick % layerLines.length]!;
        lines[lineIndex] = breakages[how]!(line);
        const result = importPytorch(lines.join('\n'), [9, 9, 9]);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        // A missing ")" is only noticed where a token cannot continue the call: on that line or a later one (as Python reports it).
        if (how === 1) expect(result.errors[0]!.line).toBeGreaterThanOrEqual(lineIndex + 1);
        else expect(result.errors[0]!.line).toBe(lineIndex + 1);
        expect(result.errors[0]!.message.length).toBeGreaterThan(10);
      }),
      { numRuns: 200 },
    );
  });

  it('arbitrary text never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = importCode('pytorch', `nn.Sequential(${text})`, [3, 8, 8]);
        expect(typeof result.ok).toBe('boolean');
        const keras = importCode('keras', `keras.Sequential([${text}])`, [3, 8, 8]);
        expect(typeof keras.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('covers every engine layer type', () => {
    const seen = new Set<string>();
    // A fixed seed and enough samples: the rarest type has 1 chance in 90 per draw, so 500 random draws missed one now and then.
    fc.sample(layerArb, { numRuns: 3000, seed: 42 }).forEach((layer) => seen.add(layer.type));
    expect([...seen].sort()).toEqual([...LAYER_TYPES].sort());
  });
});
