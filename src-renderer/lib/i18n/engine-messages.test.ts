import { afterEach, describe, expect, it } from 'vitest';
import type { LayerIssue } from '../../../shared/core/network/info';
import type { ReceptiveFieldNote } from '../../../shared/core/receptive/messages';
import { FSI, LRI, PDI } from './bidi';
import { expressionErrorText, formulaText, layerIssueText, localizeNumbersIn } from './engine-messages';
import { en } from './en';
import { fa } from './fa';
import { enLayerIssues } from '../../../shared/messages/en-layer-issues';
import { faLayerIssues } from '../../../shared/messages/fa-layer-issues';
import { setDigitStyle, setLocale } from './locale.svelte';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

const visible = (text: string) => text.replace(/[\u200E\u2066-\u2069]/g, '');

/** A layer issue as the core sends it (shared/messages/layer-issues.test.ts holds the core to this form). */
const poolPadding: LayerIssue = {
  code: 'pool_padding_too_large',
  field: 'padding',
  values: { layer: 1, layerType: 'maxpool2d', padding: 2, kernel: 2, limit: 1 },
  message: 'layer 1 (maxpool2d): padding 2 must be at most half the kernel size 2 (at most 1)',
};

describe('engine messages in the current language', () => {
  it('English is the core message as it came', () => {
    expect(layerIssueText(poolPadding)).toBe(poolPadding.message);
    expect(layerIssueText(poolPadding)).toBe('layer 1 (maxpool2d): padding 2 must be at most half the kernel size 2 (at most 1)');
  });

  it('Persian phrases the code, with Persian digits, isolated values and the layer type in Latin', () => {
    setLocale('fa');
    const text = layerIssueText(poolPadding);
    expect(visible(text)).toBe('لایهٔ ۱ (maxpool2d): لایه‌گذاری ۲ باید حداکثر نصف اندازهٔ هستهٔ ۲ باشد (حداکثر ۱)');
    expect(text).toContain(`${FSI}۲${PDI}`);
    expect(layerIssueText(poolPadding, false).startsWith('لایه‌گذاری')).toBe(true);
  });

  it('the Latin-digits setting keeps Latin digits in Persian sentences', () => {
    setLocale('fa');
    setDigitStyle('latin');
    expect(visible(layerIssueText(poolPadding))).toBe('لایهٔ 1 (maxpool2d): لایه‌گذاری 2 باید حداکثر نصف اندازهٔ هستهٔ 2 باشد (حداکثر 1)');
  });

  it('field names in engine messages are the layer editor labels in Persian, and every field the editor has is named', () => {
    const fields = Object.keys(en).filter((key) => key.startsWith('field.')).map((key) => key.slice('field.'.length));
    expect(Object.keys(enLayerIssues.tables.field).sort()).toEqual(fields.sort());
    for (const name of fields) {
      expect(enLayerIssues.tables.field[name as keyof typeof enLayerIssues.tables.field]).toBe(name);
      expect(faLayerIssues.tables.field[name as keyof typeof enLayerIssues.tables.field]).toBe(fa[`field.${name}` as keyof typeof fa]);
    }
  });

  it('numbers inside a value change digits, digits inside a name do not', () => {
    setLocale('fa');
    expect(visible(localizeNumbersIn('[3, -1] 5x3 conv2d 9.5'))).toBe('[۳, −۱] ۵x۳ conv2d ۹٫۵');
    // The engine's thousands comma becomes Persian's separator; a list's comma and space stay.
    expect(visible(localizeNumbersIn('6,554,624 and [3, 128]'))).toBe('۶٬۵۵۴٬۶۲۴ and [۳, ۱۲۸]');
  });
});

describe("the optimizer's model errors in the current language", () => {
  /** "(a) 0.5" as the core's optimizer sends it (shared/messages/expression-errors.test.ts holds the parser to this form). */
  const syntax = { code: 'expected_operator' as const, values: { found: '0.5' }, position: 4, message: 'expected an operator but found the number 0.5 (at character 5)' };

  it('English is the parser message as it came; Persian a Persian sentence with Persian digits, isolated', () => {
    expect(expressionErrorText(syntax)).toBe(syntax.message);
    setLocale('fa', null);
    const persian = expressionErrorText(syntax);
    expect(visible(persian)).toBe('انتظار عملگر می‌رفت اما عدد ۰٫۵ آمد (در نویسهٔ ۵)');
    expect(persian).toContain(`${FSI}عدد ۰٫۵${PDI}`);
    setDigitStyle('latin');
    expect(visible(expressionErrorText(syntax))).toBe('انتظار عملگر می‌رفت اما عدد 0.5 آمد (در نویسهٔ 5)');
  });
});

describe('a failed core call in the current language', () => {
  it('English is the engine message; Persian a sentence by code, a refused field in Latin and isolated', async () => {
    const { coreErrorText } = await import('./engine-messages');
    const timeout = { code: 'timeout' as const, message: 'network.explain did not answer within 5000 ms' };
    const refused = { code: 'invalid_request' as const, message: 'layer 1 (conv2d): out_channels: is required' };
    expect(coreErrorText(timeout)).toBe(timeout.message);
    expect(coreErrorText(refused)).toBe(refused.message);
    setLocale('fa');
    expect(coreErrorText(timeout)).toBe('موتور محاسبه در زمان مقرر پاسخ نداد؛ مسئله را کوچک‌تر کنید یا دوباره امتحان کنید');
    const text = coreErrorText(refused);
    expect(text).toContain(`${FSI}layer 1 (conv2d): out_channels${PDI}`);
    expect(visible(text)).toBe('موتور محاسبه این درخواست را نپذیرفت: مقدار layer 1 (conv2d): out_channels درست نیست');
    expect(coreErrorText({ code: 'worker_crashed', message: 'the core worker crashed: out of memory' })).not.toMatch(/[A-Za-z]/);
  });
});

