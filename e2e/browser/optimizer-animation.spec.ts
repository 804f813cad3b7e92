import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/** One frame of the momentum step's animation as drawn: the moving point, which parts are on the plot, and whether the new row's parameter is shown. */
interface Sample {
  t: number;
  x: number;
  y: number;
  parts: string[];
  newParamShown: boolean;
}

/**
 * Presses Step and reads the plot on every animation frame for `ms`: where the current point
 * is, which arrows are drawn, and whether step `row`'s new parameter is visible in the table.
 */
function sampleStep(page: Page, row: number, ms: number): Promise<Sample[]> {
  return page.evaluate(
    async ({ row, ms }) => {
      const samples: { t: number; x: number; y: number; parts: string[]; newParamShown: boolean }[] = [];
      const plot = document.querySelector('[data-testid="contour-main"]')!;
      const read = (t: number) => {
        const point = plot.querySelector('[data-testid="current-point"]');
        const cell = document.querySelector(`[data-testid="step-row-${row}"] [data-testid="cell-params-a"]`);
        samples.push({
          t,
          x: Number(point?.getAttribute('cx')),
          y: Number(point?.getAttribute('cy')),
          parts: ['carried-arrow', 'gradient-arrow', 'sum-arrow'].filter((id) => plot.querySelector(`[data-testid="${id}"]`)),
          newParamShown: cell !== null && getComputedStyle(cell).visibility !== 'hidden',
        });
      };
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      (document.querySelector('[data-testid="control-step"]') as HTMLButtonElement).click();
      const start = performance.now();
      await new Promise<void>((resolve) => {
        const frame = (time: number) => {
          read(time - start);
          if (time - start < ms) requestAnimationFrame(frame);
          else resolve();
        };
        requestAnimationFrame(frame);
      });
      return samples;
    },
    { row, ms },
  );
}

async function pointAt(page: Page): Promise<{ x: number; y: number }> {
  const point = page.getByTestId('contour-main').getByTestId('current-point');
  return { x: Number(await point.getAttribute('cx')), y: Number(await point.getAttribute('cy')) };
}

/** Waits until the step's animation has ended: the settled plot draws the step just made as a dashed arrow. */
async function settle(page: Page): Promise<void> {
  await expect(page.getByTestId('contour-main').getByTestId('sum-arrow')).toHaveCount(0);
  await expect(page.getByTestId('contour-main').getByTestId('last-step-arrow')).toBeAttached();
}

async function openSeed(page: Page): Promise<void> {
  await page.goto('/?tour=off#optimizer');
  await expect(page.getByTestId('optimizer-view')).toBeVisible();
  await page.getByTestId('optimizer-load-seed').click();
  await expect(page.getByTestId('step-row-0').getByTestId('cell-params-a')).toBeVisible();
  await expect(page.getByTestId('contour-main').getByTestId('current-point')).toBeAttached();
}

test.describe('the animated momentum step (issue 10, requirement 3)', () => {
  test('the point glides through intermediate positions to the new parameters; the parts come first; the table fills as the point arrives', async ({ app, page }) => {
    void app;
    await openSeed(page);
    // The seed's two online steps: step 1 starts from rest (only the gradient term), step 2 has a
    // zero gradient (only the carried velocity moves the point, the seed's lesson).
    for (const [step, part, absent] of [[1, 'gradient-arrow', 'carried-arrow'], [2, 'carried-arrow', 'gradient-arrow']] as const) {
      const from = await pointAt(page);
      const samples = await sampleStep(page, step, 1500);
      await expect(page.getByTestId('control-position')).toHaveText(new RegExp(`^Step ${step} of`));
      await settle(page);
      const to = await pointAt(page);
      const total = Math.hypot(to.x - from.x, to.y - from.y);
      expect(total, 'the step moves the point on screen').toBeGreaterThan(10);
      const along = samples.map((s) => ((s.x - from.x) * (to.x - from.x) + (s.y - from.y) * (to.y - from.y)) / (total * total));
      const across = samples.map((s) => Math.abs((s.x - from.x) * (to.y - from.y) - (s.y - from.y) * (to.x - from.x)) / total);
      expect(samples.length, 'frames sampled during the step').toBeGreaterThan(10);
      // It starts where it was, ends where the table says, and passes through places in between, on the line.
      expect(along[0]!).toBeCloseTo(0, 2);
      expect(along.at(-1)!).toBeCloseTo(1, 6);
      const between = along.filter((a) => a > 0.1 && a < 0.9);
      expect(between.length, 'frames with the point between its old and new place').toBeGreaterThanOrEqual(3);
      for (const distance of across) expect(distance).toBeLessThan(0.5);
      // It never goes back.
      for (let i = 1; i < along.length; i++) expect(along[i]!).toBeGreaterThanOrEqual(along[i - 1]! - 1e-9);

      // Before the glide: the step's nonzero part is drawn, then the sum Delta; a zero part is not drawn.
      const firstMove = along.findIndex((a) => a > 1e-3);
      expect(firstMove).toBeGreaterThan(0);
      const beforeGlide = samples.slice(0, firstMove);
      expect(beforeGlide.some((s) => s.parts.includes(part))).toBe(true);
      expect(samples.every((s) => !s.parts.includes(absent))).toBe(true);
      expect(samples.slice(0, firstMove + 1).some((s) => s.parts.includes('sum-arrow'))).toBe(true);
      const firstSum = samples.findIndex((s) => s.parts.includes('sum-arrow'));
      expect(samples.findIndex((s) => s.parts.includes(part))).toBeLessThan(firstSum);
      // The new parameters appear in the table only once the point has arrived.
      const shownAt = samples.findIndex((s) => s.newParamShown);
      expect(shownAt, 'the new parameter appears during the sampled time').toBeGreaterThan(0);
      expect(along[shownAt]!).toBeCloseTo(1, 6);
      expect(samples.slice(0, firstMove).every((s) => !s.newParamShown)).toBe(true);
    }
  });

  test('with reduced motion the point jumps: no frame between the old and the new place', async ({ app, page }) => {
    void app;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openSeed(page);
    await page.getByTestId('control-step').click();
    await expect(page.getByTestId('control-position')).toHaveText(/^Step 1 of/);
    await settle(page);
    const from = await pointAt(page);
    const samples = await sampleStep(page, 2, 400);
    const to = await pointAt(page);
    const total = Math.hypot(to.x - from.x, to.y - from.y);
    expect(total).toBeGreaterThan(10);
    const along = samples.map((s) => ((s.x - from.x) * (to.x - from.x) + (s.y - from.y) * (to.y - from.y)) / (total * total));
    expect(along.filter((a) => a > 0.01 && a < 0.99)).toEqual([]);
    // From the first frame after the press the point is at its new place and the table shows it.
    const settled = samples.slice(1);
    expect(settled.length).toBeGreaterThan(3);
    for (const [i, s] of settled.entries()) {
      expect(along[i + 1]!).toBeCloseTo(1, 6);
      expect(s.newParamShown).toBe(true);
    }
  });
});
