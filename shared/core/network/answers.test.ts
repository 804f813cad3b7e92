import { describe, expect, it } from 'vitest';
import { checkAnswers, normalizeAnswer, parseCount, parseReceptiveFieldAnswer, parseShapeAnswer, type TypedLayerAnswer } from './answers';
import { SEED_NETWORK } from './presets';
import type { NetworkSpec } from './spec';

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
    expect(parseReceptiveFieldAnswer('11')).toEqual({ kind: 'side', size: [11, 11], oneNumber: true });
    expect(parseReceptiveFieldAnswer('11x11')).toEqual({ kind: 'side', size: [11, 11], oneNumber: false });
    expect(parseReceptiveFieldAnswer('13×11')).toEqual({ kind: 'side', size: [13, 11], oneNumber: false });
    expect(parseReceptiveFieldAnswer('121 px')).toEqual({ kind: 'area', area: 121 });
    expect(parseReceptiveFieldAnswer('121 pixels')).toEqual({ kind: 'area', area: 121 });
    expect(parseReceptiveFieldAnswer('13*13 px')).toEqual({ kind: 'side', size: [13, 13], oneNumber: false });
    expect(parseReceptiveFieldAnswer('11x13x2 px')).toBeNull();
    expect(parseReceptiveFieldAnswer('Whole input')).toEqual({ kind: 'whole' });
    expect(parseReceptiveFieldAnswer('eleven')).toBeNull();
    expect(normalizeAnswer('۱۲۱ px')).toBe('121 px');
    expect(parseReceptiveFieldAnswer('۱۳×۱۱')).toEqual({ kind: 'side', size: [13, 11], oneNumber: false });
  });

  it('reads Persian and Arabic-Indic digits and their separators in every answer', () => {
    expect(parseCount('۵۱٬۲۶۴')).toBe(51264);
    expect(parseCount('٥١٬٢٦٤')).toBe(51264);
    expect(parseCount('\u200E۵۱۲۶۴')).toBe(51264);
    expect(parseShapeAnswer('۶۲×۶۲×۶۴')).toEqual([62, 62, 64]);
    expect(parseShapeAnswer('[۶۴، ۶۲، ۶۲]')).toEqual([64, 62, 62]);
    expect(parseShapeAnswer('٦٢x٦٢')).toEqual([62, 62]);
    // ٫ is a decimal point, so "۶٫۲" is not a whole count nor a shape
    expect(parseCount('۶٫۲')).toBeNull();
    expect(parseShapeAnswer('۶٫۲')).toBeNull();
  });

  it('accepts 11, 11x11, 121 px and 121 pixels for layer 2; 12 is wrong with the formula', () => {
    for (const rf of ['11', '11x11', '121 px', '121 pixels', '۱۲۱ پیکسل']) {
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

/** One 3x3 convolution over an 8x8 image: the receptive field is 3x3 (9 px); 8 * 1*3*3 weights + 8 biases = 80 parameters. */
const ONE_CONV: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }, { type: 'relu' }] };

describe('a bare number for a receptive field is its side; an area needs px', () => {
  const rfMark = (spec: NetworkSpec, position: number, rf: string) => {
    const layers: (TypedLayerAnswer | null)[] = Array.from({ length: position }, () => null);
    layers.push({ rf });
    return checkAnswers(spec, { layers })[0]!.rf!;
  };

  it('"9" for a 3x3 field is wrong (a 9x9 field), with how to write the area; 3, 3x3, 9 px and 9 pixels are right', () => {
    expect(rfMark(ONE_CONV, 0, '9')).toMatchObject({
      status: 'wrong',
      code: 'rf_side_as_area',
      expected: '3 (3x3 = 9 px)',
      reason: 'one number is read as the side, so 9 means 9x9 pixels; for the area 3x3 = 9, write 9 px: r = 1 + (3 - 1)*1 = 3',
      reading: { kind: 'side', size: [9, 9], oneNumber: true },
    });
    for (const rf of ['3', '3x3', '9 px', '9 pixels', '۹ px']) expect(rfMark(ONE_CONV, 0, rf).status, rf).toBe('right');
  });

  it('the seed layer 2: "121" is wrong (one number is the side, 121 is the area of 11x11)', () => {
    expect(rfMark(SEED_NETWORK, 1, '121')).toMatchObject({
      status: 'wrong',
      reason: 'one number is read as the side, so 121 means 121x121 pixels; for the area 11x11 = 121, write 121 px: r = 7 + (5 - 1)*1 = 11',
    });
  });

  it('"1225" without px on layer 2: the multiplied kernels and the missing unit are both named', () => {
    expect(rfMark(SEED_NETWORK, 1, '1225').reason).toBe(
      'receptive fields do not multiply (35 is the product of the kernel sizes, and one number is read as the side, so 1,225 means 1,225x1,225 pixels): r = 7 + (5 - 1)*1 = 11',
    );
    expect(rfMark(SEED_NETWORK, 1, '35x35').reason).toBe('receptive fields do not multiply (35 is the product of the kernel sizes): r = 7 + (5 - 1)*1 = 11');
  });

  it('a pair with one axis right names the axis that is wrong (height first)', () => {
    expect(rfMark(SEED_NETWORK, 6, '57x59').reason).toBe('the height 57 is right, but the width is 57, not 59: r = 41 + (3 - 1)*8 = 57');
    expect(rfMark(SEED_NETWORK, 6, '55x57').reason).toBe('the width 57 is right, but the height is 57, not 55: r = 41 + (3 - 1)*8 = 57');
  });

  it('every readable rf mark carries how the answer was read (the growth chart places it from this)', () => {
    expect(rfMark(SEED_NETWORK, 1, '1225 px').reading).toEqual({ kind: 'area', area: 1225 });
    expect(rfMark(SEED_NETWORK, 1, '11x13').reading).toEqual({ kind: 'side', size: [11, 13], oneNumber: false });
    expect(rfMark(SEED_NETWORK, 8, 'whole input')).toMatchObject({ status: 'right', reading: { kind: 'whole' } });
    expect(rfMark(SEED_NETWORK, 1, 'eleven').reading).toBeUndefined();
  });
});

