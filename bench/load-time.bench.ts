/**
 * Time from navigation to the Network tab's table on screen in browser mode (issue 10,
 * "Speed"; target under 1 s): Chromium through Playwright opens `/?tour=off#network` on the
 * built app, each time in a fresh browser context (nothing cached), and the page records when
 * the table's last layer row shows its computed output shape (the worker has started, the
 * engine has answered, the row is drawn), and whether that row is inside the 1440x900 viewport. Beside it, the same load's
 * first contentful paint and DOMContentLoaded, and the peer in the same run: a static page of
 * one line of text (a data: URL), so a loaded machine shows as a slow peer.
 *
 * BENCH_PORT=<port> moves the preview server (default 5195).
 */
import type { Browser } from '@playwright/test';
import { cpus, loadavg } from 'node:os';
import { quantile } from './frames';
import { formatMs, writeResults } from './measure';
import { runBrowserBench } from './preview-server';

const PORT = Number(process.env['BENCH_PORT'] ?? 5195);
const RUNS = 10;
const TARGET_MS = 1000;

/** Runs in the page before its scripts: notes when the last table row has its output shape, on screen. */
const WATCH = `(() => {
  const seen = () => {
    const rows = document.querySelectorAll('[data-testid^="layer-row-"]');
    const last = rows[rows.length - 1];
    const shape = last && last.querySelector('[data-testid="cell-output"]');
    if (!shape || !/\\d/.test(shape.textContent || '')) return false;
    const box = last.getBoundingClientRect();
    return box.height > 0 ? { inViewport: box.top >= 0 && box.bottom <= innerHeight } : false;
  };
  const observer = new MutationObserver(() => {
    const shown = window.__tableShown === undefined && seen();
    if (shown) { window.__tableShown = performance.now(); window.__tableInViewport = shown.inViewport; observer.disconnect(); }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})()`;

interface Load {
  tableMs: number;
  fcpMs: number;
  domContentLoadedMs: number;
  inViewport: boolean;
}

async function loadOnce(browser: Browser, url: string, waitForTable: boolean): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH);
    await page.goto(url);
    if (waitForTable) await page.waitForFunction(() => (globalThis as unknown as { __tableShown?: number }).__tableShown !== undefined, undefined, { timeout: 30_000 });
    else await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, { timeout: 30_000 });
    // A script string: the page's types (PerformanceNavigationTiming) are not in bench/'s; the page's CSP allows this DevTools evaluation.
    return (await page.evaluate(`(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        tableMs: window.__tableShown ?? Number.NaN,
        fcpMs: fcp ? fcp.startTime : Number.NaN,
        domContentLoadedMs: navigation.domContentLoadedEventEnd,
        inViewport: window.__tableInViewport === true,
      };
    })()`)) as Load;
  } finally {
    await context.close();
  }
}

runBrowserBench(PORT, async (browser, origin) => {
    const app: Load[] = [];
    const peer: Load[] = [];
    // One load first to warm the server and the browser process (not counted).
    await loadOnce(browser, `${origin}/?tour=off#network`, true);
    for (let run = 0; run < RUNS; run++) {
      app.push(await loadOnce(browser, `${origin}/?tour=off#network`, true));
      peer.push(await loadOnce(browser, 'data:text/html,<!doctype html><title>peer</title><p>One line of text.</p>', false));
    }
    const median = (values: number[]) => quantile(values, 0.5);
    const result = {
      loadAverage: loadavg()[0] ?? 0,
      cores: cpus().length,
      runs: RUNS,
      tableMedianMs: median(app.map((l) => l.tableMs)),
      tableP90Ms: quantile(app.map((l) => l.tableMs), 0.9),
      fcpMedianMs: median(app.map((l) => l.fcpMs)),
      domContentLoadedMedianMs: median(app.map((l) => l.domContentLoadedMs)),
      peerFcpMedianMs: median(peer.map((l) => l.fcpMs)),
      lastRowInViewport: app.every((l) => l.inViewport),
      met: median(app.map((l) => l.tableMs)) < TARGET_MS,
    };
    console.log(`load to the Network table on screen, ${RUNS} cold loads at 1440x900 (load ${result.loadAverage.toFixed(2)} on ${result.cores} cores)`);
    console.log(`  table drawn: median ${formatMs(result.tableMedianMs)}, p90 ${formatMs(result.tableP90Ms)}; its last row ${result.lastRowInViewport ? 'inside' : 'below'} the viewport`);
    console.log(`  first contentful paint ${formatMs(result.fcpMedianMs)}, DOMContentLoaded ${formatMs(result.domContentLoadedMedianMs)}`);
    console.log(`  peer, a static one-line page: first contentful paint ${formatMs(result.peerFcpMedianMs)}`);
    console.log(`  target under ${formatMs(TARGET_MS)}: ${result.met ? 'met' : 'NOT met'}`);
    console.log(`results: ${writeResults('load-time', result)}`);
});
