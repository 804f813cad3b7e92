import { chromium, type Browser } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Serves the built renderer (out/renderer, built first if missing; or `outDir`) with `vite
 * preview` on `port` for a browser bench, and resolves once it answers. Kill the returned
 * process when done.
 */
export async function startPreviewServer(port: number, outDir: string | null = null): Promise<ChildProcess> {
  if (!outDir && !existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.log('out/renderer is missing: building it (npx vite build)');
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  const outDirArgs = outDir ? ['--outDir', outDir] : [];
  // vite's own script under node (not npx): killing npx left the preview server running.
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1', ...outDirArgs], { cwd: root, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on port ${port}`);
}

/** Chromium as the e2e tests run it: $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own. */
export function chromiumPath(): string | undefined {
  return process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
}

/**
 * A browser bench's frame: serves the built renderer on `port`, launches Chromium, runs `body`
 * with the browser and the served origin, and always closes both; a failure is printed and
 * exits 1 (the bench runner reports it).
 */
export function runBrowserBench(port: number, body: (browser: Browser, origin: string) => Promise<void>): void {
  const run = async () => {
    const server = await startPreviewServer(port);
    const executablePath = chromiumPath();
    const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
    try {
      await body(browser, `http://127.0.0.1:${port}`);
    } finally {
      await browser.close();
      server.kill();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
