import { normalizeListSeparators, normalizeNumerals } from '../numerals';
import { explainLayer } from './explain';
import { describePair, formatPlain } from './format';
import type { ComputedLayerInfo, DerivationMessage, LayerInfo, NetworkSummary } from './info';
import type { LayerSpec, NetworkSpec } from './spec';
import { summarizeNetwork } from './summarize';

/**
 * Answer checking: a student's typed output shape, parameter count and receptive field per
 * layer, read leniently ("62x62x64", "64×62×62", "[64, 62, 62]", "51,264", "۵۱٬۲۶۴", "11",
 * "11x11", "121 px") and marked against the engine's record, with the reason when wrong.
 * This is the app's one marker: the answer sheet, the receptive-field growth chart and the
 * CLI all show these marks.
 */

/** What the student typed for one layer (the project file's `LayerAnswer`). */
export interface TypedLayerAnswer {
  output?: string | undefined;
  params?: string | undefined;
  rf?: string | undefined;
}

export type AnswerQuantity = 'output' | 'params' | 'rf';

/**
 * right: matches; wrong: readable but different (reason says why); unreadable: not a value of
 * that kind (reason says what is accepted); not_computed: the layer has no numbers to compare.
 */
export type AnswerStatus = 'right' | 'wrong' | 'unreadable' | 'not_computed';

/**
 * Why a mark is what it is, as a code (shared/messages/answer-reasons phrases each one, in
 * English word for word `reason`). `derivation` values are the layer's derivation text.
 */
export type AnswerReasonCode =
  | 'derivation'
  | 'channels_last'
  | 'shape_unreadable'
  | 'channels_wrong'
  | 'neighbour'
  | 'neighbour_modules'
  | 'axes_count'
  | 'count_unreadable'
  | 'buffers'
  | 'missing_bias'
  | 'no_bias'
  | 'rf_unreadable'
  | 'rf_not_whole'
  | 'rf_side_as_area'
  | 'rf_multiplied'
  | 'rf_multiplied_bare'
  | 'rf_one_axis'
  | 'rf_area'
  | 'not_computed'
  | 'no_layer';

/** What `expected` says, as a code (the same phrasebook module phrases it). */
export type AnswerExpectedCode = 'shape' | 'shape_chw' | 'count' | 'rf' | 'rf_whole';

export type AnswerValues = Readonly<Record<string, string | number>>;

export interface AnswerMark {
  status: AnswerStatus;
  /** The engine's value, as text ("64x62x62 (channels first, as PyTorch) = 62x62x64 (channels last)"). */
  expected: string;
  /** `expected` as a code with values; absent when there is no expected value (not computed). */
  expectedMessage?: { code: AnswerExpectedCode; values: AnswerValues };
  /** Why it is right or wrong, with the formula and values filled in. */
  reason: string;
  /** `reason` as a code with values, for the renderer and the CLI to phrase in their language. */
  code: AnswerReasonCode;
  values: AnswerValues;
  /** The derivation whose text is `values.derivation`, as its message (phrased in the reason's language). */
  derivation?: DerivationMessage;
  /** How a receptive-field answer was read (only on readable `rf` marks), so a chart can place it. */
  reading?: ReceptiveFieldAnswer;
}

export interface LayerAnswerMarks {
  /** 1-based layer */
  index: number;
  output?: AnswerMark;
  params?: AnswerMark;
  rf?: AnswerMark;
}

/**
 * An answer as ASCII text: digits, ٫ and minus signs through the one digit normalizer
 * (../numerals), then what only an answer means: the Arabic thousands separator ٬ as ","
 * (a count "۵۱٬۲۶۴"), the Arabic comma ، as a list comma (a shape "۶۲، ۶۲، ۶۴") and ×, *, ✕
 * as the "x" of a shape.
 */
export function normalizeAnswer(text: string): string {
  return normalizeListSeparators(normalizeNumerals(text)).replace(/\u066C/g, ',').replace(/[×*✕]/g, 'x');
}

