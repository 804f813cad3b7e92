import { describe, expect, it } from 'vitest';
import { CoreError, type CoreErrorCode } from '../protocol/messages';
import { coreFailureBooks, coreFailureMessage, phraseCoreFailure, refusedField } from './core-failures';
import { plainWriter } from './phrase';

const CODES: CoreErrorCode[] = ['invalid_request', 'unknown_type', 'cancelled', 'timeout', 'worker_crashed', 'engine_stopped', 'internal'];

/** Failures as the worker, the supervisor and the clients send them. */
const FAILURES: { code: CoreErrorCode; message: string }[] = [
  { code: 'invalid_request', message: 'layer 1 (conv2d): out_channels: is required' },
  { code: 'invalid_request', message: 'the request could not be sent to the engine: could not be cloned' },
  { code: 'invalid_request', message: 'malformed' },
  { code: 'unknown_type', message: 'unknown request type "nope"; known: summarize, explain' },
  { code: 'cancelled', message: 'cancelled' },
  { code: 'timeout', message: 'network.explain did not answer within 5000 ms' },
  { code: 'worker_crashed', message: 'the engine was restarted; your request was not completed' },
  { code: 'engine_stopped', message: 'the engine is stopped: it crashed 3 times in a minute' },
  { code: 'internal', message: 'internal error in summarize: x is undefined' },
];

describe('a failed core call phrased by its code', () => {
  it('every CoreErrorCode is reached, and the field of a refused request is read', () => {
    expect(CODES.filter((code) => !FAILURES.some((failure) => failure.code === code))).toEqual([]);
    const codes = new Set(FAILURES.map((failure) => coreFailureMessage(failure).code));
    expect([...Object.keys(coreFailureBooks.fa.codes)].filter((code) => !codes.has(code as never))).toEqual([]);
    expect(refusedField('layer 1 (conv2d): out_channels: is required')).toBe('layer 1 (conv2d): out_channels');
    expect(refusedField('input.2: must be a whole number; layers: too many')).toBe('input.2');
    expect(refusedField('malformed')).toBeUndefined();
    expect(refusedField('the request could not be sent to the engine: could not be cloned')).toBeUndefined();
  });

  it('English is the engine message as it came', () => {
    for (const failure of FAILURES) expect(phraseCoreFailure('en', failure, plainWriter('en'))).toBe(failure.message);
    expect(phraseCoreFailure('en', new CoreError(FAILURES[5]!), plainWriter('en'))).toBe('network.explain did not answer within 5000 ms');
  });

  it('Persian is a Persian sentence without the English detail; a refused field stays as the code spells it', () => {
    for (const failure of FAILURES) {
      const text = phraseCoreFailure('fa', failure, plainWriter('fa'));
      expect(text, failure.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, failure.code).not.toMatch(/\{\w+\}/);
      const latin = text.replace('layer ۱ (conv2d): out_channels', '').match(/[A-Za-z]+/g) ?? [];
      expect(latin, failure.code).toEqual([]);
    }
    expect(phraseCoreFailure('fa', FAILURES[0]!, (value) => String(value))).toBe('موتور محاسبه این درخواست را نپذیرفت: مقدار layer 1 (conv2d): out_channels درست نیست');
    expect(phraseCoreFailure('fa', FAILURES[5]!, plainWriter('fa'))).toBe('موتور محاسبه در زمان مقرر پاسخ نداد؛ مسئله را کوچک‌تر کنید یا دوباره امتحان کنید');
  });

  it('a code the book does not know is phrased as internal', () => {
    const text = phraseCoreFailure('fa', { code: 'nonsense' as CoreErrorCode, message: 'boom' }, plainWriter('fa'));
    expect(text).toBe(coreFailureBooks.fa.codes.internal);
  });
});
