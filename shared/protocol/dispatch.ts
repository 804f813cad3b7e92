import { z } from 'zod';
import type { CoreApi, CoreMethod } from './core-api';
import { CoreError, type CoreReply, type ToWorker } from './messages';
import { networkSpecSchema } from './network-schema';
import { lossSurfaceRequestSchema, optimizeProblemSchema } from './optimize-schema';
import { checkAnswersPayloadSchema, exportNetworkPayloadSchema, importCodePayloadSchema, solveSettingsPayloadSchema } from './builder-schema';
import { backpropCaseSchema } from './backprop-schema';

/**
 * Payload schema of every core method: the worker validates each request before the core
 * sees it, whichever process sent it.
 */
export const corePayloadSchemas = {
  summarize: z.object({ spec: networkSpecSchema }),
  explain: z.object({ spec: networkSpecSchema, index: z.number().int().min(1) }),
  checkAnswers: checkAnswersPayloadSchema,
  optimize: z.object({ problem: optimizeProblemSchema }),
  optimizeSurface: lossSurfaceRequestSchema,
  optimizeExplain: z.object({ problem: optimizeProblemSchema, step: z.number().int().min(1) }),
  solveSettings: solveSettingsPayloadSchema,
  importCode: importCodePayloadSchema,
  exportNetwork: exportNetworkPayloadSchema,
  backprop: z.object({ case: backpropCaseSchema }),
  backpropGradientCheck: z.object({ case: backpropCaseSchema }),
} satisfies Record<CoreMethod, z.ZodType>;

export function isCoreMethod(type: unknown): type is CoreMethod {
  return typeof type === 'string' && Object.hasOwn(corePayloadSchemas, type);
}

function formatZodError(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

/**
 * The worker side of the protocol, free of any transport: give it each incoming message,
 * send back what it returns (null for a cancel). Used by the Node worker (src-main/worker)
 * and the browser Web Worker alike.
 */
export function createDispatcher(core: CoreApi) {
  const cancelled = new Set<number>();
  return {
    handle(message: unknown): CoreReply | null {
      if (typeof message !== 'object' || message === null) {
        return { kind: 'reply', id: -1, ok: false, error: { code: 'unknown_type', message: 'message is not an object' } };
      }
      const msg = message as Partial<ToWorker>;
      const id = typeof msg.id === 'number' ? msg.id : -1;
      if (msg.kind === 'cancel') {
        cancelled.add(id);
        return null;
      }
      if (msg.kind !== 'request') {
        return { kind: 'reply', id, ok: false, error: { code: 'unknown_type', message: `unknown message kind ${JSON.stringify(msg.kind)}` } };
      }
      if (cancelled.delete(id)) {
        return { kind: 'reply', id, ok: false, error: { code: 'cancelled', message: 'cancelled' } };
      }
      const type = msg.type;
      if (!isCoreMethod(type)) {
        return {
          kind: 'reply',
          id,
          ok: false,
          error: { code: 'unknown_type', message: `unknown request type ${JSON.stringify(type)}; known: ${Object.keys(corePayloadSchemas).join(', ')}` },
        };
      }
      const parsed = corePayloadSchemas[type].safeParse(msg.payload);
      if (!parsed.success) {
        return { kind: 'reply', id, ok: false, error: { code: 'invalid_request', message: formatZodError(parsed.error) } };
      }
      try {
        const method = core[type] as (payload: unknown) => unknown;
        return { kind: 'reply', id, ok: true, result: method.call(core, parsed.data) };
      } catch (error) {
        if (error instanceof CoreError) return { kind: 'reply', id, ok: false, error: error.toData() };
        const text = error instanceof Error ? error.message : String(error);
        return { kind: 'reply', id, ok: false, error: { code: 'internal', message: `internal error in ${type}: ${text}` } };
      }
    },
  };
}
