import { describe, expect, it } from 'vitest';
import { SEED_NETWORK } from '../core/network/presets';
import type { NetworkSpec } from '../core/network/spec';
import { summarizeNetwork } from '../core/network/summarize';
import { effectiveReceptiveField, type EffectiveFieldRequest, type EffectiveFieldResult } from '../core/receptive/effective-field';
import type { ReceptiveFieldFailure } from '../core/receptive/messages';
import { unitRegion } from '../core/receptive/region';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';
import { phraseReceptiveFieldError, phraseReceptiveFieldNotes, receptiveFieldErrorBooks, receptiveFieldNoteBooks } from './receptive-field';

const CONV: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 2, kernel: 3 }, { type: 'relu' }] };
const ask = (request: Partial<EffectiveFieldRequest>) => effectiveReceptiveField({ spec: CONV, layer: 1, y: 0, x: 0, weights: 'uniform', activations: true, ...request } as EffectiveFieldRequest);

/** Real refusals of the core, at least one per code (the first test holds that). */
async function failures(): Promise<ReceptiveFieldFailure[]> {
  const seed = summarizeNetwork(SEED_NETWORK);
  const regions = [
    unitRegion(seed, -1, 0, 0),
    unitRegion(seed, 3, 31, 0),
    unitRegion(seed, 13, 0, 0),
    unitRegion(seed, 10, 0, 0),
    unitRegion(summarizeNetwork({ input: [12], layers: [{ type: 'relu' }] }), 1, 0, 0),
    unitRegion(summarizeNetwork({ input: [1, 2, 2], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }] }), 1, 0, 0),
    unitRegion(summarizeNetwork({ input: [1, 3_000_000, 1], layers: [{ type: 'conv2d', out_channels: 1, kernel: 1 }] }), 1, 0, 0),
  ];
  const fields = await Promise.all([
    effectiveReceptiveField(null as unknown as EffectiveFieldRequest),
    ask({ weights: 'heavy' as 'uniform' }),
    ask({ activations: 'yes' as unknown as boolean }),
    ask({ channel: -1 }),
    ask({ seed: 2 ** 40 }),
    ask({ maxChannels: 0 }),
    ask({ input: 'pixels' as unknown as number[] }),
    ask({ input: [...Array.from({ length: 63 }, () => 0), Number.NaN] }),
    ask({ input: [1, 2, 3] }),
    ask({ layer: 0 }),
    ask({ channel: 2 }),
    ask({ spec: { input: [0, 8, 8], layers: [{ type: 'relu' }] } }),
    ask({ spec: { input: [1, 4, 4], layers: [{ type: 'convtranspose2d', out_channels: 1, kernel: 2 }] } }),
    ask({ spec: { input: [1, 4, 4], layers: [{ type: 'conv2d', out_channels: 1, kernel: 1, padding: 2 }] } }),
    ask({ spec: { input: [64, 1000, 1000], layers: [{ type: 'conv2d', out_channels: 64, kernel: 3 }] }, weights: 'random', maxChannels: 64 }),
    ask({ spec: { input: [40, 1000, 1000], layers: [{ type: 'conv2d', out_channels: 1, kernel: 3 }] } }),
  ]);
  return [...regions, ...fields].filter((result): result is ReceptiveFieldFailure => !result.ok);
}

async function fields(): Promise<EffectiveFieldResult[]> {
  const results = await Promise.all([
    ask({}),
    ask({ weights: 'random', activations: false, seed: 7 }),
    ask({ input: Array.from({ length: 64 }, (_, i) => i / 64) }),
    ask({ spec: { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 16, kernel: 3 }, { type: 'conv2d', out_channels: 16, kernel: 3 }] }, weights: 'random', maxChannels: 4 }),
    ask({ spec: { input: [3, 8, 8], layers: [{ type: 'maxpool2d', kernel: 2 }, { type: 'conv2d', out_channels: 2, kernel: 3 }] }, input: Array.from({ length: 192 }, (_, i) => (i % 7) / 7) }),
  ]);
  return results.filter((result): result is EffectiveFieldResult => result.ok);
}

describe('receptive-field refusals and notes phrased from code and values', () => {
  it('the corpus reaches every refusal code and every note code', async () => {
    const refused = await failures();
    expect(Object.keys(receptiveFieldErrorBooks.en.codes).filter((code) => !refused.some((failure) => failure.code === code))).toEqual([]);
    const notes = (await fields()).flatMap((field) => field.noteMessages);
    expect(Object.keys(receptiveFieldNoteBooks.en.codes).filter((code) => !notes.some((note) => note.code === code))).toEqual([]);
  });

  it('English is word for word the core message and notes', async () => {
    for (const failure of await failures()) expect(phraseReceptiveFieldError('en', failure, plainWriter('en')), failure.code).toBe(failure.message);
    for (const field of await fields()) expect(phraseReceptiveFieldNotes('en', field, plainWriter('en'))).toEqual(field.notes);
  });

  it('Persian is a Persian sentence with Persian digits, no placeholder left', async () => {
    for (const failure of await failures()) {
      const text = phraseReceptiveFieldError('fa', failure, plainWriter('fa'));
      expect(text, failure.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, failure.code).not.toMatch(/\{\w+\}/);
    }
    for (const field of await fields()) for (const text of phraseReceptiveFieldNotes('fa', field, plainWriter('fa'))) expect(text).toMatch(/[\u0600-\u06FF]/);
    const outside = unitRegion(summarizeNetwork(SEED_NETWORK), 3, 31, 0) as ReceptiveFieldFailure;
    expect(phraseReceptiveFieldError('fa', outside, plainWriter('fa'))).toBe('واحد (۳۱, ۰) بیرون از لایهٔ ۳ است؛ خروجی این لایه ۳۱x۳۱ است (سطرهای ۰ تا ۳۰، ستون‌های ۰ تا ۳۰)');
  });

  it('a refusal without a code (an older core) keeps the English', () => {
    expect(phraseReceptiveFieldError('fa', { message: 'the English' }, plainWriter('fa'))).toBe('the English');
    expect(phraseReceptiveFieldNotes('fa', { notes: ['the English'] }, plainWriter('fa'))).toEqual(['the English']);
  });

  it('every code has both languages', () => {
    expectTranslated(receptiveFieldErrorBooks.en, receptiveFieldErrorBooks.fa, Object.keys(receptiveFieldErrorBooks.en.codes));
    expectTranslated(receptiveFieldNoteBooks.en, receptiveFieldNoteBooks.fa, Object.keys(receptiveFieldNoteBooks.en.codes));
  });
});
