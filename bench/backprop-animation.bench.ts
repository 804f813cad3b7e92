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
import { cpus, loadavg } from 'node:os';
import { frameFigures, frameTimes, printFrameFigures } from './frames';
import { formatMs, writeResults } from './measure';
import { runBrowserBench } from './preview-server';

const PORT = Number(process.env['BENCH_PORT'] ?? 5198);
/** Steps animated: z1 … z4, then dL/dW and dL/db, dL/dX (the scrubber puts the stepper before each run). */
const RUNS: { from: number; steps: number }[] = [
  { from: -1, steps: 4 },
  { from: 9, steps: 14 },
];
/** Longer than one step's animation (900 ms). */
const SAMPLE_MS = 1000;

runBrowserBench(PORT, async (browser, origin) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${origin}/?tour=off#backprop`);
    await page.getByTestId('step-counter').waitFor();
    await page.getByTestId('step-counter').filter({ hasText: '24' }).waitFor();
    await page.getByTestId('tensor-input').scrollIntoViewIfNeeded();
    const idle = await frameTimes(page, null, 2000);
    const animated: number[] = [];
    let steps = 0;
    for (const run of RUNS) {
      await page.getByTestId('step-scrubber').fill(String(run.from));
      for (let k = 0; k < run.steps; k++) {
        animated.push(...(await frameTimes(page, 'step-next', SAMPLE_MS)));
        steps++;
      }
    }
    const result = { loadAverage: loadavg()[0] ?? 0, cores: cpus().length, steps, ...frameFigures(animated, idle) };
    printFrameFigures(`backprop step animation, ${steps} steps`, result, formatMs);
    console.log(`results: ${writeResults('backprop-animation', result)}`);
});