describe('a derivation line in the current language', () => {
  it('English is the core text as one left-to-right piece; Persian words around left-to-right math in Persian digits', async () => {
    const { derivationLatex, derivationParts, derivationText } = await import('./engine-messages');
    // Derivations as the core sends them for flatten on [64, 5, 5] and a 3x3 conv (shared/messages/derivations.test.ts holds the core to this form).
    const params = { text: 'params = 0 (flatten has no parameters)', message: { code: 'zero' as const, values: { label: 'params', zero: 0, reason: 'no_params', type: 'flatten' }, notes: [] } };
    const output = { text: 'output = 1600: size = 64*5*5 = 1,600', message: { code: 'output_vector' as const, values: { shape: '1600', h_eq: 'plain', h: '64*5*5 = 1,600' }, notes: [] } };
    const rf = { text: 'r = 1 + (3 - 1)*1 = 3', message: { code: 'symbol' as const, values: { prefix: '', symbol: 'r', h_eq: 'plain', h: '1 + (3 - 1)*1 = 3' }, notes: [] } };
    expect(derivationParts(params)).toEqual([{ text: 'params = 0 (flatten has no parameters)', math: true }]);
    expect(derivationText(params)).toBe('params = 0 (flatten has no parameters)');
    setLocale('fa');
    expect(derivationParts(params)).toEqual([
      { text: 'پارامترها = ', math: false },
      { text: '۰', math: true },
      { text: ' (', math: false },
      { text: 'flatten', math: true },
      { text: ' پارامتری ندارد)', math: false },
    ]);
    expect(visible(derivationText(params))).toBe('پارامترها = ۰ (flatten پارامتری ندارد)');
    expect(derivationParts(output)).toEqual([
      { text: 'خروجی = ', math: false },
      { text: '۱۶۰۰', math: true },
      { text: ': اندازه = ', math: false },
      { text: '۶۴*۵*۵ = ۱٬۶۰۰', math: true },
    ]);
    // A line of math alone reads left to right as one piece.
    expect(derivationParts(rf)).toEqual([{ text: 'r = ۱ + (۳ - ۱)*۱ = ۳', math: true }]);
    expect(derivationLatex('\\text{same as input}')).toBe('\\text{همانند ورودی}');
  });
});

describe('receptive-field refusals and notes in the current language', () => {
  it('a refusal by its code, a failed call by its CoreError code, the notes joined in the language', async () => {
    const { receptiveFieldErrorText, receptiveFieldNotesText } = await import('./engine-messages');
    // As the core sends them (shared/messages/receptive-field.test.ts holds the core to this form).
    const outside = {
      ok: false as const,
      code: 'unit_outside' as const,
      values: { unit: '(31, 0)', layer: 3, shape: '31x31', first: 0, last_row: 30, last_column: 30 },
      message: 'unit (31, 0) is outside layer 3, whose output is 31x31 (rows 0 to 30, columns 0 to 30)',
    };
    const noteMessages: ReceptiveFieldNote[] = [
      { code: 'uniform_weights', values: { weights: '1/fan_in', bias: 0 } },
      { code: 'activations_identity', values: {} },
    ];
    const field = { notes: ['weights 1/fan_in, bias 0', 'activations treated as the identity'], noteMessages };
    expect(receptiveFieldErrorText(outside)).toBe(outside.message);
    expect(receptiveFieldNotesText(field)).toBe('weights 1/fan_in, bias 0; activations treated as the identity');
    setLocale('fa');
    expect(visible(receptiveFieldErrorText(outside))).toBe('واحد (۳۱, ۰) بیرون از لایهٔ ۳ است؛ خروجی این لایه ۳۱x۳۱ است (سطرهای ۰ تا ۳۰، ستون‌های ۰ تا ۳۰)');
    expect(receptiveFieldErrorText({ code: 'cancelled', message: 'cancelled' })).toBe('محاسبه لغو شد');
    expect(visible(receptiveFieldNotesText(field))).toBe('وزن‌ها ۱/fan_in، بایاس ۰؛ تابع‌های فعال‌سازی همانی در نظر گرفته شده‌اند');
  });
});

describe('a formula written as plain text (an accessible name)', () => {
  it('is the engine text in English, a left-to-right isolate with Persian digits in Persian', () => {
    const text = "||delta_1|| <= ||delta_3|| * prod_(l=2..3) c ||W_l||_2 = 0.5 * 2.5 = 1.25";
    expect(formulaText(text)).toBe(text);
    setLocale('fa');
    const persian = formulaText(text);
    expect(persian.startsWith(LRI) && persian.endsWith(PDI)).toBe(true);
    expect(visible(persian)).toBe('||delta_1|| <= ||delta_3|| * prod_(l=۲..۳) c ||W_l||_2 = ۰٫۵ * ۲٫۵ = ۱٫۲۵');
  });
});
