import { describe, expect, it } from 'vitest';
import { MAX_PROJECT_BYTES, parseProjectText, PROJECT_ERROR_CODES, type ProjectError } from '../project/project';
import { expectTranslated } from './book.test-helper';
import { phraseProjectError, projectErrorBooks } from './project-errors';
import { plainWriter } from './phrase';

const valid = { format: 'layerwise-project', version: 1, name: 'n', network: { input: [1, 4, 4], layers: [] } };
const FILES = [
  'x'.repeat(MAX_PROJECT_BYTES + 1),
  '{"format": ',
  '{"format": "something-else"}',
  JSON.stringify({ ...valid, version: 0 }),
  JSON.stringify({ ...valid, version: 99 }),
  JSON.stringify({ ...valid, name: '' }),
  JSON.stringify({ ...valid, network: { input: [1, 4, 4], layers: [{ type: 'conv2d' }] } }),
];

const errors: ProjectError[] = FILES.map((text) => {
  const result = parseProjectText(text);
  if (result.ok) throw new Error('a broken file opened');
  return result.error;
});

describe('project-file errors phrased from code and values', () => {
  it('the corpus reaches every code and every reason a file is invalid', () => {
    expect(PROJECT_ERROR_CODES.filter((code) => !errors.some((error) => error.code === code))).toEqual([]);
    expect(new Set(errors.filter((error) => error.code === 'invalid').map((error) => error.values['reason']))).toEqual(new Set(['version', 'schema']));
  });

  it('English is word for word the reader message', () => {
    for (const error of errors) expect(phraseProjectError('en', error, plainWriter('en'))).toBe(error.message);
    const migration: ProjectError = { code: 'invalid', values: { reason: 'migration', detail: 'no migration from project version 1 to 2' }, message: 'no migration from project version 1 to 2' };
    expect(phraseProjectError('en', migration, plainWriter('en'))).toBe(migration.message);
    expect(phraseProjectError('fa', migration, plainWriter('fa'))).toBe('ارتقای پرونده ممکن نشد: no migration from project version ۱ to ۲');
  });

  it('Persian phrases every error with its values in Persian digits', () => {
    const byCode = (code: string) => errors.find((error) => error.code === code)!;
    expect(phraseProjectError('fa', byCode('too_large'), plainWriter('fa'))).toBe('پرونده از ۲۰ مگابایت بزرگ‌تر است');
    expect(phraseProjectError('fa', byCode('newer_version'), plainWriter('fa'))).toContain('نسخهٔ پروژه ۹۹؛ این نسخه تا ۱ را می‌خواند');
    for (const error of errors) expect(phraseProjectError('fa', error, plainWriter('fa'))).toMatch(/[\u0600-\u06FF]/);
  });

  it('every code and reason has both languages', () => {
    expectTranslated(projectErrorBooks.en, projectErrorBooks.fa, PROJECT_ERROR_CODES);
  });
});
