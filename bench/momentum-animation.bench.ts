/**
 * Frame times during the optimizer's animated momentum step (issue 10, "Speed"): in Chromium
 * through Playwright, the seed's Q4 (SGD with momentum beside Adam, both animating on one clock),
 * each press of Step: the two parts of the update drawn head to tail, their sum, the point's
 * glide, the table's numbers revealed. The seed has two steps, so Reset puts the run back
 * before each pair. Target: p95 under 16.7 ms (one 60 Hz frame). The peer in the same run: the
 * idle page's frames, so a loaded machine shows as a slow peer, not as our cost.
 *
 * BENCH_PORT=<port> moves the preview server (default 5197).
 */
import { cpus, loadavg } from 'node:os';
import { frameFigures, frameTimes, printFrameFigures } from './frames';
import { formatMs, writeResults } from './measure';
import { runBrowserBench } from './preview-server';

const PORT = Number(process.env['BENCH_PORT'] ?? 5197);
/** Pairs of steps animated (the seed's whole run each time). */
const ROUNDS = 8;
/** Longer than one step's animation at speed 1 (about 900 ms). */
const SAMPLE_MS = 1100;

runBrowserBench(PORT, async (browser, origin) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${origin}/?tour=off#optimizer`);
    await page.getByTestId('optimizer-load-seed').click();
    await page.getByTestId('contour-main').getByTestId('current-point').waitFor({ state: 'attached' });
    await page.getByTestId('contour-compare').waitFor();
    await page.getByTestId('contour-main').scrollIntoViewIfNeeded();
    const idle = await frameTimes(page, null, 2000);
    const animated: number[] = [];
    let steps = 0;
    for (let round = 0; round < ROUNDS; round++) {
      if (round > 0) await page.getByTestId('control-reset').click();
      for (let k = 0; k < 2; k++) {
        animated.push(...(await frameTimes(page, 'control-step', SAMPLE_MS)));
        steps++;
      }
    }
    const result = { loadAverage: loadavg()[0] ?? 0, cores: cpus().length, steps, optimizers: 2, ...frameFigures(animated, idle) };
    printFrameFigures(`momentum step animation (momentum beside Adam), ${steps} steps`, result, formatMs);
    console.log(`results: ${writeResults('momentum-animation', result)}`);
});
