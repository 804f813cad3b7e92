import { describe, expect, it } from 'vitest';
import { BACKPROP_CLI_EXAMPLE } from '../../shared/core/backprop/examples';
import { SEED_NETWORK } from '../../shared/core/network/presets';
import { createDefaultProject, serializeProject } from '../../shared/project/index';
import { runCli } from './run-cli.test-helper';

/**
 * Issue 11: `--lang fa` turns every human-readable line of every command Persian, numbers in
 * Persian digits; --json stays as it is. Each command runs in both languages on the same
 * document: the Persian text has the English text's numbers (read back from Persian digits),
 * its own headings, and no English sentence left.
 */

const answers = { layers: [{ output: '128x128x32', params: '4,736', rf: '7' }, { output: '62x62x62', params: '51,264', rf: '1225 px' }] };
const hand = { input_dim: 1, widths: [2], output_dim: 1, activation: 'relu', weights: [[[1], [-1]], [[2, 3]]], biases: [[0, 0], [0]], data: { x: [[1], [2]], y: [[0], [0]] }, loss: 'mse' };
const OPTIMIZE = {
  model: 'a*x1^2 + b*x2^2 + c*x1*x2 + d',
  params: { a: 1, b: -1, c: -1, d: 1 },
  data: { columns: ['x1', 'x2', 't'], rows: [[1, -1, 10], [2, 0, 13]] },
  target: 't',
  optimizer: { type: 'momentum', form: 'delta', lr: 0.1, beta: 0.9 },
  mode: 'online',
  epochs: 1,
  shuffle: false,
  seed: 0,
};

/** Each command on a document it computes, with the flags that add lines. */
const COMMANDS: Record<string, { args?: string[]; document: unknown }> = {
  summary: { document: SEED_NETWORK },
  optimize: { document: OPTIMIZE },
  backprop: { document: BACKPROP_CLI_EXAMPLE },
  'receptive-field': { document: { network: { input: [1, 9, 9], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3, padding: 1, stride: 2 }, { type: 'conv2d', out_channels: 1, kernel: 3, dilation: 2, padding: 2 }] }, unit: { layer: 2, y: 1, x: 4 } } },
  'check-answers': { document: JSON.parse(serializeProject({ ...createDefaultProject(), network: SEED_NETWORK, tools: { answers } })) },
  'bias-variance': { args: ['--datasets'], document: { truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 4, resamples: 2, test_points: 5, model: { family: 'polynomial', degrees: [0, 3] }, seed: 4 } },
  'double-descent': { args: ['--features'], document: { truth: 'sin', domain: [0, 1], noise_std: 0.3, train_size: 5, test_points: 50, features: [1, 5, 12], ridge: 0, seed: 0 } },
  'gradient-flow': { document: hand },
  regions: { args: ['--polygons'], document: { input_dim: 2, widths: [3], weights: [[[1, 0], [0, 1], [1, 1]], [[1, 1, 1]]], biases: [[0, 0, -0.5], [0]], domain: [[-1, 1], [-1, 1]] } },
  train: { document: { input_dim: 1, widths: [], weights: [[[0]]], biases: [[0]], data: { x: [[1]], y: [[1]], validation: { x: [[1]], y: [[0.5]] } }, optimizer: { type: 'sgd', lr: 0.125 }, epochs: 5, early_stopping: { patience: 2 } } },
};

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
/** Persian digits, decimal point and thousands separator back to ASCII. */
const latin = (text: string) => text.replace(/[۰-۹]/g, (digit) => String(PERSIAN.indexOf(digit))).replace(/٫/g, '.').replace(/٬/g, ',');
/** The numbers of a text, in order (digits inside names such as conv2d or x1 are not numbers). */
const numbersOf = (text: string) => latin(text).match(/(?<![A-Za-z_\d.])-?\d+(?:[.,]\d+)*(?:e[+-]\d+)?/g) ?? [];

async function both(name: string, extra: string[] = []) {
  const { args = [], document } = COMMANDS[name]!;
  const input = JSON.stringify(document);
  const en = await runCli([name, '-', ...args, ...extra], input);
  const fa = await runCli([name, '-', ...args, ...extra, '--lang', 'fa'], input);
  return { en, fa };
}

