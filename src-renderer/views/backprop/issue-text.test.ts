import { afterEach, describe, expect, it } from 'vitest';
import { parseBackpropCase } from '../../../shared/protocol/backprop-schema';
import { FSI, PDI } from '../../lib/i18n/bidi';
import { backpropIssueText } from '../../lib/i18n/engine-messages';
import { setDigitStyle, setLocale } from '../../lib/i18n/locale.svelte';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

const visible = (text: string) => text.replace(/[\u200E\u2066-\u2069]/g, '');
/** A ragged input and a 2-D filter with one channel where the input has two: what the view shows for each. */
function errors() {
  const parsed = parseBackpropCase({ input: [[[1, 2], [3, 4]], [[1, 2], [3]]], filters: [[1]] });
  if (parsed.ok) throw new Error('the case should be refused');
  return parsed.errors;
}

describe('backprop case errors in the view', () => {
  it('English is the schema message as it came, path and all', () => {
    for (const error of errors()) expect(backpropIssueText(error)).toBe(error.message);
    expect(backpropIssueText(errors()[0]!)).toBe('input[1][1]: row has 1 cell, expected 2');
  });

  it('Persian phrases the code with Persian digits, the path isolated and as typed; a cell tooltip leaves the path out', () => {
    setLocale('fa');
    const [ragged] = errors();
    const text = backpropIssueText(ragged!);
    expect(visible(text)).toBe('input[1][1]: سطر ۱ خانه دارد، اما باید ۲ تا داشته باشد');
    expect(text.startsWith(`${FSI}input[1][1]${PDI}: `)).toBe(true);
    expect(visible(backpropIssueText(ragged!, false))).toBe('سطر ۱ خانه دارد، اما باید ۲ تا داشته باشد');
  });

  it('the Latin-digits setting keeps Latin digits in the Persian sentence', () => {
    setLocale('fa');
    setDigitStyle('latin');
    expect(visible(backpropIssueText(errors()[0]!))).toBe('input[1][1]: سطر 1 خانه دارد، اما باید 2 تا داشته باشد');
  });
});
