import { describePair, describeValue, formatPlain } from './format';
import type { Pair, LayerIssue } from './info';

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
 * whose message starts with "layer N (type): ". Each reader returns a usable fallback
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

  report(code: string, field: string | undefined, values: Record<string, string | number>, text: string): void {
    const issue: LayerIssue = { code, values, message: `layer ${this.index} (${this.type}): ${text}` };
    if (field !== undefined) issue.field = field;
    this.issues.push(issue);
  }

  private invalid(field: string, value: unknown, expected: string): void {
    this.report('invalid_value', field, { value: describeValue(value) }, `${field} must be ${expected}, got ${describeValue(value)}`);
  }

  positiveInteger(layer: Record<string, unknown>, field: string, fallback?: number): number {
    const value = layer[field];
    if (value === undefined && fallback !== undefined) return fallback;
    if (isPositiveInteger(value)) return value;
    this.invalid(field, value, 'a positive integer');
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
    this.invalid(field, value, `a ${kind} or a pair [height, width] of them`);
    return [minimum, minimum];
  }

  boolean(layer: Record<string, unknown>, field: string, fallback: boolean): boolean {
    const value = layer[field];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.invalid(field, value, 'true or false');
    return fallback;
  }

  /** A finite number within [minimum, maximum]. */
  number(layer: Record<string, unknown>, field: string, fallback: number, minimum = -Infinity, maximum = Infinity): number {
    const value = layer[field];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isFinite(value) && value >= minimum && value <= maximum) return value;
    const range =
      minimum === -Infinity && maximum === Infinity
        ? 'a finite number'
        : maximum === Infinity
          ? `a number of at least ${minimum}`
          : `a number between ${minimum} and ${maximum}`;
    this.invalid(field, value, range);
    return fallback;
  }

  /** "kernel 5 is larger than the padded input 3x3", naming dilation only when there is one. */
  windowTooLarge(effectiveKernel: Pair, dilation: Pair, paddedInput: Pair): void {
    const dilated = dilation[0] > 1 || dilation[1] > 1 ? 'dilated kernel' : 'kernel';
    this.report(
      'kernel_too_large',
      'kernel',
      { effectiveKernel: describePair(effectiveKernel), paddedInput: `${paddedInput[0]}x${paddedInput[1]}` },
      `${dilated} ${describePair(effectiveKernel)} is larger than the padded input ${paddedInput[0]}x${paddedInput[1]}`,
    );
  }

  /** Counts must stay exact in a double. */
  withinExactRange(what: string, value: number): boolean {
    if (Number.isFinite(value) && value <= MAX_EXACT_INTEGER) return true;
    this.report(
      'too_large',
      undefined,
      { quantity: what, value: String(value) },
      `${what} ${value.toPrecision(4)} is above ${formatPlain(MAX_EXACT_INTEGER)} (the largest exact integer); use smaller sizes`,
    );
    return false;
  }
}
