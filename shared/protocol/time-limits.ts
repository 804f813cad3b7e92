import type { CoreMethod } from './core-api';

/**
 * The one table of core-call time limits, read by every client of the engine: the
 * renderer's Web Worker and Electron adapters and main's supervisor. A caller's own
 * `timeoutMs` wins; the Electron adapter passes the limit it uses to main, so main never
 * ends a call sooner than the renderer allowed. A limit only ends a call that has stopped
 * answering, so these are generous.
 */

/** Limit of a call the table below does not name. */
export const DEFAULT_CORE_TIME_LIMIT_MS = 30_000;

/**
 * The longest limit a caller may ask for (main refuses more from the renderer): the longest
 * entry of the table below, so the Electron adapter can hand main every limit it uses.
 */
export const MAX_CORE_TIME_LIMIT_MS = 15 * 60_000;

/** Methods that may legitimately run long. */
export const CORE_METHOD_TIME_LIMITS_MS: Partial<Record<CoreMethod, number>> = {
  // Seeded-random weights on a VGG-deep network take seconds; it yields and can be cancelled.
  effectiveReceptiveField: 120_000,
  // Two forward passes per input, weight and bias cell of the largest allowed case.
  backpropGradientCheck: 60_000,
  // Training and region counts yield, report progress and can be cancelled; the limits only catch
  // a hang. A run at the work limit (5e9) with batch size 1 through 50 narrow layers takes about
  // 7 minutes of one shared core here, so training gets twice that.
  gradientFlow: 120_000,
  trainNetwork: MAX_CORE_TIME_LIMIT_MS,
  linearRegions: 120_000,
  sameBudget: MAX_CORE_TIME_LIMIT_MS,
  overfittingLab: MAX_CORE_TIME_LIMIT_MS,
  // Trains both runs again up to the epoch shown: at most as long as the lab itself.
  overfittingExplain: MAX_CORE_TIME_LIMIT_MS,
};

/**
 * How much longer the renderer waits than the limit it hands to main: main's own timeout,
 * which replaces a stuck worker, normally answers first; this only covers a lost reply.
 */
export const IPC_TIME_LIMIT_MARGIN_MS = 2_000;

/** The time limit of one call of `method`: the caller's `requestedMs`, else the table's. */
export function timeLimitFor(method: string, requestedMs?: number): number {
  const limits = CORE_METHOD_TIME_LIMITS_MS as Record<string, number | undefined>;
  return requestedMs ?? (Object.hasOwn(limits, method) ? limits[method] : undefined) ?? DEFAULT_CORE_TIME_LIMIT_MS;
}
