import type { CoreMethod } from './core-api';

/**
 * Time limits of core calls that may legitimately run long (a caller's own `timeoutMs`
 * still wins). Quick calls keep the client's default; a limit only ends a call that has
 * stopped answering, so these are generous.
 */
export const CORE_METHOD_TIME_LIMITS_MS: Partial<Record<CoreMethod, number>> = {
  // Seeded-random weights on a VGG-deep network take seconds; it yields and can be cancelled.
  effectiveReceptiveField: 120_000,
  // Training and region counts yield, report progress and can be cancelled; the limits only catch a hang.
  gradientFlow: 120_000,
  trainNetwork: 900_000,
  linearRegions: 120_000,
  sameBudget: 900_000,
};

export function timeLimitFor(method: string, defaultMs: number, requestedMs?: number): number {
  const limits = CORE_METHOD_TIME_LIMITS_MS as Record<string, number | undefined>;
  return requestedMs ?? (Object.hasOwn(limits, method) ? limits[method] : undefined) ?? defaultMs;
}
