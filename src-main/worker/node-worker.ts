import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerFactory } from './supervisor';

/**
 * Heap limits of the core worker: a request that tries to build something enormous
 * runs out of memory in the worker (which is then restarted), not in the main process.
 */
export const CORE_WORKER_LIMITS: ResourceLimits = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 64,
  stackSizeMb: 8,
};

/** Factory for real worker threads running `scriptPath` (out/main/core-worker.cjs in the app). */
export function nodeWorkerFactory(scriptPath: string, resourceLimits: ResourceLimits = CORE_WORKER_LIMITS): WorkerFactory {
  return () => new Worker(scriptPath, { resourceLimits, stdout: false, stderr: false });
}
