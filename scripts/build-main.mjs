// Bundles the Electron side with esbuild:
//   src-main/main.ts               -> out/main/main.cjs        (main process)
//   src-main/worker/core-worker.ts -> out/main/core-worker.cjs (worker thread hosting the core)
//   src-main/preload/preload.ts    -> out/preload/preload.cjs  (sandboxed preload)
// A sandboxed preload can only require('electron'), so the build fails if the preload
// bundle requires anything else.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Electron 45 ships Node 22 and Chromium 140. */
const common = {
  bundle: true,
  format: 'cjs',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: repoRoot,
  metafile: true,
};

/** @param {import('esbuild').Metafile} metafile */
function externalImports(metafile) {
  const found = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const entry of output.imports) if (entry.external) found.add(entry.path);
  }
  return [...found].sort();
}

/**
 * @param {{ outDir?: string, minify?: boolean }} [options] outDir is relative to the repo root or absolute.
 * @returns {Promise<{ main: string, worker: string, preload: string, externals: string[] }>} absolute
 *   paths of the bundles, and the packages they load at run time (everything else is inlined)
 */
export async function buildMain(options = {}) {
  const outDir = path.resolve(repoRoot, options.outDir ?? 'out');
  const minify = options.minify ?? false;
  const main = path.join(outDir, 'main', 'main.cjs');
  const worker = path.join(outDir, 'main', 'core-worker.cjs');
  const preload = path.join(outDir, 'preload', 'preload.cjs');

  const [mainResult, workerResult, preloadResult] = await Promise.all([
    build({ ...common, minify, entryPoints: ['src-main/main.ts'], outfile: main, platform: 'node', target: 'node22', external: ['electron'] }),
    build({ ...common, minify, entryPoints: ['src-main/worker/core-worker.ts'], outfile: worker, platform: 'node', target: 'node22' }),
    build({ ...common, minify, entryPoints: ['src-main/preload/preload.ts'], outfile: preload, platform: 'browser', target: 'chrome140', external: ['electron'] }),
  ]);

  const preloadExternals = externalImports(preloadResult.metafile);
  if (preloadExternals.some((name) => name !== 'electron')) {
    throw new Error(`the sandboxed preload may only require 'electron', but the bundle requires: ${preloadExternals.join(', ')}`);
  }
  const externals = [...new Set([mainResult, workerResult, preloadResult].flatMap((result) => externalImports(result.metafile)))].sort();
  return { main, worker, preload, externals };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.argv[2];
  buildMain({ outDir }).then(
    (paths) => {
      for (const file of [paths.main, paths.worker, paths.preload]) console.log(`built ${path.relative(repoRoot, file)}`);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
