import { describe, expect, it } from 'vitest';
import { checkAnswers } from '../core/network/answers';
import { explainLayer } from '../core/network/explain';
import type { Derivation } from '../core/network/info';
import { PRESETS, SEED_NETWORK } from '../core/network/presets';
import type { NetworkSpec } from '../core/network/spec';
import { derivationBooks, derivationLatexWords, latexWordsOf, phraseDerivation, phraseDerivationLatex } from './derivations';
import { phraseAnswerReason } from './answer-reasons';
import { placeholdersOf, plainWriter, type Phrasebook } from './phrase';
import { EVERY_LAYER_KIND, ISSUE_9_UNEVEN_UNITS } from '../core/network/networks.test-helper';

/** Networks whose derivations reach every line code, note code and table entry (the first test holds that). */
const CORPUS: NetworkSpec[] = [
  SEED_NETWORK,
  ...Object.values(PRESETS).map((preset) => ('spec' in preset ? preset.spec : preset) as NetworkSpec),
  EVERY_LAYER_KIND,
  { ...ISSUE_9_UNEVEN_UNITS, layers: [...ISSUE_9_UNEVEN_UNITS.layers, { type: 'relu' }, { type: 'flatten' }] },
  { input: [1, 5, 5], layers: [{ type: 'maxpool2d', kernel: 3, stride: 3, padding: 1, ceil_mode: true }] },
  { input: [1, 5, 6], layers: [{ type: 'maxpool2d', kernel: 2, stride: 2, padding: 1, ceil_mode: true }] },
  { input: [1, 6, 5], layers: [{ type: 'maxpool2d', kernel: 2, stride: 2, padding: 1, ceil_mode: true }] },
  { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 3, stride: 2, padding: 1, output_padding: 1 }] },
  { input: [1, 1, 2], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: [1, 3], stride: [1, 2 ** 21] }, { type: 'globalmaxpool2d' }] },
  { input: [1, 9, 9], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3, dilation: [1, 3] }, { type: 'conv2d', out_channels: 1, kernel: 3, dilation: 2 }] },
  { input: [2, 5, 7], layers: [{ type: 'adaptiveavgpool2d', output_size: 1 }, { type: 'flatten' }, { type: 'linear', out_features: 3 }] },
  { input: [3, 6, 6], layers: [{ type: 'batchnorm2d', track_running_stats: false }, { type: 'batchnorm2d', affine: false }, { type: 'batchnorm2d', affine: false, track_running_stats: false }] },
  { input: [3, 6, 6], layers: [{ type: 'gelu' }, { type: 'dropout' }, { type: 'sigmoid' }, { type: 'tanh' }, { type: 'globalavgpool2d' }] },
  { input: [12], layers: [{ type: 'flatten' }, { type: 'relu' }, { type: 'linear', out_features: 4, bias: false }] },
  { input: [1, 2, 2], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 1, stride: 3 }, { type: 'conv2d', out_channels: 1, kernel: 2, stride: 2 }] },
  // output unit 0 of this transposed conv is written by no input (o = 3i - 1)
  { input: [1, 3, 3], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 1, stride: 3, padding: 1 }] },
  // rows and columns 1, 2, 4, 5 of the transposed output are written by no input, and the strided conv reads only those (and the padding)
  { input: [1, 3, 3], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 1, stride: 3 }, { type: 'conv2d', out_channels: 1, kernel: 1, stride: 3, padding: 1 }] },
];

const derivations: Derivation[] = CORPUS.flatMap((spec) => spec.layers.flatMap((_layer, position) => explainLayer(spec, position + 1)));
const parts = (derivation: Derivation) => [derivation.message, ...derivation.message.notes];
const book = derivationBooks.en as Required<Phrasebook<string>>;

/** Every code and table entry the corpus reaches: "scalar", "unit.bytes", ... */
function reached(): Set<string> {
  const seen = new Set<string>();
  const visit = (template: string, values: Readonly<Record<string, string | number>>) => {
    for (const { name, table } of placeholdersOf(template)) {
      if (!table) continue;
      const key = String(values[name]);
      seen.add(`${table}.${key}`);
      const sub = book.tables[table]?.[key];
      if (sub !== undefined) visit(sub, values);
    }
  };
  for (const derivation of derivations) {
    for (const part of parts(derivation)) {
      seen.add(part.code);
      visit(book.codes[part.code as keyof typeof book.codes]!, part.values);
    }
  }
  return seen;
}