/** A count such as "51,264", "51 264", "51264" or "6.55M"-free plain integer; null when it is not one. */
export function parseCount(text: string): number | null {
  const cleaned = normalizeAnswer(text).trim().replace(/[\s_']/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(cleaned)) return Number(cleaned.replace(/,/g, ''));
  if (/^\d+$/.test(cleaned)) return Number(cleaned);
  return null;
}

/** "62x62x64", "[64, 62, 62]", "(62, 62, 64)", "1024" → the numbers in order; null when not a shape. */
export function parseShapeAnswer(text: string): number[] | null {
  const cleaned = normalizeAnswer(text).trim().replace(/^[[(]\s*/, '').replace(/\s*[\])]$/, '');
  if (cleaned === '') return null;
  const single = parseCount(cleaned);
  if (single !== null) return [single];
  const parts = cleaned.split(/\s*(?:x|,|\s)\s*/i).filter((part) => part !== '');
  if (parts.length < 2 || !parts.every((part) => /^\d+$/.test(part))) return null;
  return parts.map(Number);
}

/**
 * A receptive-field answer: the side ("11": one number is always a side, as if the field were
 * the same on both axes), both sides ("11x11" or "11x11 px", height first), an area ("121 px",
 * "121 pixels", "121 px²": the unit is what makes one number an area), or the whole input.
 */
export type ReceptiveFieldAnswer =
  | { kind: 'side'; size: [number, number]; /** Typed as one number ("11"), not as a pair ("11x11"). */ oneNumber: boolean }
  | { kind: 'area'; area: number }
  | { kind: 'whole' };

export function parseReceptiveFieldAnswer(text: string): ReceptiveFieldAnswer | null {
  const cleaned = normalizeAnswer(text).trim().toLowerCase();
  if (/^(whole( input)?|all|global|entire( input)?|full( input)?)$/.test(cleaned)) return { kind: 'whole' };
  const area = /^(.+?)\s*(px²|px\^?2|px|pixels?|پیکسل)$/.exec(cleaned);
  if (area?.[1] !== undefined) {
    const value = parseCount(area[1]);
    if (value !== null) return { kind: 'area', area: value };
    // "11x11 px": both sides, in pixels.
    const sides = parseShapeAnswer(area[1]);
    return sides?.length === 2 ? { kind: 'side', size: [sides[0]!, sides[1]!], oneNumber: false } : null;
  }
  const shape = parseShapeAnswer(cleaned);
  if (shape?.length === 1) return { kind: 'side', size: [shape[0]!, shape[0]!], oneNumber: true };
  if (shape?.length === 2) return { kind: 'side', size: [shape[0]!, shape[1]!], oneNumber: false };
  return null;
}

function shapeText(shape: readonly number[]): string {
  return shape.join('x');
}

/** A reason: its English text and the same as a code with values. */
interface Reason {
  reason: string;
  code: AnswerReasonCode;
  values: AnswerValues;
}

function because(code: AnswerReasonCode, values: AnswerValues, reason: string): Reason {
  return { reason, code, values };
}

/** The derivation alone is the reason. */
function derivationReason(derivation: string): Reason {
  return because('derivation', { derivation }, derivation);
}

/** "64x62x62 (channels first, as PyTorch) = 62x62x64 (channels last)" */
function expectedShape(shape: readonly number[]): { expected: string; expectedMessage: NonNullable<AnswerMark['expectedMessage']> } {
  if (shape.length !== 3) return { expected: shapeText(shape), expectedMessage: { code: 'shape', values: { shape: shapeText(shape) } } };
  const [c, h, w] = shape as [number, number, number];
  const chw = `${c}x${h}x${w}`;
  const hwc = `${h}x${w}x${c}`;
  return { expected: `${chw} (channels first, as PyTorch) = ${hwc} (channels last)`, expectedMessage: { code: 'shape_chw', values: { chw, hwc } } };
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function derivationText(spec: NetworkSpec, index: number, quantity: 'output' | 'params' | 'rf_size', cache: Map<number, ReturnType<typeof explainLayer>>): string {
  let derivations = cache.get(index);
  if (!derivations) {
    derivations = explainLayer(spec, index);
    cache.set(index, derivations);
  }
  return derivations.find((derivation) => derivation.quantity === quantity)?.text ?? '';
}

/** The same shape, or a 3-d shape written channels last (62x62x64 for PyTorch's 64x62x62). */
function sameShape(answer: readonly number[], shape: readonly number[]): boolean {
  if (sameNumbers(answer, shape)) return true;
  if (shape.length !== 3) return false;
  const [c, h, w] = shape as [number, number, number];
  return sameNumbers(answer, [h, w, c]);
}

/** The layers in the rows before and after the one being marked. */
interface Neighbours {
  previous: LayerInfo | undefined;
  next: LayerInfo | undefined;
}

/**
 * The row next to this one (the next first, then the previous) whose value the answer is, when
 * this row's value is a different one: e.g. the seed writes "flatten + linear" as one row, so a
 * student types the linear layer's 6,554,624 parameters on the flatten row.
 */
function neighbourWith(neighbours: Neighbours, matches: (info: ComputedLayerInfo) => boolean): ComputedLayerInfo | null {
  for (const info of [neighbours.next, neighbours.previous]) {
    if (info?.status === 'ok' && matches(info)) return info;
  }
  return null;
}

/**
 * "6,554,624 is the parameter count of layer 10 (linear), the next row: PyTorch makes flatten
 * and linear two modules, each a row of its own; this row: <derivation>"
 */
const NEIGHBOUR_QUANTITY: Record<AnswerQuantity, string> = { output: 'output shape', params: 'parameter count', rf: 'receptive field' };

function neighbourReason(typed: string, own: ComputedLayerInfo, neighbour: ComputedLayerInfo, quantity: AnswerQuantity, explanation: string): Reason {
  const next = neighbour.index > own.index;
  const where = next ? 'the next row' : 'the previous row';
  const [first, second] = next ? [own, neighbour] : [neighbour, own];
  const modules = own.type === neighbour.type ? '' : `: PyTorch makes ${first.type} and ${second.type} two modules, each a row of its own`;
  const values = { typed, quantity, layer: neighbour.index, type: neighbour.type, where: next ? 'next' : 'previous', derivation: explanation };
  const reason = `${typed} is the ${NEIGHBOUR_QUANTITY[quantity]} of layer ${neighbour.index} (${neighbour.type}), ${where}${modules}; this row: ${explanation}`;
  return modules === '' ? because('neighbour', values, reason) : because('neighbour_modules', { ...values, first: first.type, second: second.type }, reason);
}

function markOutput(text: string, info: ComputedLayerInfo, neighbours: Neighbours, explain: () => string): AnswerMark {
  const { expected, expectedMessage } = expectedShape(info.outputShape);
  const mark = (status: AnswerStatus, reason: Reason): AnswerMark => ({ status, expected, expectedMessage, ...reason });
  const answer = parseShapeAnswer(text);
  if (!answer) {
    return mark('unreadable', because('shape_unreadable', { text }, `"${text}" is not a shape; write it as 62x62x64, 64x62x62 or [64, 62, 62]`));
  }
  const shape = info.outputShape;
  if (sameNumbers(answer, shape)) return mark('right', derivationReason(explain()));
  if (shape.length === 3) {
    const [c, h, w] = shape as [number, number, number];
    if (sameNumbers(answer, [h, w, c])) {
      const derivation = explain();
      return mark('right', because('channels_last', { derivation, shape: `${h}x${w}x${c}` }, `${derivation} (channels last: ${h}x${w}x${c})`));
    }
    if (answer.length === 3) {
      const [a, b, d] = answer as [number, number, number];
      // The answer's spatial part may be first (channels last) or last (channels first); pick the reading whose spatial size agrees.
      const channelsLast = a === h && b === w;
      const channelsFirst = b === h && d === w;
      const answeredChannels = channelsLast ? d : channelsFirst ? a : undefined;
      if (answeredChannels !== undefined && answeredChannels !== c) {
        const derivation = explain();
        const why = channelReason(info);
        return mark(
          'wrong',
          because(
            'channels_wrong',
            { spatial: `${h}x${w}`, channels: c, answered: answeredChannels, channel_reason: why.code, derivation },
            `the height and width ${h}x${w} are right, but the channels are ${c}, not ${answeredChannels}: ${why.text}; ${derivation}`,
          ),
        );
      }
    }
  }
  const neighbour = neighbourWith(neighbours, (other) => sameShape(answer, other.outputShape));
  if (neighbour) return mark('wrong', neighbourReason(shapeText(answer), info, neighbour, 'output', explain()));
  if (answer.length !== shape.length) {
    const derivation = explain();
    return mark(
      'wrong',
      because(
        'axes_count',
        { axes: shape.length, expected: expectedMessage.code, ...expectedMessage.values, answered: answer.length, derivation },
        `the output has ${shape.length} axes (${expected}), not ${answer.length}: ${derivation}`,
      ),
    );
  }
  return mark('wrong', derivationReason(explain()));
}

/** Why the channel count is what it is, for the layer types that set it. */
function channelReason(info: ComputedLayerInfo): { code: 'filters' | 'kept'; text: string } {
  const channels = info.outputShape[0]!;
  if (info.type === 'conv2d' || info.type === 'convtranspose2d') return { code: 'filters', text: `a convolution outputs one channel per filter (out_channels = ${channels})` };
  return { code: 'kept', text: `this layer keeps the ${channels} channels of its input` };
}

function markParams(text: string, info: ComputedLayerInfo, layer: LayerSpec | undefined, neighbours: Neighbours, explain: () => string): AnswerMark {
  // PyTorch's parameters(): batch norm's running mean and variance are buffers, not parameters.
  const expected = formatPlain(info.params.trainable);
  const mark = (status: AnswerStatus, reason: Reason): AnswerMark => ({ status, expected, expectedMessage: { code: 'count', values: { count: expected } }, ...reason });
  const answer = parseCount(text);
  if (answer === null) return mark('unreadable', because('count_unreadable', { text }, `"${text}" is not a whole number; write it as 51,264 or 51264`));
  if (answer === info.params.trainable) return mark('right', derivationReason(explain()));
  if (info.params.buffers > 0 && answer === info.params.trainable + info.params.buffers) {
    const derivation = explain();
    const values = { answer: formatPlain(answer), buffers: formatPlain(info.params.buffers), derivation };
    return mark(
      'wrong',
      because('buffers', values, `${values.answer} counts the ${values.buffers} buffers too (the running mean and variance), which PyTorch keeps as buffers, not parameters: ${derivation}`),
    );
  }
  const biases = biasCount(info, layer);
  if (biases !== null && biases.present && answer === info.params.trainable - biases.count) {
    const derivation = explain();
    return mark('wrong', because('missing_bias', { derivation }, `each output unit also has a bias (+1 per filter or output): ${derivation}`));
  }
  if (biases !== null && !biases.present && answer === info.params.trainable + biases.count) {
    const derivation = explain();
    return mark('wrong', because('no_bias', { derivation }, `this layer has no bias (bias=False), so there is no +1 per filter or output: ${derivation}`));
  }
  // A neighbour with no parameters says nothing: 0 is as likely a slip about this row as the next one's count.
  const neighbour = neighbourWith(neighbours, (other) => answer > 0 && (answer === other.params.trainable || answer === other.params.trainable + other.params.buffers));
  if (neighbour) return mark('wrong', neighbourReason(formatPlain(answer), info, neighbour, 'params', explain()));
  return mark('wrong', derivationReason(explain()));
}

/**
 * The number of biases a conv or linear layer has or would have (one per filter or output),
 * and whether it has them (PyTorch's `bias=True` default; `bias=False` leaves them out).
 * Null for the other layer types.
 */
function biasCount(info: ComputedLayerInfo, layer: LayerSpec | undefined): { count: number; present: boolean } | null {
  if (info.type !== 'linear' && info.type !== 'conv2d' && info.type !== 'convtranspose2d') return null;
  const count = info.type === 'linear' ? info.outputShape[info.outputShape.length - 1]! : info.outputShape[0]!;
  const present = !(layer && 'bias' in layer && layer.bias === false);
  return { count, present };
}

/** Whether a readable receptive-field answer names this field (whole input, both sides, or the area in px). */
function sameField(answer: ReceptiveFieldAnswer, field: ComputedLayerInfo['receptiveField']): boolean {
  const [rh, rw] = field.size;
  if (answer.kind === 'whole') return field.global;
  if (answer.kind === 'side') return answer.size[0] === rh && answer.size[1] === rw;
  return answer.area === rh * rw;
}

function markReceptiveField(
  text: string,
  info: ComputedLayerInfo,
  kernelProduct: [number, number] | null,
  neighbours: Neighbours,
  explain: () => string,
): AnswerMark {
  const field = info.receptiveField;
  const [rh, rw] = field.size;
  const sideText = describePair([rh, rw]);
  const area = rh * rw;
  const size = `${rh}x${rw}`;
  const expected = field.global ? `the whole input (r = ${sideText})` : `${sideText} (${size} = ${formatPlain(area)} px)`;
  const expectedMessage: NonNullable<AnswerMark['expectedMessage']> = field.global
    ? { code: 'rf_whole', values: { side: sideText } }
    : { code: 'rf', values: { side: sideText, size, area: formatPlain(area) } };
  const answer = parseReceptiveFieldAnswer(text);
  if (!answer) {
    return {
      status: 'unreadable',
      expected,
      expectedMessage,
      ...because('rf_unreadable', { text }, `"${text}" is not a receptive field; write one side (11), both (11x11) or the area (121 px)`),
    };
  }
  const mark = (status: AnswerStatus, reason: Reason): AnswerMark => ({ status, expected, expectedMessage, ...reason, reading: answer });
  if (answer.kind === 'whole') {
    if (field.global) return mark('right', derivationReason(explain()));
    const derivation = explain();
    return mark('wrong', because('rf_not_whole', { size, derivation }, `units of this layer see ${size} input pixels, not the whole input: ${derivation}`));
  }
  if (sameField(answer, field)) return mark('right', derivationReason(explain()));
  // One number is a side: "9" for a 3x3 field means a 9x9 field, however right 3x3 = 9 is as an area.
  if (answer.kind === 'side' && answer.oneNumber && answer.size[0] === area) {
    const typed = formatPlain(area);
    const derivation = explain();
    return mark(
      'wrong',
      because(
        'rf_side_as_area',
        { typed, size, derivation },
        `one number is read as the side, so ${typed} means ${typed}x${typed} pixels; for the area ${size} = ${typed}, write ${typed} px: ${derivation}`,
      ),
    );
  }
  if (kernelProduct) {
    const [ph, pw] = kernelProduct;
    const productText = describePair([ph, pw]);
    const asSide = answer.kind === 'side' && answer.size[0] === ph && answer.size[1] === pw;
    const asArea = answer.kind === 'area' && answer.area === ph * pw;
    // "1225" for the 35x35 of multiplied kernels: both slips at once.
    const asBareArea = answer.kind === 'side' && answer.oneNumber && answer.size[0] === ph * pw;
    if ((asSide || asArea || asBareArea) && (ph !== rh || pw !== rw)) {
      const typed = formatPlain(ph * pw);
      const bare = asBareArea ? `, and one number is read as the side, so ${typed} means ${typed}x${typed} pixels` : '';
      const derivation = explain();
      const reason = `receptive fields do not multiply (${productText} is the product of the kernel sizes${bare}): ${derivation}`;
      return mark('wrong', asBareArea ? because('rf_multiplied_bare', { product: productText, typed, derivation }, reason) : because('rf_multiplied', { product: productText, derivation }, reason));
    }
  }
  // "57x59" for 57x57: one axis right, named as the output shape's channels are.
  if (answer.kind === 'side' && !answer.oneNumber && (answer.size[0] === rh) !== (answer.size[1] === rw)) {
    const [rightAxis, wrongAxis, right, wrong, typed] =
      answer.size[0] === rh ? (['height', 'width', rh, rw, answer.size[1]] as const) : (['width', 'height', rw, rh, answer.size[0]] as const);
    const derivation = explain();
    return mark(
      'wrong',
      because(
        'rf_one_axis',
        { right_axis: rightAxis, right, wrong_axis: wrongAxis, wrong, typed, derivation },
        `the ${rightAxis} ${right} is right, but the ${wrongAxis} is ${wrong}, not ${typed}: ${derivation}`,
      ),
    );
  }
  const neighbour = neighbourWith(neighbours, (other) => !other.receptiveField.global && sameField(answer, other.receptiveField));
  if (neighbour) return mark('wrong', neighbourReason(text.trim(), info, neighbour, 'rf', explain()));
  if (answer.kind === 'area') {
    const derivation = explain();
    return mark('wrong', because('rf_area', { size, area: formatPlain(area), derivation }, `the area is ${size} = ${formatPlain(area)} px: ${derivation}`));
  }
  return mark('wrong', derivationReason(explain()));
}

/** Product of the effective kernel sizes up to a layer (the mistaken "receptive fields multiply" answer). */
function kernelProducts(summary: NetworkSummary): ([number, number] | null)[] {
  let product: [number, number] | null = [1, 1];
  return summary.layers.map((info) => {
    if (info.status !== 'ok' || !product) {
      product = null;
      return null;
    }
    if (info.geometry) product = [product[0] * info.geometry.effectiveKernel[0], product[1] * info.geometry.effectiveKernel[1]];
    return [product[0], product[1]];
  });
}

function notComputed(index: number): AnswerMark {
  return { status: 'not_computed', expected: '', ...because('not_computed', { layer: index }, `layer ${index} has no numbers yet: fix the first layer marked with an error`) };
}

/**
 * Marks every typed answer of `answers.layers` (entry i is layer i + 1). Empty answers are
 * skipped. Never throws: text that is not a value is marked `unreadable` with what is accepted.
 */
export function checkAnswers(spec: NetworkSpec, answers: { layers: readonly (TypedLayerAnswer | null)[] }): LayerAnswerMarks[] {
  const summary = summarizeNetwork(spec);
  const products = kernelProducts(summary);
  const cache = new Map<number, ReturnType<typeof explainLayer>>();
  const marks: LayerAnswerMarks[] = [];
  const entries = Array.isArray(answers?.layers) ? answers.layers : [];
  entries.forEach((answer, position) => {
    if (!answer) return;
    const index = position + 1;
    const info = summary.layers[position];
    const neighbours: Neighbours = { previous: summary.layers[position - 1], next: summary.layers[position + 1] };
    const result: LayerAnswerMarks = { index };
    const typed = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
    for (const quantity of ['output', 'params', 'rf'] as const) {
      const text = answer[quantity];
      if (!typed(text)) continue;
      if (!info || info.status !== 'ok') {
        result[quantity] = info ? notComputed(index) : { status: 'not_computed', expected: '', ...because('no_layer', { layer: index }, `the network has no layer ${index}`) };
        continue;
      }
      const withDerivation = (mark: AnswerMark): AnswerMark => {
        const own = cache.get(index)?.find((derivation) => derivation.quantity === (quantity === 'rf' ? 'rf_size' : quantity));
        return own && mark.values.derivation === own.text ? { ...mark, derivation: own.message } : mark;
      };
      if (quantity === 'output') result.output = withDerivation(markOutput(text, info, neighbours, () => derivationText(spec, index, 'output', cache)));
      else if (quantity === 'params') result.params = withDerivation(markParams(text, info, spec.layers[position], neighbours, () => derivationText(spec, index, 'params', cache)));
      else result.rf = withDerivation(markReceptiveField(text, info, products[position] ?? null, neighbours, () => derivationText(spec, index, 'rf_size', cache)));
    }
    if (result.output || result.params || result.rf) marks.push(result);
  });
  return marks;
}
