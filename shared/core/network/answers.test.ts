import { describe, expect, it } from 'vitest';
import { checkAnswers, normalizeDigits, parseCount, parseReceptiveFieldAnswer, parseShapeAnswer, type TypedLayerAnswer } from './answers';
import { SEED_NETWORK } from './presets';

/**
 * The seed student's answers to Q1 (SEED-NOTES.md), channels last as the student wrote them.
 * The seed's row 9 "flatten + linear 6400 -> 1024" is two layers here: layer 9 (flatten, 6400,
 * no parameters) and layer 10 (linear, 6,554,624); the seed's rows 10 and 11 are layers 11 and 12.
 * Receptive fields the seed does not contest are entered as the notes give them.
 */
const SEED_ANSWERS: TypedLayerAnswer[] = [
  { output: '128x128x32', params: '4,736', rf: '49 px' },
  { output: '62x62x62', params: '51,264', rf: '1225 px' },
  { output: '31x31x64', params: '0', rf: '4900 px' },
  { output: '27x27x128', params: '73,856', rf: '29' },
  { output: '25x25x25', params: '147,584', rf: '37' },
  { output: '12x12x128', params: '0', rf: '41' },
  { output: '10x10x256', params: '295,168', rf: '57' },
  { output: '5x5x256', params: '0', rf: '65' },
  { output: '6400', params: '0', rf: 'whole input' },
  { output: '1024', params: '6,554,624', rf: 'whole input' },
  { output: '1024', params: '0', rf: 'whole input' },
  { output: '10', params: '10,250', rf: 'whole input' },
];

describe('answer check on the seed student answers', () => {
  const marks = checkAnswers(SEED_NETWORK, { layers: SEED_ANSWERS });

  it('marks exactly the wrong answers SEED-NOTES.md lists, and every other answer right', () => {
    const wrong = marks.flatMap((mark) => (['output', 'params', 'rf'] as const).filter((q) => mark[q]?.status === 'wrong').map((q) => `${mark.index}:${q}`));
    expect(wrong).toEqual(['2:output', '2:rf', '3:rf', '5:output']);
    const counted = marks.flatMap((mark) => (['output', 'params', 'rf'] as const).map((q) => mark[q]?.status));
    expect(counted).toHaveLength(36);
    expect(counted.filter((status) => status === 'right')).toHaveLength(32);
  });

  it('says why: channels are the number of filters; receptive fields do not multiply', () => {
    expect(marks[1]!.output!.reason).toContain('the channels are 64, not 62');
    expect(marks[1]!.output!.expected).toContain('62x62x64');
    expect(marks[1]!.rf!.reason).toBe('receptive fields do not multiply (35 is the product of the kernel sizes): r = 7 + (5 - 1)*1 = 11');
    expect(marks[2]!.rf!.reason).toBe('receptive fields do not multiply (70 is the product of the kernel sizes): r = 11 + (2 - 1)*2 = 13');
    expect(marks[4]!.output!.reason).toContain('the channels are 128, not 25');
  });
});

describe('reading typed answers', () => {
  it.each([
    ['62x62x64', [62, 62, 64]],
    ['64×62×62', [64, 62, 62]],
    ['[64, 62, 62]', [64, 62, 62]],
    ['(62, 62, 64)', [62, 62, 64]],
    ['1,024', [1024]],
    ['۶۲x۶۲x۶۴', [62, 62, 64]],
  ])('shape %s', (text, shape) => expect(parseShapeAnswer(text)).toEqual(shape));

  it.each(['', 'abc', '62x', '62 by 62'])('not a shape: %j', (text) => expect(parseShapeAnswer(text)).toBeNull());

  it.each([
    ['51,264', 51264],
    ['51264', 51264],
    ['51 264', 51264],
    ['۵۱٬۲۶۴', 51264],
    ['51,26', null],
    ['5.1', null],
  ])('count %s', (text, value) => expect(parseCount(text)).toBe(value));

  it('receptive fields: side, pair, area, whole', () => {
    expect(parseReceptiveFieldAnswer('11')).toEqual({ kind: 'side', size: [11, 11], area: 11 });
    expect(parseReceptiveFieldAnswer('11x11')).toEqual({ kind: 'side', size: [11, 11] });
    expect(parseReceptiveFieldAnswer('121 px')).toEqual({ kind: 'area', area: 121 });
    expect(parseReceptiveFieldAnswer('Whole input')).toEqual({ kind: 'whole' });
    expect(parseReceptiveFieldAnswer('eleven')).toBeNull();
    expect(normalizeDigits('۱۲۱ px')).toBe('121 px');
  });

  it('accepts 11, 11x11, 121 px and 121 for layer 2; 12 is wrong with the formula', () => {
    for (const rf of ['11', '11x11', '121 px', '121']) {
      expect(checkAnswers(SEED_NETWORK, { layers: [null, { rf }] })[0]!.rf!.status, rf).toBe('right');
    }
    const wrong = checkAnswers(SEED_NETWORK, { layers: [null, { rf: '12' }] })[0]!.rf!;
    expect(wrong).toMatchObject({ status: 'wrong', reason: 'r = 7 + (5 - 1)*1 = 11' });
  });

  it('forgotten bias is named; unreadable text says what is accepted; later layers of a broken network are not computed', () => {
    // 32*5*5*64 = 51,200 weights without the 64 biases
    expect(checkAnswers(SEED_NETWORK, { layers: [null, { params: '51200' }] })[0]!.params!.reason).toBe(
      'each output unit also has a bias (+1 per filter or output): params = (32*5*5/1 + 1)*64 = 51,264',
    );
    expect(checkAnswers(SEED_NETWORK, { layers: [{ output: 'big' }] })[0]!.output!.status).toBe('unreadable');
    const broken = { ...SEED_NETWORK, layers: SEED_NETWORK.layers.map((layer, i) => (i === 1 ? { ...layer, kernel: 500 } : layer)) };
    const marks = checkAnswers(broken, { layers: [null, null, { output: '31x31x64' }] });
    expect(marks[0]!.output!.status).toBe('not_computed');
  });

  it('never throws on odd payloads', () => {
    expect(checkAnswers(SEED_NETWORK, { layers: [{ output: '   ' }, null] })).toEqual([]);
    expect(checkAnswers(SEED_NETWORK, null as never)).toEqual([]);
    expect(checkAnswers({ input: [], layers: [] }, { layers: [{ output: '1' }] })[0]!.output!.status).toBe('not_computed');
  });
});