describe('derivation lines phrased from code and values', () => {
  it('the corpus reaches every line code, note code and table entry', () => {
    const seen = reached();
    const all = [...Object.keys(book.codes), ...Object.entries(book.tables).flatMap(([table, entries]) => Object.keys(entries).map((key) => `${table}.${key}`))];
    expect(all.filter((key) => !seen.has(key))).toEqual([]);
  });

  it('English is word for word the core text', () => {
    expect(derivations.length).toBeGreaterThan(200);
    for (const derivation of derivations) expect(phraseDerivation('en', derivation, plainWriter('en'))).toBe(derivation.text);
  });

  it('Persian: every line with words is Persian, no placeholder left, no English word outside the values', () => {
    const latinOutsideValues = new Set<string>();
    for (const derivation of derivations) {
      const text = phraseDerivation('fa', derivation, plainWriter('fa'));
      expect(text, derivation.text).not.toMatch(/\{\w+(:\w+)?\}/);
      if (/[a-z]{4,}/.test(derivation.text.replace(/\b(?:ceil|floor|k_eff|H_out|W_out|conv2d|\w+2d|relu|gelu|sigmoid|tanh|softmax|dropout|flatten)\b/g, ''))) expect(text, derivation.text).toMatch(/[\u0600-\u06FF]/);
      const prose = phraseDerivation('fa', derivation, () => '');
      for (const word of prose.match(/[A-Za-z_]+/g) ?? []) latinOutsideValues.add(word);
    }
    // Only PyTorch's and the course's names stay Latin in the sentences.
    expect([...latinOutsideValues].sort()).toEqual(['Linear', 'dropout', 'flatten', 'softmax']);
  });

  it('worked examples in Persian: flatten, a conv, batch norm, a dropped pooling window', () => {
    const fa = (spec: NetworkSpec, index: number, quantity: Derivation['quantity']) =>
      phraseDerivation('fa', explainLayer(spec, index).find((derivation) => derivation.quantity === quantity)!, plainWriter('fa'));
    const flattenRow = SEED_NETWORK.layers.findIndex((layer) => layer.type === 'flatten') + 1;
    expect(fa(SEED_NETWORK, flattenRow, 'params')).toBe('پارامترها = ۰ (flatten پارامتری ندارد)');
    expect(fa(SEED_NETWORK, 1, 'params')).toBe('پارامترها = (۳*۷*۷/۱ + ۱)*۳۲ = ۴٬۷۳۶');
    expect(fa(SEED_NETWORK, 1, 'memory')).toBe('حافظه = ۴*۳۲*۱۲۸*۱۲۸ = ۲٬۰۹۷٬۱۵۲ بایت');
    expect(fa(SEED_NETWORK, 1, 'macs')).toMatch(/^ضرب‌وجمع‌ها = /);
    expect(fa({ input: [3, 6, 6], layers: [{ type: 'batchnorm2d' }] }, 1, 'params')).toBe('پارامترها = ۲*۳ = ۶ (گاما و بتا؛ میانگین و واریانس جاری ۲*۳ = ۶ بافر هستند، نه پارامتر)');
    expect(fa({ input: [1, 5, 5], layers: [{ type: 'maxpool2d', kernel: 3, stride: 3, padding: 1, ceil_mode: true }] }, 1, 'output')).toBe(
      'خروجی = ۱x۲x۲: ارتفاع و عرض = ceil((۵ + ۲*۱ - ۱*(۳ - ۱) - ۱)/۳) + ۱ - ۱ (آخرین پنجره از داخل لایه‌گذاری شروع می‌شد) = ۲',
    );
    expect(fa({ input: [3, 6, 6], layers: [{ type: 'relu' }] }, 1, 'rf_size')).toBe('r = ۱ (relu روی هر واحد جداگانه عمل می‌کند)');
  });

  it('a derivation without a message, or with an unknown code, keeps the English text', () => {
    expect(phraseDerivation('fa', { text: 'params = 0' }, plainWriter('fa'))).toBe('params = 0');
    const [first] = explainLayer(SEED_NETWORK, 1);
    expect(phraseDerivation('fa', { ...first!, message: { ...first!.message, code: 'nope' as never } }, plainWriter('fa'))).toBe(first!.text);
  });

  it('every code and table entry has a Persian text with the same placeholders', () => {
    const fa = derivationBooks.fa as Required<Phrasebook<string>>;
    const names = (text: string) => placeholdersOf(text).map((p) => `${p.name}:${p.table ?? ''}`).sort();
    for (const [code, english] of Object.entries(book.codes)) {
      expect(fa.codes[code], code).toBeDefined();
      expect(names(fa.codes[code]!), code).toEqual(names(english));
      // Lines that are words, not only math and placeholders, are Persian.
      if (/[a-z]{3,}/.test(english.replace(/\{[^}]*\}/g, ''))) expect(fa.codes[code], code).toMatch(/[\u0600-\u06FF]/);
    }
    for (const [table, entries] of Object.entries(book.tables)) {
      for (const [key, english] of Object.entries(entries)) {
        const persian = fa.tables[table]?.[key];
        expect(persian, `${table}.${key}`).toBeDefined();
        expect(names(persian!), `${table}.${key}`).toEqual(names(english));
        if (/[a-z]{3,}/.test(english.replace(/\{[^}]*\}/g, ''))) expect(persian, `${table}.${key}`).toMatch(/[\u0600-\u06FF]/);
      }
    }
  });

  it('the LaTeX words: every \\text{} the core writes is in the table, and Persian replaces the words', () => {
    const words = new Set(derivations.flatMap((derivation) => [derivation.formula, derivation.substituted, derivation.result].flatMap(latexWordsOf)));
    expect([...words].filter((word) => !Object.hasOwn(derivationLatexWords.en, word))).toEqual([]);
    expect(Object.keys(derivationLatexWords.en).filter((word) => !words.has(word))).toEqual([]);
    for (const derivation of derivations) expect(phraseDerivationLatex('en', derivation.formula)).toBe(derivation.formula);
    expect(phraseDerivationLatex('fa', '\\text{same as input}')).toBe('\\text{همانند ورودی}');
    expect(phraseDerivationLatex('fa', '\\text{H: } 3,\\quad \\text{W: } 4')).toBe('\\text{H: } 3,\\quad \\text{W: } 4');
    expect(phraseDerivationLatex('fa', '\\max_u\\,(\\text{last}(u) - \\text{first}(u) + 1)')).toBe('\\max_u\\,(\\text{آخر}(u) - \\text{اول}(u) + 1)');
  });
});