describe('CLI human-readable output in Persian (--lang fa)', () => {
  it.each(Object.keys(COMMANDS))('%s: the same numbers as in English, in Persian digits, with Persian words', async (name) => {
    const { en, fa } = await both(name);
    expect(fa.code, fa.err).toBe(0);
    expect(en.code).toBe(0);
    expect(fa.out).not.toBe(en.out);
    expect(fa.out).toMatch(/[\u0600-\u06FF]{2}/);
    expect([...numbersOf(fa.out)].sort()).toEqual([...numbersOf(en.out)].sort());
    // Every line with a word of three letters or more in English has Persian in it too, unless
    // it is a formula, a table row of names (conv2d, dL/dW) or what the student typed.
    const enLines = en.out.split('\n');
    fa.out.split('\n').forEach((line, i) => {
      const english = enLines[i] ?? '';
      if (/[A-Za-z]{3,} [a-z]{3,}/.test(english) && !/[=<>]/.test(english)) expect(line, `${name} line ${i}: ${english}`).toMatch(/[\u0600-\u06FF]/);
    });
  });

  it.each(Object.keys(COMMANDS))('%s: --json is the same in both languages', async (name) => {
    const { en, fa } = await both(name, ['--json']);
    expect(fa.out).toBe(en.out);
  });

  it('summary: Persian headings and totals, the layer type ids as PyTorch spells them', async () => {
    const { fa } = await both('summary');
    expect(fa.out).toMatch(/^لایه \(نوع\) +شکل خروجی +پارامترها +MACها +میدان دید \(اندازه \/ پرش \/ مرکز\)$/m);
    expect(fa.out).toMatch(/^۱ conv2d +\[۳۲, ۱۲۸, ۱۲۸\] +۴٬۷۳۶ /m);
    expect(fa.out).toContain('کل پارامترها: ');
    expect(fa.out).toMatch(/کل ورودی$/m);
  });

  it('optimize: Persian headings, the model as typed, the final parameters in Persian digits', async () => {
    const { fa } = await both('optimize');
    expect(fa.out).toContain('مدل: y = a*x1^2 + b*x2^2 + c*x1*x2 + d');
    expect(fa.out).toMatch(/^گام +نمونه‌ها +y +زیان +dL\/da/m);
    expect(fa.out).toMatch(/^نهایی: a = [-۰-۹٫]+، b = /m);
  });

  it('backprop: the tensors under Persian names, the cells in Persian digits', async () => {
    const { fa } = await both('backprop');
    expect(fa.out).toContain('کانولوشن z [۱x۳x۳]\n     ۱٫۵   ۸٫۵   ۱٫۵');
    expect(fa.out).toContain('ادغام‌شده y [۱x۱x۱]\n    ۸٫۵');
    expect(fa.out).toContain('dL/dW [۱x۱x۲x۲]\n    ۲  ۰\n    ۱  ۳');
  });

  it('receptive-field: the unit line, the Persian table headings, the padding read', async () => {
    const { fa } = await both('receptive-field');
    expect(fa.out.split('\n')[0]).toBe('واحد (۱, ۴) از لایهٔ ۲ (conv2d): میدان دید ۱۱x۱۱، پرش ۲x۲، مرکز واحد (۰, ۰) در (۰, ۰)');
    expect(fa.out).toMatch(/^لایه +اندازه +کادر +بریده‌شده +خانه‌های مؤثر +لایه‌گذاری خوانده‌شده$/m);
    expect(fa.out).toContain('(با فاصله)');
  });

  it('check-answers: verdicts, expected values and reasons in Persian (the answer-reason phrasebooks), the typed answers as typed', async () => {
    const { fa } = await both('check-answers');
    expect(fa.out).toMatch(/^لایهٔ ۱، خروجی: 128x128x32 - درست$/m);
    expect(fa.out).toMatch(/^لایهٔ ۲، خروجی: 62x62x62 - نادرست؛ مقدار درست: ۶۴x۶۲x۶۲ /m);
    expect(fa.out).toMatch(/^ {2}ارتفاع و عرض ۶۲x۶۲ درست است/m);
    expect(fa.out).toMatch(/^۴ پاسخ از ۶ پاسخ درست است$/m);
  });

  it('bias-variance, double-descent: Persian headings and notes, the truth formula as written', async () => {
    const bias = (await both('bias-variance')).fa.out;
    expect(bias).toMatch(/^تابع واقعی: f\(x\) = sin\(2\*pi\*x\)؛ ۲ مجموعهٔ آموزشی/m);
    expect(bias).toMatch(/^ *درجه +بایاس\^۲ +واریانس +نویز +مورد انتظار +خطای آزمون +خطای آموزش$/m);
    expect(bias).toMatch(/^مجموعهٔ ۱: x = \[/m);
    const descent = (await both('double-descent')).fa.out;
    expect(descent).toMatch(/^ *p +خطای آموزش +خطای آزمون +\|\|c\|\|$/m);
    expect(descent).toContain('<- p = n (آستانهٔ درون‌یابی)');
  });

  it('gradient-flow, regions, train: Persian heads, headings and bounds', async () => {
    const flow = (await both('gradient-flow')).fa.out;
    expect(flow).toMatch(/^شبکهٔ ۱-۲-۱ \(relu\)، ۷ پارامتر، ۲ نمونه؛ زیان ۱۰$/m);
    expect(flow).toMatch(/^لایه +واحدها +std\(W\)/m);
    expect(flow).toMatch(/^۲ \(خروجی\) /m);
    const regions = (await both('regions')).fa.out;
    expect(regions).toMatch(/^شبکهٔ ReLU با اندازه‌های ۲-۳-۱، ۱۳ پارامتر، روی \[-۱, ۱\] x \[-۱, ۱\]$/m);
    expect(regions).toMatch(/^ناحیه‌ها: [۰-۹]+$/m);
    const train = (await both('train')).fa.out;
    expect(train).toMatch(/^دوره +زیان آموزش +زیان اعتبارسنجی$/m);
    expect(train).toMatch(/^بهترین دوره: [۰-۹]+ \(وزن‌هایش بازگردانده شد\)$/m);
  });

  it('train: a run that diverged says so in Persian (the train-stops phrasebook)', async () => {
    const diverging = { input_dim: 1, widths: [], weights: [[[2]]], biases: [[1]], data: { x: [[100]], y: [[0]] }, optimizer: { type: 'sgd', lr: 10 }, epochs: 500 };
    const en = await runCli(['train', '-'], JSON.stringify(diverging));
    const fa = await runCli(['train', '-', '--lang', 'fa'], JSON.stringify(diverging));
    expect(en.out).toContain('diverged');
    const last = fa.out.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/[\u0600-\u06FF]/);
    expect(last).not.toMatch(/diverged/);
  });

  it('optimize: a refused problem is named in Persian after its field (the optimize-errors phrasebook), English as before', async () => {
    const refused = JSON.stringify({ ...OPTIMIZE, params: { a: 1, b: 1, c: 1, e: 3 } });
    const en = await runCli(['optimize', '-'], refused);
    const fa = await runCli(['optimize', '-', '--lang', 'fa'], refused);
    expect(en.err).toBe('error: params.d: the model has the parameter "d"; give its initial value\nerror: params.e: the model has no parameter "e"; its parameters are a, b, c, d\n');
    expect(fa.code).toBe(2);
    expect(fa.err.split('\n')[0]).toBe('خطا: params.d: مدل پارامتر "d" را دارد؛ مقدار اولیه‌اش را بدهید');
  });

  it('--help --lang fa: the usage in Persian, every command and option named as typed; English as before', async () => {
    const en = await runCli(['--help'], '');
    const fa = await runCli(['--help', '--lang', 'fa'], '');
    expect(fa.code).toBe(0);
    expect(fa.out.split('\n')[0]).toBe('کاربرد: layerwise <command> <file|-> [--json] [--lang en|fa]');
    const enLines = en.out.split('\n');
    const faLines = fa.out.split('\n');
    expect(faLines).toHaveLength(enLines.length);
    // Each command line and option line keeps its name and alignment; its description is Persian.
    let named = 0;
    enLines.forEach((line, i) => {
      const name = /^ {2}(-[-\w, ]+?|[a-z-]+) {2,}/.exec(line) ?? /^ {2}([a-z-]+) /.exec(line);
      if (!name) return;
      named++;
      expect(faLines[i]!.startsWith(name[0]), line).toBe(true);
      expect(faLines[i], line).toMatch(/[\u0600-\u06FF]/);
    });
    // 10 commands, --json, --lang, -h and the 3 command options.
    expect(named).toBe(16);
  });

  it('receptive-field and check-answers: their own refusals in Persian', async () => {
    const unit = await runCli(['receptive-field', '-', '--lang', 'fa'], JSON.stringify({ network: SEED_NETWORK, unit: { layer: -1, y: 0.5, x: 'a' } }));
    expect(unit.err.split('\n').filter(Boolean)).toEqual(['خطا: unit.layer باید ۰ یا بیشتر باشد', 'خطا: unit.y باید عدد صحیح باشد', 'خطا: unit.x باید یک عدد باشد']);
    const english = await runCli(['receptive-field', '-'], JSON.stringify({ network: SEED_NETWORK, unit: { layer: -1, y: 0.5, x: 'a' } }));
    expect(english.err).toBe('error: unit.layer must be 0 or more\nerror: unit.y must be a whole number\nerror: unit.x must be a number\n');
    const none = await runCli(['check-answers', '-', '--lang', 'fa'], serializeProject(createDefaultProject()));
    expect(none.err).toMatch(/^خطا: tools\.answers: این پروژه پاسخ ذخیره‌شده‌ای ندارد/);
  });
});

