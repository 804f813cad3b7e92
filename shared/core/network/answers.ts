import { explainLayer } from './explain';
import { describePair, formatPlain } from './format';
import type { ComputedLayerInfo, NetworkSummary } from './info';
import type { NetworkSpec } from './spec';
import { summarizeNetwork } from './summarize';

/**
 * Answer checking: a student's typed output shape, parameter count and receptive field per
 * layer, read leniently ("62x62x64", "64×62×62", "[64, 62, 62]", "51,264", "۵۱٬۲۶۴", "11",
 * "11x11", "121 px") and marked against the engine's record, with the reason when wrong.
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

export interface AnswerMark {
  status: AnswerStatus;
  /** The engine's value, as text ("64x62x62 (channels first) = 62x62x64 (channels last)"). */
  expected: string;
  /** Why it is right or wrong, with the formula and values filled in. */
  reason: string;
}

export interface LayerAnswerMarks {
  /** 1-based layer */
  index: number;
  output?: AnswerMark;
  params?: AnswerMark;
  rf?: AnswerMark;
}

const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** Persian / Arabic-Indic digits and separators to ASCII, so a Persian keyboard's answer reads the same. */
export function normalizeDigits(text: string): string {
  let result = '';
  for (const char of text) {
    const persian = PERSIAN_DIGITS.indexOf(char);
    const arabic = ARABIC_DIGITS.indexOf(char);
    if (persian >= 0) result += String(persian);
    else if (arabic >= 0) result += String(arabic);
    else if (char === '٬') result += ',';
    else if (char === '٫') result += '.';
    else if (char === '×' || char === '*' || char === '✕') result += 'x';
    else result += char;
  }
  return result;
}

