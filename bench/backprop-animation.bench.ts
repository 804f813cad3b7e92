/**
 * Frame times during the backprop stepper's step animation (issue 10, "Speed"): in Chromium
 * through Playwright, the seed's Q3 case, each of STEPS presses of Next (forward conv cells
 * and backward dL/dW / dL/dX cells: the window slides, the terms are written, the result
 * travels), the time between animation frames recorded in the page for the animation's whole
 * length. Target: p95 under 16.7 ms (one 60 Hz frame). The peer in the same run: the idle
 * page's frames (no animation), so a loaded machine shows as a slow peer, not as our cost.
 *
 * BENCH_PORT=<port> moves the preview server (default 5198).
 */
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { formatMs, writeResults } from './measure';

const root = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env['BENCH_PORT'] ?? 5198);
const FRAME_MS = 1000 / 60;
/** Steps animated: z1 … z4, then dL/dW and dL/db, dL/dX (the scrubber puts the stepper before each run). */
const RUNS: { from: number; steps: number }[] = [
  { from: -1, steps: 4 },
  { from: 9, steps: 14 },
];
/** Longer than one step's animation (900 ms). */
const SAMPLE_MS = 1000;

async function startServer(): Promise<ChildProcess> {
  if (!existsSync(path.join(root, 'out', 'renderer', 'index.html'))) {
    console.log('out/renderer is missing: building it (npx vite build)');
    const build = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('vite build failed');
  }
  // vite's own script under node (not npx), so killing it stops the server.
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const server = spawn(process.execPath, [vite, 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { cwd: root, stdio: 'ignore' });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not start on port ${PORT}`);
}

/** Frame-to-frame times in the page for `ms`, after pressing Next when `press`. */
function frames(page: Page, press: boolean, ms: number): Promise<number[]> {
  // A script string: tsx's helpers (__name) do not exist in the page.
  return page.evaluate(`(async () => {
    const deltas = [];
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    if (${press}) document.querySelector('[data-testid="step-next"]').click();
    const start = performance.now();
    let last = start;
    await new Promise((resolve) => {
      const frame = (time) => {
        deltas.push(time - last);
        last = time;
        if (time - start < ${ms}) requestAnimationFrame(frame);
        else resolve();
      };
      requestAnimationFrame(frame);
    });
    return deltas.slice(1);
  })()`);
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

async function main(): Promise<void> {
  const server = await startServer();
  const executablePath = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/?tour=off#backprop`);
    await page.getByTestId('step-counter').waitFor();
    await page.getByTestId('step-counter').filter({ hasText: '24' }).waitFor();
    await page.getByTestId('tensor-input').scrollIntoViewIfNeeded();
    const idle = await frames(page, false, 2000);
    const animated: number[] = [];
    let steps = 0;
    for (const run of RUNS) {
      await page.getByTestId('step-scrubber').fill(String(run.from));
      for (let k = 0; k < run.steps; k++) {
        animated.push(...(await frames(page, true, SAMPLE_MS)));
        steps++;
      }
    }
    const result = {
      loadAverage: loadavg()[0] ?? 0,
      cores: cpus().length,
      steps,
      frames: animated.length,
      frameBudgetMs: FRAME_MS,
      animationMedianMs: quantile(animated, 0.5),
      animationP95Ms: quantile(animated, 0.95),
      animationMaxMs: Math.max(...animated),
      idleMedianMs: quantile(idle, 0.5),
      idleP95Ms: quantile(idle, 0.95),
      p95RatioToIdle: quantile(animated, 0.95) / quantile(idle, 0.95),
      met: quantile(animated, 0.95) < FRAME_MS,
    };
    console.log(`backprop step animation, ${steps} steps, ${animated.length} frames (load ${result.loadAverage.toFixed(2)} on ${result.cores} cores)`);
    console.log(`  animating: median ${formatMs(result.animationMedianMs)}, p95 ${formatMs(result.animationP95Ms)}, max ${formatMs(result.animationMaxMs)}`);
    console.log(`  idle page: median ${formatMs(result.idleMedianMs)}, p95 ${formatMs(result.idleP95Ms)} (animation p95 / idle p95 = ${result.p95RatioToIdle.toFixed(2)})`);
    console.log(`  target p95 < ${formatMs(FRAME_MS)}: ${result.met ? 'met' : 'NOT met'}`);
    console.log(`results: ${writeResults('backprop-animation', result)}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
