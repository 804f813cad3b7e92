import { describe, expect, it } from 'vitest';
import { ANSWER_EXPECTED_CODES, ANSWER_REASON_CODES, checkAnswers, type AnswerMark, type TypedLayerAnswer } from '../core/network/answers';
import { SEED_NETWORK } from '../core/network/presets';
import type { NetworkSpec } from '../core/network/spec';
import { answerReasonBooks, phraseAnswerExpected, phraseAnswerReason } from './answer-reasons';
import { expectTranslated } from './book.test-helper';
import { plainWriter } from './phrase';

const ONE_CONV: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }] };
const NO_BIAS: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, bias: false }] };
/** 8*9*4 + 4 = 292 parameters in the second convolution. */
const TWO_CONVS: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'conv2d', out_channels: 4, kernel: 3 }] };
const BATCH_NORM: NetworkSpec = { input: [3, 8, 8], layers: [{ type: 'batchnorm2d' }] };

/** Answers that between them reach every reason code (the corpus the phrasebooks are held to). */
const CASES: [NetworkSpec, (TypedLayerAnswer | null)[]][] = [
  [SEED_NETWORK, [{ output: '32x128x128', params: '4,736', rf: '7' }, { output: '62x62x64', params: '51200', rf: '121' }, { output: 'big', params: 'many', rf: 'wide' }]],
  [SEED_NETWORK, [null, { output: '62x62x32', rf: '1225' }, { output: '31x31x32', rf: '13x12' }, { rf: '35x35' }, { rf: 'whole input', output: '128x25' }]],
  [SEED_NETWORK, [...Array.from({ length: 8 }, () => null), { output: '1024', params: '6,554,624', rf: '9 px' }]],
  [ONE_CONV, [null, { params: '80', output: '8x6x6', rf: '9 px' }]],
  [ONE_CONV, [{ output: '8x6x6' }, { output: '4x6x6' }]],
  [NO_BIAS, [{ params: '80' }]],
  [BATCH_NORM, [{ params: '12' }]],
  [{ ...SEED_NETWORK, layers: SEED_NETWORK.layers.map((layer, i) => (i === 1 ? { ...layer, kernel: 500 } : layer)) }, [null, null, { output: '1' }]],
  [ONE_CONV, [null, null, null, { output: '1' }]],
  [SEED_NETWORK, [null, { rf: '35x35' }]],
  [TWO_CONVS, [{ params: '292' }]],
];

function allMarks(): AnswerMark[] {
  return CASES.flatMap(([spec, layers]) => checkAnswers(spec, { layers }).flatMap((entry) => [entry.output, entry.params, entry.rf].filter((mark): mark is AnswerMark => mark !== undefined)));
}

describe('answer marks phrased in English and Persian', () => {
  const marks = allMarks();

  it('the corpus reaches every reason and every expected form', () => {
    expect(new Set(marks.map((mark) => mark.reasonMessage.code))).toEqual(new Set(ANSWER_REASON_CODES));
    expect(new Set(marks.map((mark) => mark.expectedMessage.code))).toEqual(new Set(ANSWER_EXPECTED_CODES));
  });

  it('the English book says word for word what the core says', () => {
    for (const mark of marks) {
      expect(phraseAnswerReason('en', mark, plainWriter('en')), mark.reasonMessage.code).toBe(mark.reason);
      expect(phraseAnswerExpected('en', mark, plainWriter('en')), mark.expectedMessage.code).toBe(mark.expected);
    }
  });

  it('every code has a Persian text with the same placeholders; phrased, none is left unfilled and the digits are Persian', () => {
    expectTranslated(answerReasonBooks.en, answerReasonBooks.fa, ANSWER_REASON_CODES);
    for (const code of ANSWER_EXPECTED_CODES) {
      // A form that is only placeholders ('{count}') is the same in every language.
      if (answerReasonBooks.en.expected[code].replace(/\{\w+\}/g, '').trim() !== '') expect(answerReasonBooks.fa.expected[code], code).not.toBe(answerReasonBooks.en.expected[code]);
    }
    for (const mark of marks) {
      const persian = phraseAnswerReason('fa', mark, plainWriter('fa'));
      expect(persian, mark.reasonMessage.code).not.toMatch(/\{\w+(:\w+)?\}/);
      if (mark.reasonMessage.code !== 'formula') expect(persian, mark.reasonMessage.code).not.toBe(mark.reason);
      expect(phraseAnswerExpected('fa', mark, plainWriter('fa'))).not.toMatch(/\{\w+\}/);
    }
    const neighbour = marks.find((mark) => mark.reasonMessage.code === 'neighbour_modules' && mark.reasonMessage.values['quantity'] === 'params')!;
    expect(phraseAnswerReason('fa', neighbour, plainWriter('fa'))).toContain('۶٬۵۵۴٬۶۲۴');
    expect(phraseAnswerReason('fa', neighbour, plainWriter('fa'))).toContain('سطرِ بعدی');
  });

  it('a mark without a message (an older core) keeps its English', () => {
    expect(phraseAnswerReason('fa', { reason: 'r = 3' }, plainWriter('fa'))).toBe('r = 3');
    expect(phraseAnswerExpected('fa', { expected: '3' }, plainWriter('fa'))).toBe('3');
  });
});