describe('CLI refusals of a document in Persian (--lang fa): the schema issues phrasebook', () => {
  const refused = async (name: string, document: unknown) => {
    const en = await runCli([name, '-'], JSON.stringify(document));
    const fa = await runCli([name, '-', '--lang', 'fa'], JSON.stringify(document));
    expect(en.code).toBe(2);
    expect(fa.code).toBe(2);
    return { en: en.err, fa: fa.err };
  };

  it('summary: a spec refused for its structure, layer by layer, names as typed', async () => {
    const { en, fa } = await refused('summary', { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 2, kernal: 3 }, { type: 'bogus' }] });
    expect(en).toContain('error: layer 1 (conv2d): kernel: is required\nerror: layer 1 (conv2d): unknown field "kernal"\nerror: layer 2: unknown type "bogus"; valid types are conv2d,');
    expect(fa).toContain('خطا: لایهٔ ۱ (conv2d): kernel: لازم است\nخطا: لایهٔ ۱ (conv2d): فیلد ناشناخته: "kernal"\nخطا: لایهٔ ۲: نوع ناشناخته ("bogus")؛ نوع‌های معتبر: conv2d,');
  });

  it('summary, backprop: a project file refused for its network or its saved case says what is wrong in Persian', async () => {
    const project = JSON.parse(serializeProject(createDefaultProject()));
    const network = await refused('summary', { ...project, network: { input: [3, 8, 8], layers: [{ type: 'linear' }] } });
    expect(network.fa).toBe('خطا: محتوای پرونده معتبر نیست: لایهٔ ۱ (linear): out_features: لازم است\n');
    const backprop = await refused('backprop', { ...project, tools: { backprop: { input: [[1, 2], [3]], filters: [[1]] } } });
    expect(backprop.en).toBe('error: input[1]: row has 1 cell, expected 2\n');
    expect(backprop.fa).toBe('خطا: محتوای پرونده معتبر نیست: input[1]: سطر ۱ خانه دارد، اما باید ۲ تا داشته باشد\n');
    const tools = await refused('summary', { ...project, tools: { overfitting: { bogus: 1 } } });
    expect(tools.fa).toMatch(/^خطا: محتوای پرونده معتبر نیست: tools\.overfitting\.dataset: گزینهٔ نامعتبر: باید یکی از "regression"\|"moons"\|.*؛ tools\.overfitting: کلید ناشناخته: "bogus"\n$/);
  });

  it('gradient-flow, bias-variance: the case\'s refusals at their fields', async () => {
    const flow = await refused('gradient-flow', { ...hand, weights: [[[1], [-1]], [[2, 'x']]] });
    expect(flow.en).toContain('error: weights[1][0][1]: must be a number, got "x"');
    expect(flow.fa).toMatch(/^خطا: weights\[1\]\[0\]\[1\]: .*[\u0600-\u06FF]/m);
    const bias = await refused('bias-variance', { truth: 'sin', model: { family: 'polynomial', degrees: [1, 2.5] }, noise: 1 });
    expect(bias.en).toBe('error: model.degrees[1]: each entry of model.degrees must be a whole number\nerror: unknown field "noise"\n');
    expect(bias.fa).toBe('خطا: model.degrees[1]: هر عضو model.degrees باید عدد صحیح باشد\nخطا: فیلد ناشناخته: "noise"\n');
  });
});