describe('bias: named only when the layer has one', () => {
  const paramsMark = (spec: NetworkSpec, position: number, params: string) => {
    const layers: (TypedLayerAnswer | null)[] = Array.from({ length: position }, () => null);
    layers.push({ params });
    return checkAnswers(spec, { layers })[0]!.params!;
  };
  const noBiasConv: NetworkSpec = { input: [1, 8, 8], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3, bias: false }] };
  const noBiasLinear: NetworkSpec = { input: [6], layers: [{ type: 'linear', out_features: 4, bias: false }] };

  it('a conv with bias=False (72 weights): 64 is not "a forgotten bias", 80 is "this layer has no bias"', () => {
    expect(paramsMark(noBiasConv, 0, '72').status).toBe('right');
    const below = paramsMark(noBiasConv, 0, '64');
    expect(below.status).toBe('wrong');
    expect(below.reason).not.toContain('bias');
    expect(paramsMark(noBiasConv, 0, '80')).toMatchObject({
      status: 'wrong',
      reason: expect.stringMatching(/^this layer has no bias \(bias=False\), so there is no \+1 per filter or output: /),
    });
  });

  it('a linear layer 6 -> 4 with bias=False (24 weights): 20 is not a forgotten bias, 28 is "no bias"', () => {
    expect(paramsMark(noBiasLinear, 0, '24').status).toBe('right');
    expect(paramsMark(noBiasLinear, 0, '20').reason).not.toContain('bias');
    expect(paramsMark(noBiasLinear, 0, '28').reason).toMatch(/^this layer has no bias \(bias=False\)/);
  });

  it('BatchNorm2d(16) has 32 parameters (gamma, beta); 64 counts its running-statistics buffers', () => {
    const batchNorm: NetworkSpec = { input: [16, 4, 4], layers: [{ type: 'batchnorm2d' }] };
    expect(paramsMark(batchNorm, 0, '32')).toMatchObject({ status: 'right', expected: '32' });
    expect(paramsMark(batchNorm, 0, '64')).toMatchObject({
      status: 'wrong',
      expected: '32',
      reason: expect.stringMatching(/^64 counts the 32 buffers too \(the running mean and variance\)/),
    });
  });

  it('with a bias (the default), the weights alone are "a forgotten bias"', () => {
    expect(paramsMark(ONE_CONV, 0, '72').reason).toMatch(/^each output unit also has a bias \(\+1 per filter or output\): /);
    expect(paramsMark({ input: [6], layers: [{ type: 'linear', out_features: 4 }] }, 0, '24').reason).toMatch(/^each output unit also has a bias/);
  });
});

describe("an answer that belongs to a neighbouring row", () => {
  it("6,554,624 on the flatten row (the seed's row 9 is flatten + linear) is the next row's linear layer", () => {
    const [flatten] = checkAnswers(SEED_NETWORK, { layers: [...Array.from({ length: 8 }, () => null), { output: '1024', params: '6,554,624' }] });
    expect(flatten!.index).toBe(9);
    expect(flatten!.params).toMatchObject({
      status: 'wrong',
      code: 'neighbour_modules',
      values: { typed: '6,554,624', quantity: 'params', layer: 10, type: 'linear', where: 'next', first: 'flatten', second: 'linear' },
      expected: '0',
      reason:
        '6,554,624 is the parameter count of layer 10 (linear), the next row: PyTorch makes flatten and linear two modules, each a row of its own; this row: params = 0 (flatten has no parameters)',
    });
    expect(flatten!.output!.reason).toBe(
      '1024 is the output shape of layer 10 (linear), the next row: PyTorch makes flatten and linear two modules, each a row of its own; this row: output = 6400: size = 256*5*5 = 6,400',
    );
  });

  it("the previous row's value is named too; 0 on a conv row is not blamed on the parameterless ReLU after it", () => {
    const [relu] = checkAnswers(ONE_CONV, { layers: [null, { params: '80', output: '8x6x6' }] });
    expect(relu!.params!.reason).toBe(
      '80 is the parameter count of layer 1 (conv2d), the previous row: PyTorch makes conv2d and relu two modules, each a row of its own; this row: params = 0 (relu has no parameters)',
    );
    expect(relu!.output!.status).toBe('right');
    const [conv] = checkAnswers(ONE_CONV, { layers: [{ params: '0' }] });
    expect(conv!.params!.reason).not.toContain('layer 2');
  });

  it("a receptive field of the next row: layer 1's answer 11 is layer 2's field", () => {
    const [first] = checkAnswers(SEED_NETWORK, { layers: [{ rf: '11' }] });
    expect(first!.rf!.reason).toBe('11 is the receptive field of layer 2 (conv2d), the next row; this row: r = 1 + (7 - 1)*1 = 7');
  });
});
