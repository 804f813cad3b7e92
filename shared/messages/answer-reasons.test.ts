import { describe, expect, it } from 'vitest';
import { checkAnswers, type AnswerExpectedCode, type AnswerMark, type AnswerReasonCode, type TypedLayerAnswer } from '../core/network/answers';
import { SEED_NETWORK } from '../core/network/presets';
import type { NetworkSpec } from '../core/network/spec';
import { answerExpectedBooks, answerReasonBooks, phraseAnswerExpected, phraseAnswerReason } from './answer-reasons';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';

const ONE_CONV: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }] };
const at = (position: number, answer: TypedLayerAnswer): (TypedLayerAnswer | null)[] => [...Array.from({ length: position }, () => null), answer];

/** Answers the marker refuses or corrects, at least one per reason code (the first test holds that). */
const CASES: [NetworkSpec, (TypedLayerAnswer | null)[]][] = [
  [SEED_NETWORK, at(0, { output: '32x128x128', params: '4,736', rf: '7' })],
  [SEED_NETWORK, at(0, { output: '128x128x32', params: 'many', rf: 'eleven' })],
  [SEED_NETWORK, at(1, { output: '62x62x62', params: '51200', rf: '1225' })],
  [SEED_NETWORK, at(1, { output: 'big', params: '1', rf: '35x35' })],
  [SEED_NETWORK, at(1, { output: '64x62', rf: '121' })],
  [SEED_NETWORK, at(2, { output: '31x31x31', rf: '4900 px' })],
  [SEED_NETWORK, at(6, { rf: '57x59' })],
  [SEED_NETWORK, at(6, { rf: '55x57' })],
  [SEED_NETWORK, at(6, { rf: 'whole input' })],
  [SEED_NETWORK, at(8, { output: '1024', params: '6,554,624', rf: 'whole input' })],
  [SEED_NETWORK, at(0, { rf: '11' })],
  [ONE_CONV, at(0, { params: '72', rf: '9' })],
  [ONE_CONV, at(1, { params: '80', output: '8x6x6' })],
  [{ input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, bias: false }] }, at(0, { params: '80' })],
  [{ input: [16, 4, 4], layers: [{ type: 'batchnorm2d' }] }, at(0, { params: '64' })],
  [{ input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }] }, at(1, { output: '6x6x4' })],
  [{ input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'conv2d', out_channels: 8, kernel: 3 }] }, at(0, { output: '8x4x4' })],
  [{ input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }] }, at(0, { rf: '16 px' })],
  [{ input: [1, 2, 2], layers: [{ type: 'conv2d', out_channels: 8, kernel: 9 }, { type: 'relu' }] }, at(1, { output: '8x1x1' })],
  [SEED_NETWORK, at(20, { output: '1' })],
];

const marks: AnswerMark[] = CASES.flatMap(([spec, layers]) => checkAnswers(spec, { layers }).flatMap((mark) => [mark.output, mark.params, mark.rf].filter((m): m is AnswerMark => m !== undefined)));
const REASON_CODES = Object.keys(answerReasonBooks.en.codes) as AnswerReasonCode[];
const EXPECTED_CODES = Object.keys(answerExpectedBooks.en.codes) as AnswerExpectedCode[];

describe('answer-check reasons phrased from code and values', () => {
  it('the corpus reaches every reason code and every expected code', () => {
    expect(REASON_CODES.filter((code) => !marks.some((mark) => mark.code === code))).toEqual([]);
    expect(EXPECTED_CODES.filter((code) => !marks.some((mark) => mark.expectedMessage?.code === code))).toEqual([]);
  });

  it('English is word for word the marker reason and expected value', () => {
    for (const mark of marks) {
      expect(phraseAnswerReason('en', mark, plainWriter('en')), mark.code).toBe(mark.reason);
      expect(phraseAnswerExpected('en', mark, plainWriter('en')), mark.code).toBe(mark.expected);
    }
  });

  it('Persian phrases every reason in a Persian sentence, values in Persian digits, no placeholder left', () => {
    for (const mark of marks) {
      const text = phraseAnswerReason('fa', mark, plainWriter('fa'));
      if (mark.code !== 'derivation') expect(text, mark.code).toMatch(/[\u0600-\u06FF]/);
      expect(text, mark.code).not.toMatch(/\{\w+(:\w+)?\}/);
      expect(phraseAnswerExpected('fa', mark, plainWriter('fa')), mark.code).not.toMatch(/\{\w+(:\w+)?\}/);
    }
    const [second] = checkAnswers(SEED_NETWORK, { layers: at(1, { params: '51200' }) });
    expect(phraseAnswerReason('fa', second!.params!, plainWriter('fa'))).toBe(
      'هر واحد خروجی یک بایاس هم دارد (۱+ برای هر فیلتر یا خروجی): پارامترها = (۳۲*۵*۵/۱ + ۱)*۶۴ = ۵۱٬۲۶۴',
    );
    const [first] = checkAnswers(SEED_NETWORK, { layers: at(0, { rf: '11' }) });
    expect(phraseAnswerReason('fa', first!.rf!, plainWriter('fa'))).toBe('۱۱ میدان دید لایهٔ ۲ (conv2d) است، ردیف بعدی؛ این ردیف: r = ۱ + (۷ - ۱)*۱ = ۷');
    expect(phraseAnswerExpected('fa', first!.rf!, plainWriter('fa'))).toBe('۷ (۷x۷ = ۴۹ پیکسل)');
  });

  it('a mark without a code (an older core) keeps the English', () => {
    const old = { reason: 'the English', expected: '3' } as AnswerMark;
    expect(phraseAnswerReason('fa', old, plainWriter('fa'))).toBe('the English');
    expect(phraseAnswerExpected('fa', old, plainWriter('fa'))).toBe('3');
  });

  it('every code and table entry has both languages', () => {
    expectTranslated(answerReasonBooks.en, answerReasonBooks.fa, REASON_CODES);
    expectTranslated(answerExpectedBooks.en, answerExpectedBooks.fa, EXPECTED_CODES);
  });
});
