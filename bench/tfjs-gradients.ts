import { build } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TF from '@tensorflow/tfjs-core';

/**
 * TF.js with its gradients, as a benchmark peer: the CommonJS build Node loads has no gradient
 * functions, and the ESM build (with register_all_gradients) uses extensionless imports Node
 * refuses. esbuild bundles core, gradients and the CPU backend into one module (one engine
 * instance); `bundleName` keeps benches that run side by side from sharing a file.
 */
export async function loadTfjsWithGradients(bundleName: string): Promise<typeof TF> {
  const outfile = path.resolve(import.meta.dirname, '..', 'bench-results', `.tfjs-with-gradients-${bundleName}.cjs`);
  await build({
    stdin: {
      contents: "export * from '@tensorflow/tfjs-core'; import '@tensorflow/tfjs-core/dist/register_all_gradients'; import '@tensorflow/tfjs-backend-cpu';",
      resolveDir: path.resolve(import.meta.dirname, '..'),
      loader: 'js',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    mainFields: ['module', 'main'],
    outfile,
    logLevel: 'error',
  });
  return createRequire(import.meta.url)(outfile) as typeof TF;
}
