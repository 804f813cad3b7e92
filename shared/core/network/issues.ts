import { describePair, describeValue, formatPlain } from './format';
import type { Pair, LayerIssue } from './info';

/**
 * Every code a `LayerIssue` can have. The English and Persian phrasebooks
 * (shared/messages/layer-issues) phrase each one from its values; their test enumerates this
 * list, so a new code without a phrase fails.
 */
export const LAYER_ISSUE_CODES = [
  'invalid_value',
  'kernel_too_large',
  'too_large',
  'groups_mismatch',
  'same_padding_stride',
  'output_padding_too_large',
  'output_too_small',
  'pool_padding_too_large',
  'wrong_rank',
  'not_an_object',
  'unknown_type',
  'invalid_spec',
  'invalid_input',
  'input_too_large',
  'invalid_layers',
  'unreadable',
] as const;
export type LayerIssueCode = (typeof LAYER_ISSUE_CODES)[number];

/**
 * What an `invalid_value` expected (values.expected): a code the phrasebooks phrase, with
 * `minimum`/`maximum` (and for softmax's dim `rank` and `inputShape`) among the values.
 */
export const EXPECTATION_CODES = [
  'positive_integer',
  'positive_integer_or_pair',
  'non_negative_integer_or_pair',
  'boolean',
  'finite_number',
  'number_at_least',
  'number_between',
  'conv_padding',
  'softmax_dim',
] as const;
export type ExpectationCode = (typeof EXPECTATION_CODES)[number];

/** The counts that must stay exact (values.quantity of a `too_large` issue). */
export const EXACT_QUANTITY_CODES = [
  'output_memory',
  'parameter_count',
  'buffer_count',
  'flop_count',
  'total_parameter_count',
  'total_buffer_count',
  'total_flop_count',
  'total_memory',
] as const;
export type ExactQuantityCode = (typeof EXACT_QUANTITY_CODES)[number];

const EXACT_QUANTITY_WORDS: Record<ExactQuantityCode, string> = {
  output_memory: 'output memory in bytes',
  parameter_count: 'parameter count',
  buffer_count: 'buffer count',
  flop_count: 'FLOP count',
  total_parameter_count: 'total parameter count',
  total_buffer_count: 'total buffer count',
  total_flop_count: 'total FLOP count',
  total_memory: 'total activation memory in bytes',
};

/** Largest integer a double holds exactly; every count above it is reported as an error. */
export const MAX_EXACT_INTEGER = Number.MAX_SAFE_INTEGER;

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

export function isNonNegativeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Reads and checks the fields of one layer, collecting every problem as a `LayerIssue`
 * whose message starts with "layer N (type): " (values `layer` and `layerType` carry them). Each reader returns a usable fallback
 * after a problem so all field problems of a layer are reported together.
 */
export class LayerChecker {
  readonly issues: LayerIssue[] = [];

  constructor(
    readonly index: number,
    readonly type: string,
  ) {}

  get failed(): boolean {
    return this.issues.length > 0;
  }

  report(code: LayerIssueCode, field: string | undefined, values: Record<string, string | number>, text: string): void {
    const issue: LayerIssue = { code, values: { layer: this.index, layerType: this.type, ...values }, message: `layer ${this.index} (${this.type}): ${text}` };
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  private invalid(field: string, value: unknown, expected: ExpectationCode, text: string, bounds: Record<string, number> = {}): void {
    this.report('invalid_value', field, { field, expected, value: describeValue(value), ...bounds }, `${field} must be ${text}, got ${describeValue(value)}`);
  }

  positiveInteger(layer: Record<string, unknown>, field: string, fallback?: number): number {
    const value = layer[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (isPositiveInteger(value)) return value;
    this.invalid(field, value, 'positive_integer', 'a positive integer');
    return 1;
  }

  /** A size per axis given as n or [h, w]; `minimum` is 1 for kernels and strides, 0 for paddings. */
  pair(layer: Record<string, unknown>, field: string, minimum: 0 | 1, fallback?: Pair): Pair {
    const value = layer[field];
    if (value === undefined && fallback !== undefined) return fallback;
    const accepts = minimum === 1 ? isPositiveInteger : isNonNegativeInteger;
    if (accepts(value)) return [value, value];
    if (Array.isArray(value) && value.length === 2 && accepts(value[0]) && accepts(value[1])) {
      return [value[0], value[1]];
    }
    const kind = minimum === 1 ? 'positive integer' : 'non-negative integer';
    this.invalid(field, value, minimum === 1 ? 'positive_integer_or_pair' : 'non_negative_integer_or_pair', `a ${kind} or a pair [height, width] of them`);
    return [minimum, minimum];
  }

  boolean(layer: Record<string, unknown>, field: string, fallback: boolean): boolean {
    const value = layer[field];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.invalid(field, value, 'boolean', 'true or false');
    return fallback;
  }

  /** A finite number within [minimum, maximum]. */
  number(layer: Record<string, unknown>, field: string, fallback: number, minimum = -Infinity, maximum = Infinity): number {
    const value = layer[field];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum) return value;
    if (minimum === -Infinity && maximum === Infinity) this.invalid(field, value, 'finite_number', 'a finite number');
    else if (maximum === Infinity) this.invalid(field, value, 'number_at_least', `a number of at least ${minimum}`, { minimum });
    else this.invalid(field, value, 'number_between', `a number between ${minimum} and ${maximum}`, { minimum, maximum });
    return fallback;
  }

  /** "kernel 5 is larger than the padded input 3x3", naming dilation only when there is one. */
  windowTooLarge(effectiveKernel: Pair, dilation: Pair, paddedInput: Pair): void {
    const dilated = dilation[0] > 1 || dilation[1] > 1 ? 'dilated kernel' : 'kernel';
    this.report(
      'kernel_too_large',
      'kernel',
      { effectiveKernel: describePair(effectiveKernel), paddedHeight: paddedInput[0], paddedWidth: paddedInput[1], kernelKind: dilated === 'kernel' ? 'kernel' : 'dilated_kernel' },
      `${dilated} ${describePair(effectiveKernel)} is larger than the padded input ${paddedInput[0]}x${paddedInput[1]}`,
    );
  }

  /** Counts must stay exact in a double. */
  withinExactRange(quantity: ExactQuantityCode, value: number): boolean {
    if (Number.isFinite(value) && value <= MAX_EXACT_INTEGER) return true;
    const what = EXACT_QUANTITY_WORDS[quantity];
    this.report(
      'too_large',
      undefined,
      { quantity, value: value.toPrecision(4), limit: formatPlain(MAX_EXACT_INTEGER) },
      `${what} ${value.toPrecision(4)} is above ${formatPlain(MAX_EXACT_INTEGER)} (the largest exact integer); use smaller sizes`,
    );
    return false;
  }
}
