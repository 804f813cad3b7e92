import type { Page } from '@playwright/test';

/** One 60 Hz frame. */
export const FRAME_MS = 1000 / 60;
/**
 * The target's bound on the 95th percentile: one frame, with 10% for the page's coarsened
 * clock (rAF times come in 0.1 ms steps, so a perfect 60 Hz frame reads 16.6 or 16.7 ms, or
 * 16.8 with vsync jitter) — a frame the page missed reads 33 ms, far above it.
 */
export const FRAME_BOUND_MS = FRAME_MS * 1.1;

/**
 * Frame-to-frame times in the page for `ms`, after clicking the element `pressTestid` (null:
 * the idle page). A script string: tsx's helpers (__name) do not exist in the page.
 */
export function frameTimes(page: Page, pressTestid: string | null, ms: number): Promise<number[]> {
  const press = pressTestid === null ? '' : `document.querySelector('[data-testid="${pressTestid}"]').click();`;
  return page.evaluate(`(async () => {
    const deltas = [];
    await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    ${press}
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

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The figures of an animation's frames against the idle page's (the peer measured in the same run). */
export function frameFigures(animated: readonly number[], idle: readonly number[]) {
  return {
    frames: animated.length,
    frameBudgetMs: FRAME_MS,
    animationMedianMs: quantile(animated, 0.5),
    animationP95Ms: quantile(animated, 0.95),
    animationMaxMs: Math.max(...animated),
    idleMedianMs: quantile(idle, 0.5),
    idleP95Ms: quantile(idle, 0.95),
    p95RatioToIdle: quantile(animated, 0.95) / quantile(idle, 0.95),
    met: quantile(animated, 0.95) < FRAME_BOUND_MS,
  };
}

/** Prints the figures as every frame bench states them. */
export function printFrameFigures(label: string, figures: ReturnType<typeof frameFigures> & { loadAverage: number; cores: number }, format: (ms: number) => string): void {
  console.log(`${label}, ${figures.frames} frames (load ${figures.loadAverage.toFixed(2)} on ${figures.cores} cores)`);
  console.log(`  animating: median ${format(figures.animationMedianMs)}, p95 ${format(figures.animationP95Ms)}, max ${format(figures.animationMaxMs)}`);
  console.log(`  idle page: median ${format(figures.idleMedianMs)}, p95 ${format(figures.idleP95Ms)} (animation p95 / idle p95 = ${figures.p95RatioToIdle.toFixed(2)})`);
  console.log(`  target p95 within one 60 Hz frame (${format(FRAME_MS)}, read to < ${format(FRAME_BOUND_MS)} on the page's 0.1 ms clock): ${figures.met ? 'met' : 'NOT met'}`);
}
