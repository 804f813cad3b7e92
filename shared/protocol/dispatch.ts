import { z } from 'zod';
import { describeValue } from '../core/network/format';
import type { CoreApi, CoreMethod } from './core-api';
import { CoreError, type CoreProgress, type CoreReply, type ToWorker } from './messages';
import { networkSpecSchema } from './network-schema';
import { lossSurfaceRequestSchema, optimizeProblemSchema } from './optimize-schema';
import { checkAnswersPayloadSchema, exportNetworkPayloadSchema, importCodePayloadSchema, solveSettingsPayloadSchema } from './builder-schema';
import { backpropCaseSchema } from './backprop-schema';
import { effectiveFieldPayloadSchema, unitRegionPayloadSchema } from './receptive-schema';
import { budgetPayloadSchema, gradientFlowPayloadSchema, overfittingExplainPayloadSchema, overfittingPayloadSchema, regionsPayloadSchema, trainPayloadSchema } from './dense-schema';
import { biasVarianceExplainPayloadSchema, biasVariancePayloadSchema, doubleDescentExplainPayloadSchema, doubleDescentPayloadSchema } from './regression-schema';

/**
 * Payload schema of every core method: the worker validates each request before the core
 * sees it, whichever process sent it.
 */
export const corePayloadSchemas = {
  summarize: z.object({ spec: networkSpecSchema }),
  explain: z.object({ spec: networkSpecSchema, index: z.number().int().min(1) }),
  optimize: z.object({ problem: optimizeProblemSchema }),
  optimizeSurface: lossSurfaceRequestSchema,
  optimizeExplain: z.object({ problem: optimizeProblemSchema, step: z.number().int().min(1) }),
  checkAnswers: checkAnswersPayloadSchema,
  solveSettings: solveSettingsPayloadSchema,
  importCode: importCodePayloadSchema,
  exportNetwork: exportNetworkPayloadSchema,
  backprop: z.object({ case: backpropCaseSchema }),
  backpropGradientCheck: z.object({ case: backpropCaseSchema }),
  unitRegion: unitRegionPayloadSchema,
  effectiveReceptiveField: effectiveFieldPayloadSchema,
  gradientFlow: gradientFlowPayloadSchema,
  trainNetwork: trainPayloadSchema,
  linearRegions: regionsPayloadSchema,
  sameBudget: budgetPayloadSchema,
  overfittingLab: overfittingPayloadSchema,
  overfittingExplain: overfittingExplainPayloadSchema,
  biasVariance: biasVariancePayloadSchema,
  biasVarianceExplain: biasVarianceExplainPayloadSchema,
  doubleDescent: doubleDescentPayloadSchema,
  doubleDescentExplain: doubleDescentExplainPayloadSchema,
} satisfies Record<CoreMethod, z.ZodType>;

export function isCoreMethod(type: unknown): type is CoreMethod {
  return typeof type === 'string' && Object.hasOwn(corePayloadSchemas, type);
}

function formatZodError(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

export interface DispatcherOptions {
  /** Lets the host process messages (a cancel) in the middle of an asynchronous method. Default: a 0 ms timer. */
  yieldToHost?: () => Promise<void>;
  /** Longest run between two yields of an asynchronous method. Default 8 ms. */
  sliceMs?: number;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * The worker side of the protocol, free of any transport: give it each incoming message,
 * send back what it returns (null for a cancel). Used by the Node worker (src-main/worker)
 * and the browser Web Worker alike.
 *
 * Asynchronous methods (those returning a promise, e.g. effectiveReceptiveField) get a
 * `Cooperation` as their second argument: its checkpoint yields to the host every `sliceMs`,
 * so a cancel message is seen while the method runs, and then throws a `cancelled` CoreError;
 * its `progress(partial)` sends `{ kind: 'progress', id, progress }` through `respond` at once
 * (nothing after a cancel). Their reply goes to `respond` when ready (`handle` returns null for them).
 */
export function createDispatcher(core: CoreApi, options: DispatcherOptions = {}) {
  /** Cancels that arrived before their request (ids above any request seen so far). */
  const cancelled = new Set<number>();
  const running = new Map<number, { stop: boolean }>();
  /** Request ids only grow (one client per dispatcher), so a cancel at or below this one is for a request already answered. */
  let highestRequest = -Infinity;
  const yieldToHost = options.yieldToHost ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const sliceMs = options.sliceMs ?? 8;
  const errorReply = (id: number, type: string, error: unknown): CoreReply => {
    if (error instanceof CoreError) return { kind: 'reply', id, ok: false, error: error.toData() };
    const text = error instanceof Error ? error.message : String(error);
    return { kind: 'reply', id, ok: false, error: { code: 'internal', message: `internal error in ${type}: ${text}` } };
  };
  return {
    handle(message: unknown, respond?: (reply: CoreReply | CoreProgress) => void): CoreReply | null {
      if (typeof message !== 'object' || message === null) {
        return { kind: 'reply', id: -1, ok: false, error: { code: 'unknown_type', message: 'message is not an object' } };
      }
      const msg = message as Partial<ToWorker>;
      const id = typeof msg.id === 'number' ? msg.id : -1;
      if (msg.kind === 'cancel') {
        const flag = running.get(id);
        if (flag) flag.stop = true;
        // A cancel that crossed its reply is dropped, not kept forever.
        else if (id > highestRequest) cancelled.add(id);
        return null;
      }
      if (msg.kind !== 'request') {
        return { kind: 'reply', id, ok: false, error: { code: 'unknown_type', message: `unknown message kind ${describeValue(msg.kind)}` } };
      }
      highestRequest = Math.max(highestRequest, id);
      if (cancelled.delete(id)) {
        return { kind: 'reply', id, ok: false, error: { code: 'cancelled', message: 'cancelled' } };
      }
      const type = msg.type;
      if (!isCoreMethod(type)) {
        return {
          kind: 'reply',
          id,
          ok: false,
          error: { code: 'unknown_type', message: `unknown request type ${describeValue(type)}; known: ${Object.keys(corePayloadSchemas).join(', ')}` },
        };
      }
      let parsed;
      try {
        parsed = corePayloadSchemas[type].safeParse(msg.payload);
      } catch (error) {
        // A schema refuses; if one ever throws, the reply says so instead of the worker dying.
        return errorReply(id, type, error);
      }
      if (!parsed.success) {
        return { kind: 'reply', id, ok: false, error: { code: 'invalid_request', message: formatZodError(parsed.error) } };
      }
      const flag = { stop: false };
      let sliceStart = Date.now();
      const cooperation = {
        async checkpoint(): Promise<void> {
          if (Date.now() - sliceStart >= sliceMs) {
            await yieldToHost();
            sliceStart = Date.now();
          }
          if (flag.stop) throw new CoreError({ code: 'cancelled', message: 'cancelled' });
        },
        progress(partial: unknown): void {
          if (!flag.stop) respond?.({ kind: 'progress', id, progress: partial });
        },
      };
      try {
        const method = core[type] as (payload: unknown, cooperation: unknown) => unknown;
        const result = method.call(core, parsed.data, cooperation);
        if (!isThenable(result)) return { kind: 'reply', id, ok: true, result };
        running.set(id, flag);
        result.then(
          (value) => {
            running.delete(id);
            respond?.({ kind: 'reply', id, ok: true, result: value });
          },
          (error: unknown) => {
            running.delete(id);
            respond?.(errorReply(id, type, error));
          },
        );
        return null;
      } catch (error) {
        return errorReply(id, type, error);
      }
    },
  };
}
