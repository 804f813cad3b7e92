import { describe, expect, it } from 'vitest';
import { summarizeNetwork } from '../core/network/summarize';
import { EXACT_QUANTITY_CODES, EXPECTATION_CODES, LAYER_ISSUE_CODES } from '../core/network/issues';
import type { LayerIssue } from '../core/network/info';
import type { NetworkSpec } from '../core/network/spec';
import { layerIssueBooks, phraseLayerIssue } from './layer-issues';
import { persianDigits, placeholdersOf, plainWriter } from './phrase';

/** Broken networks, at least one per code: the corpus the phrasebooks are held to. */
const BROKEN: unknown[] = [
  null,
  { input: 'big', layers: [] },
  { input: [3, 8, 8], layers: 'none' },
  { input: [1, 2 ** 30, 2 ** 30], layers: [] },
  { input: [3, 8, 8], layers: [7] },
  { input: [3, 8, 8], layers: [{ type: 'conv9d' }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 0, kernel: [3, 'x'] }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 3, padding: -1 }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 3, padding: 'same', stride: 2 }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 3, bias: 'yes', dilation: 3 }] },
  { input: [3, 4, 4], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 3, dilation: 2 }] },
  { input: [3, 4, 4], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 9 }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: 4, kernel: 3, groups: 2 }] },
  { input: [3, 8, 8], layers: [{ type: 'convtranspose2d', in_channels: 3, out_channels: 4, kernel: 3, stride: 2, output_padding: 2 }] },
  { input: [3, 2, 2], layers: [{ type: 'convtranspose2d', in_channels: 3, out_channels: 4, kernel: 1, padding: 3 }] },
  { input: [3, 8, 8], layers: [{ type: 'maxpool2d', kernel: 2, padding: 2 }] },
  { input: [12], layers: [{ type: 'maxpool2d', kernel: 2 }] },
  { input: [3, 8, 8], layers: [{ type: 'maxpool2d', kernel: 2, padding: [0, -1] }] },
  { input: [3, 8, 8], layers: [{ type: 'softmax', dim: 9 }, { type: 'dropout', p: 2 }] },
  { input: [3, 8, 8], layers: [{ type: 'dropout', p: 2 }, { type: 'leakyrelu', negative_slope: Number.NaN }] },
  { input: [3, 8, 8], layers: [{ type: 'leakyrelu', negative_slope: 'steep' }] },
  { input: [3, 8, 8], layers: [{ type: 'batchnorm2d', num_features: 3, eps: -1 }] },
  { input: [3, 8, 8], layers: [{ type: 'conv2d', in_channels: 3, out_channels: {}, kernel: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }] },
  { input: [3, 8, 8], layers: [{ type: 'flatten' }, { type: 'linear', out_features: 2 ** 40 }, { type: 'linear', out_features: 2 ** 40 }] },
  { input: [4096], layers: [{ type: 'linear', out_features: 2 ** 40 }] },
];

function issuesOf(spec: unknown): LayerIssue[] {
  const summary = summarizeNetwork(spec as NetworkSpec);
  return [...summary.inputIssues, ...summary.layers.flatMap((layer) => (layer.status === 'error' ? layer.issues : []))];
}

const corpus = BROKEN.flatMap(issuesOf);
const unreadable = issuesOf({
  input: [3, 8, 8],
  get layers(): never {
    throw new Error('no access');
  },
});

describe('layer issues phrased from code and values', () => {
  it('the corpus reaches every code, every expectation and every exact quantity', () => {
    const all = [...corpus, ...unreadable];
    expect(LAYER_ISSUE_CODES.filter((code) => !all.some((issue) => issue.code === code))).toEqual([]);
    const expected = new Set(all.filter((issue) => issue.code === 'invalid_value').map((issue) => issue.values['expected']));
    expect(expected).toEqual(new Set(EXPECTATION_CODES));
    const quantities = new Set(all.filter((issue) => issue.code === 'too_large').map((issue) => issue.values['quantity']));
    // The corpus reaches the counts a stack overflows first; every quantity has its phrase below.
    expect([...quantities].every((quantity) => (EXACT_QUANTITY_CODES as readonly unknown[]).includes(quantity))).toBe(true);
    expect(quantities.size).toBeGreaterThan(0);
  });

  it('English is word for word the core message, prefix included', () => {
    for (const issue of [...corpus, ...unreadable]) expect(phraseLayerIssue('en', issue, plainWriter('en'))).toBe(issue.message);
  });

  it('Persian phrases every issue of the corpus with every value filled, and no English sentence left', () => {
    for (const issue of [...corpus, ...unreadable]) {
      const text = phraseLayerIssue('fa', issue, plainWriter('fa'));
      expect(text).not.toMatch(/\{\w+(:\w+)?\}/);
      expect(text).toMatch(/[\u0600-\u06FF]/);
      // JSON field names in quotes ("input", "layers") are the file's words, not English prose.
      expect(text.replace(/"[^"]*"/g, '')).not.toMatch(/\b(must|layer|got|input|larger|needs)\b/);
    }
  });

  it('writes values through the writer it is given (digits, isolation)', () => {
    const issue = corpus.find((item) => item.code === 'pool_padding_too_large')!;
    const text = phraseLayerIssue('fa', issue, (value) => `<${String(value)}>`);
    expect(text).toContain('<2>');
    expect(text.startsWith('لایهٔ <1> (<maxpool2d>): ')).toBe(true);
    expect(phraseLayerIssue('fa', issue, plainWriter('fa'))).toContain('حداکثر ۱)');
  });

  it('every code, table entry and prefix has both languages, Persian never a copy of English, with the same placeholders', () => {
    const en = layerIssueBooks.en;
    const fa = layerIssueBooks.fa;
    const pairs: [string, string, string][] = [];
    for (const code of LAYER_ISSUE_CODES) pairs.push([code, en.codes[code], fa.codes[code]]);
    for (const [table, entries] of Object.entries(en.tables ?? {})) {
      for (const [key, text] of Object.entries(entries)) pairs.push([`${table}.${key}`, text, fa.tables?.[table]?.[key] ?? '']);
    }
    pairs.push(['prefix.layer', en.prefixes.layer, fa.prefixes.layer], ['prefix.input', en.prefixes.input, fa.prefixes.input]);
    const names = (text: string) => placeholdersOf(text).map((p) => `${p.name}:${p.table ?? ''}`).sort();
    for (const [key, english, persian] of pairs) {
      expect(persian, key).not.toBe('');
      expect(persian, key).not.toBe(english);
      expect(names(persian), key).toEqual(names(english));
    }
  });

  it('an unknown code keeps the English message as it came', () => {
    const issue = { code: 'from_the_future', values: {}, message: 'layer 1 (conv2d): something new' } as unknown as LayerIssue;
    expect(phraseLayerIssue('fa', issue, plainWriter('fa'))).toBe('layer 1 (conv2d): something new');
  });
});

describe('Persian digits without Intl (the CLI)', () => {
  it('numbers change, digits inside names stay, separators become Persian', () => {
    expect(persianDigits('[3, -1] 5x3 64x62x62 conv2d 9.5 9,007,199 1.153e+18')).toBe('[۳, -۱] ۵x۳ ۶۴x۶۲x۶۲ conv2d ۹٫۵ ۹٬۰۰۷٬۱۹۹ ۱٫۱۵۳e+۱۸');
  });
});
