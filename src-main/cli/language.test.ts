import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.test-helper';
import { CLI_TEXT_TABLES } from './language';
import { createDefaultProject, serializeProject } from '../../shared/project/index';

const broken = { input: [3, 6, 6], layers: [{ type: 'conv2d', out_channels: 4, kernel: 3 }, { type: 'conv2d', out_channels: 4, kernel: 3, dilation: 2 }, { type: 'relu' }] };

describe('layerwise --lang', () => {
  it('English by default; --lang fa phrases the same layer issue in Persian with Persian digits', async () => {
    const english = await runCli(['summary', '-'], JSON.stringify(broken));
    expect(english.code).toBe(2);
    expect(english.err).toBe('error: layer 2 (conv2d): dilated kernel 5 is larger than the padded input 4x4\n');
    const persian = await runCli(['summary', '-', '--lang', 'fa'], JSON.stringify(broken));
    expect(persian.code).toBe(2);
    expect(persian.err.replace(/[\u2066-\u2069]/g, '')).toBe('خطا: لایهٔ ۲ (conv2d): هستهٔ متسع ۵ از ورودیِ لایه‌گذاری‌شدهٔ ۴×۴ بزرگ‌تر است\n');
    // The table row and the machine form say the same in Persian; the numbers of the valid layer are unchanged.
    expect(persian.out).toContain('خطا: لایهٔ ۲ (conv2d)');
    expect(persian.out).toContain('محاسبه نشد');
    const json = JSON.parse((await runCli(['summary', '-', '--json', '--lang', 'fa'], JSON.stringify(broken))).out);
    expect(json.layers[0].params).toBe(112);
    expect(json.layers[1].error).toMatch(/^لایهٔ ۲ \(conv2d\): /);
    expect(json.layers[2].error).toBe('محاسبه نشد: لایه‌ای پیش از آن نامعتبر است');
  });

  it('--lang en is the default English, word for word', async () => {
    const plain = await runCli(['summary', '-', '--json'], JSON.stringify(broken));
    const chosen = await runCli(['summary', '-', '--json', '--lang', 'en'], JSON.stringify(broken));
    expect(chosen).toEqual(plain);
  });

  it('phrases project-file errors and the CLI own usage errors in Persian', async () => {
    const newer = serializeProject(createDefaultProject()).replace('"version": 1', '"version": 7');
    const project = await runCli(['summary', '-', '--lang', 'fa'], newer);
    expect(project.code).toBe(2);
    expect(project.err).toContain('خطا: پرونده را نسخهٔ جدیدتری از Layerwise نوشته است (نسخهٔ پروژه ۷؛ این نسخه تا ۱ را می‌خواند)');
    expect((await runCli(['sumary', 'x', '--lang', 'fa'])).err).toContain('خطا: فرمان ناشناختهٔ "sumary"');
    expect((await runCli(['summary', '-', '--lang', 'fa'], '{"input": ')).err).toMatch(/^خطا: ورودی استاندارد JSON معتبری نیست: /);
  });

  it('refuses a language it does not have, naming the ones it has', async () => {
    const result = await runCli(['summary', '-', '--lang', 'de'], '{}');
    expect(result.code).toBe(2);
    expect(result.err).toBe('error: --lang must be one of en, fa, got "de"\n');
  });

  it("every CLI sentence has Persian, not a copy of the English, with the English placeholders", () => {
    for (const [key, english] of Object.entries(CLI_TEXT_TABLES.en)) {
      const persian = CLI_TEXT_TABLES.fa[key as keyof typeof CLI_TEXT_TABLES.fa];
      expect(persian, key).not.toBe(english);
      expect((persian.match(/\{\w+\}/g) ?? []).sort(), key).toEqual((english.match(/\{\w+\}/g) ?? []).sort());
    }
  });
});
