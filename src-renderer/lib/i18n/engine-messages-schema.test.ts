import { afterEach, describe, expect, it } from 'vitest';
import type { ProjectError } from '../../../shared/project/project';
import type { SchemaIssue } from '../../../shared/protocol/schema-issues';
import { FSI, PDI } from './bidi';
import { projectFileErrorText, schemaIssueText } from './engine-messages';
import { setDigitStyle, setLocale } from './locale.svelte';

afterEach(() => {
  setLocale('en');
  setDigitStyle('native');
});

/** Refusals as the boundary sends them (shared/messages/schema-issues.test.ts holds the schemas to these forms). */
const required: Pick<SchemaIssue, 'message' | 'coded'> = {
  message: 'layer 5 (conv2d): kernel: is required',
  coded: { family: 'schema', code: 'layer_field_required', values: { layer: 5, type: 'conv2d', field: 'kernel' } },
};
const refusedFile: ProjectError = {
  code: 'invalid',
  values: { reason: 'schema', detail: 'tools.overfitting.noise: noise is at most 2; input[1]: row has 2 cells, expected 3' },
  message: 'tools.overfitting.noise: noise is at most 2; input[1]: row has 2 cells, expected 3',
  issues: [
    { path: ['tools', 'overfitting', 'noise'], zodCode: 'too_big', message: 'noise is at most 2', coded: { family: 'schema', code: 'is_at_most', values: { what: 'noise', maximum: 2 } } },
    {
      path: ['tools', 'backprop', 'input', 1],
      zodCode: 'custom',
      message: 'input[1]: row has 2 cells, expected 3',
      coded: { family: 'backprop', code: 'level_length', values: { what: 'row', count: 2, items: 'cells', expected: 3 }, path: ['input', 1] },
    },
  ],
};
const visible = (text: string) => text.replace(/[\u200E\u2066-\u2069]/g, '');

describe('schema refusals in the current language', () => {
  it('English is the schema message as it came', () => {
    expect(schemaIssueText(required)).toBe(required.message);
    expect(projectFileErrorText(refusedFile)).toBe(refusedFile.message);
  });

  it('Persian: the sentence in Persian, numbers in the current digits, field names and paths isolated as typed', () => {
    setLocale('fa');
    expect(schemaIssueText(required)).toBe(`لایهٔ ${FSI}۵${PDI} (${FSI}conv2d${PDI}): ${FSI}kernel${PDI}: لازم است`);
    expect(visible(projectFileErrorText(refusedFile))).toBe('محتوای پرونده معتبر نیست: tools.overfitting.noise: نویز باید حداکثر ۲ باشد؛ input[1]: سطر ۲ خانه دارد، اما باید ۳ تا داشته باشد');
    expect(projectFileErrorText(refusedFile)).toContain(`${FSI}tools.overfitting.noise${PDI}: `);
    setDigitStyle('latin');
    expect(visible(schemaIssueText(required))).toBe('لایهٔ 5 (conv2d): kernel: لازم است');
  });
});