/** A count such as "51,264", "51 264", "51264" or "6.55M"-free plain integer; null when it is not one. */
export function parseCount(text: string): number | null {
  const cleaned = normalizeDigits(text).trim().replace(/[\s_']/g, '');
  if (/^\d{1,3}(,\d{3})+$/.test(cleaned)) return Number(cleaned.replace(/,/g, ''));
  if (/^\d+$/.test(cleaned)) return Number(cleaned);
  return null;
}

/** "62x62x64", "[64, 62, 62]", "(62, 62, 64)", "1024" → the numbers in order; null when not a shape. */
export function parseShapeAnswer(text: string): number[] | null {
  const cleaned = normalizeDigits(text).trim().replace(/^[[(]\s*/, '').replace(/\s*[\])]$/, '');
  if (cleaned === '') return null;
  const single = parseCount(cleaned);
  if (single !== null) return [single];
  const parts = cleaned.split(/\s*(?:x|,|\s)\s*/i).filter((part) => part !== '');
  if (parts.length < 2 || !parts.every((part) => /^\d+$/.test(part))) return null;
  return parts.map(Number);
}

/** A receptive-field answer: one side ("11"), both sides ("11x11"), an area ("121 px", "121 px²"), or the whole input. */
export type ReceptiveFieldAnswer =
  | { kind: 'side'; size: [number, number]; area?: number }
  | { kind: 'area'; area: number }
  | { kind: 'whole' };

export function parseReceptiveFieldAnswer(text: string): ReceptiveFieldAnswer | null {
  const cleaned = normalizeDigits(text).trim().toLowerCase();
  if (/^(whole( input)?|all|global|entire( input)?|full( input)?)$/.test(cleaned)) return { kind: 'whole' };
  const area = /^(.+?)\s*(px²|px\^?2|px|pixels?|پیکسل)$/.exec(cleaned);
  if (area?.[1] !== undefined) {
    const value = parseCount(area[1]);
    return value === null ? null : { kind: 'area', area: value };
  }
  const shape = parseShapeAnswer(cleaned);
  if (shape?.length === 1) return { kind: 'side', size: [shape[0]!, shape[0]!], area: shape[0]! };
  if (shape?.length === 2) return { kind: 'side', size: [shape[0]!, shape[1]!] };
  return null;
}

function shapeText(shape: readonly number[]): string {
  return shape.join('x');
}

/** "64x62x62 (channels first, as PyTorch) = 62x62x64 (channels last)" */
function expectedShapeText(shape: readonly number[]): string {
  if (shape.length !== 3) return shapeText(shape);
  const [c, h, w] = shape as [number, number, number];
  return `${c}x${h}x${w} (channels first, as PyTorch) = ${h}x${w}x${c} (channels last)`;
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

function markOutput(text: string, info: ComputedLayerInfo, explain: () => string): AnswerMark {
  const expected = expectedShapeText(info.outputShape);
  const answer = parseShapeAnswer(text);
  if (!answer) {
    return { status: 'unreadable', expected, reason: `"${text}" is not a shape; write it as 62x62x64, 64x62x62 or [64, 62, 62]` };
  }
  const shape = info.outputShape;
  if (sameNumbers(answer, shape)) return { status: 'right', expected, reason: explain() };
  if (shape.length === 3) {
    const [c, h, w] = shape as [number, number, number];
    if (sameNumbers(answer, [h, w, c])) return { status: 'right', expected, reason: `${explain()} (channels last: ${h}x${w}x${c})` };
    if (answer.length === 3) {
      const [a, b, d] = answer as [number, number, number];
      // The answer's spatial part may be first (channels last) or last (channels first); pick the reading whose spatial size agrees.
      const channelsLast = a === h && b === w;
      const channelsFirst = b === h && d === w;
      const answeredChannels = channelsLast ? d : channelsFirst ? a : undefined;
      if (answeredChannels !== undefined && answeredChannels !== c) {
        return {
          status: 'wrong',
          expected,
          reason: `the height and width ${h}x${w} are right, but the channels are ${c}, not ${answeredChannels}: ${channelReason(info)}; ${explain()}`,
        };
      }
    }
  }
  if (answer.length !== shape.length) {
    return { status: 'wrong', expected, reason: `the output has ${shape.length} axes (${expected}), not ${answer.length}: ${explain()}` };
  }
  return { status: 'wrong', expected, reason: explain() };
}

/** Why the channel count is what it is, for the layer types that set it. */
function channelReason(info: ComputedLayerInfo): string {
  const channels = info.outputShape[0]!;
  if (info.type === 'conv2d' || info.type === 'convtranspose2d') return `a convolution outputs one channel per filter (out_channels = ${channels})`;
  return `this layer keeps the ${channels} channels of its input`;
}

function markParams(text: string, info: ComputedLayerInfo, explain: () => string): AnswerMark {
  const total = info.params.trainable + info.params.buffers;
  const expected =
    info.params.buffers > 0
      ? `${formatPlain(info.params.trainable)} trainable + ${formatPlain(info.params.buffers)} buffers`
      : formatPlain(total);
  const answer = parseCount(text);
  if (answer === null) return { status: 'unreadable', expected, reason: `"${text}" is not a whole number; write it as 51,264 or 51264` };
  if (answer === info.params.trainable || answer === total) return { status: 'right', expected, reason: explain() };
  const withoutBias = biasFree(info);
  if (withoutBias !== null && answer === withoutBias) {
    return { status: 'wrong', expected, reason: `each output unit also has a bias (+1 per filter or output): ${explain()}` };
  }
  return { status: 'wrong', expected, reason: explain() };
}

/** The weight count without biases, for conv and linear layers with bias (a common slip). */
function biasFree(info: ComputedLayerInfo): number | null {
  if (info.type === 'linear') {
    const outFeatures = info.outputShape[info.outputShape.length - 1]!;
    const inFeatures = info.inputShape[info.inputShape.length - 1]!;
    return info.params.trainable === (inFeatures + 1) * outFeatures ? inFeatures * outFeatures : null;
  }
  if (info.type === 'conv2d' || info.type === 'convtranspose2d') {
    const bias = info.outputShape[0]!;
    return info.params.trainable - bias;
  }
  return null;
}

function markReceptiveField(
  text: string,
  info: ComputedLayerInfo,
  kernelProduct: [number, number] | null,
  explain: () => string,
): AnswerMark {
  const field = info.receptiveField;
  const [rh, rw] = field.size;
  const sideText = describePair([rh, rw]);
  const expected = field.global ? `the whole input (r = ${sideText})` : `${sideText} (${rh}x${rw} = ${formatPlain(rh * rw)} px)`;
  const answer = parseReceptiveFieldAnswer(text);
  if (!answer) {
    return { status: 'unreadable', expected, reason: `"${text}" is not a receptive field; write one side (11), both (11x11) or the area (121 px)` };
  }
  if (answer.kind === 'whole') {
    return field.global
      ? { status: 'right', expected, reason: explain() }
      : { status: 'wrong', expected, reason: `units of this layer see ${rh}x${rw} input pixels, not the whole input: ${explain()}` };
  }
  const matchesSide = answer.kind === 'side' && answer.size[0] === rh && answer.size[1] === rw;
  const matchesArea = (answer.kind === 'area' || answer.area !== undefined) && answer.area === rh * rw;
  if (matchesSide || matchesArea) return { status: 'right', expected, reason: explain() };
  if (kernelProduct) {
    const [ph, pw] = kernelProduct;
    const multiplied =
      (answer.kind === 'side' && answer.size[0] === ph && answer.size[1] === pw) ||
      ((answer.kind === 'area' || answer.area !== undefined) && answer.area === ph * pw);
    if (multiplied && (ph !== rh || pw !== rw)) {
      return {
        status: 'wrong',
        expected,
        reason: `receptive fields do not multiply (${describePair([ph, pw])} is the product of the kernel sizes): ${explain()}`,
      };
    }
  }
  if (answer.kind === 'area') return { status: 'wrong', expected, reason: `the area is ${rh}x${rw} = ${formatPlain(rh * rw)} px: ${explain()}` };
  return { status: 'wrong', expected, reason: explain() };
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
  return { status: 'not_computed', expected: '', reason: `layer ${index} has no numbers yet: fix the first layer marked with an error` };
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
    const result: LayerAnswerMarks = { index };
    const typed = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
    for (const quantity of ['output', 'params', 'rf'] as const) {
      const text = answer[quantity];
      if (!typed(text)) continue;
      if (!info || info.status !== 'ok') {
        result[quantity] = info ? notComputed(index) : { status: 'not_computed', expected: '', reason: `the network has no layer ${index}` };
        continue;
      }
      if (quantity === 'output') result.output = markOutput(text, info, () => derivationText(spec, index, 'output', cache));
      else if (quantity === 'params') result.params = markParams(text, info, () => derivationText(spec, index, 'params', cache));
      else result.rf = markReceptiveField(text, info, products[position] ?? null, () => derivationText(spec, index, 'rf_size', cache));
    }
    if (result.output || result.params || result.rf) marks.push(result);
  });
  return marks;
}
