import { describe, expect, it } from 'vitest';
import { CoreError } from '../../../shared/protocol/messages';
import { toCoreError } from './errors';

describe('toCoreError', () => {
  it('keeps a CoreError', () => {
    const error = new CoreError({ code: 'timeout', message: 'slow' });
    expect(toCoreError(error)).toBe(error);
  });

  it('reads the plain { name, code, message } object the preload rejects with', () => {
    const error = toCoreError({ name: 'CoreError', code: 'engine_stopped', message: 'stopped after 3 crashes' });
    expect([error.code, error.message]).toEqual(['engine_stopped', 'stopped after 3 crashes']);
  });

  it('treats anything else as internal', () => {
    expect(toCoreError(new Error('boom')).code).toBe('internal');
    expect(toCoreError('boom').code).toBe('internal');
    expect(toCoreError({ code: 'made_up', message: 'x' }).code).toBe('internal');
  });
});