describe('the derivation inside an answer-check reason', () => {
  const flattenRow = SEED_NETWORK.layers.findIndex((layer) => layer.type === 'flatten');
  const answers = { layers: Array.from({ length: flattenRow + 1 }, (_, position) => (position === flattenRow ? { params: '6554624', output: '1024' } : null)) };
  const [flatten] = checkAnswers(SEED_NETWORK, answers);

  it('the mark carries the derivation its reason embeds; English stays the reason word for word', () => {
    expect(flatten!.params!.derivation?.code).toBe('zero');
    expect(phraseAnswerReason('en', flatten!.params!, plainWriter('en'))).toBe(flatten!.params!.reason);
    expect(flatten!.params!.reason.endsWith('this row: params = 0 (flatten has no parameters)')).toBe(true);
  });

  it('Persian phrases the derivation too: "this row: params = 0 (flatten has no parameters)" in Persian', () => {
    expect(phraseAnswerReason('fa', flatten!.params!, plainWriter('fa')).endsWith('این ردیف: پارامترها = ۰ (flatten پارامتری ندارد)')).toBe(true);
    expect(phraseAnswerReason('fa', flatten!.output!, plainWriter('fa')).endsWith('این ردیف: خروجی = ۶۴۰۰: اندازه = ۲۵۶*۵*۵ = ۶٬۴۰۰')).toBe(true);
  });
});
