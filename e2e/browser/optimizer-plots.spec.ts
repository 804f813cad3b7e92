import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

async function openOptimizer(page: Page): Promise<void> {
  // These tests read where each step's arrows end, so the drawing is asked to settle at once (the
  // animation of a step has its own spec, optimizer-animation): reduced motion draws the end state.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.getByTestId('tool-tab-optimizer').click();
  await expect(page.getByTestId('optimizer-view')).toBeVisible();
}

/**
 * The axis' data-to-pixel map read from what is drawn: the first and last tick's position
 * (d3 puts each tick at translate(px, 0) or translate(0, py)) and its label.
 */
async function axisScale(axis: Locator, direction: 'x' | 'y'): Promise<(value: number) => number> {
  const ticks = await axis.locator('.tick').evaluateAll((nodes) =>
    nodes.map((node) => {
      const match = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(node.getAttribute('transform') ?? '');
      return { x: Number(match?.[1]), y: Number(match?.[2]), label: node.textContent ?? '' };
    }),
  );
  const read = (label: string) => Number(label.replace('\u2212', '-').replace(/,/g, ''));
  // d3's axis shifts ticks half a pixel for crisp lines on a 1x screen.
  const offset = await axis.evaluate(() => (window.devicePixelRatio > 1 ? 0 : 0.5));
  const [first, last] = [ticks[0]!, ticks.at(-1)!];
  const [p0, p1] = direction === 'x' ? [first.x, last.x] : [first.y, last.y];
  const [v0, v1] = [read(first.label), read(last.label)];
  expect(Number.isFinite(v0) && Number.isFinite(v1) && v0 !== v1, `ticks ${first.label} and ${last.label} are numbers`).toBe(true);
  return (value) => p0 - offset + ((value - v0) * (p1 - p0)) / (v1 - v0);
}

async function numberIn(cell: Locator): Promise<number> {
  return Number((await cell.innerText()).replace('\u2212', '-'));
}

/** Where a drawn arrow starts (its line) and ends (the tip of its head, the first point of the head's path). */
async function arrowEnds(arrow: Locator): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  const start = await arrow.evaluate((line) => ({ x1: Number(line.getAttribute('x1')), y1: Number(line.getAttribute('y1')) }));
  const testid = await arrow.getAttribute('data-testid');
  const tip = /^M\s*([-\d.e]+)[ ,]([-\d.e]+)/.exec((await arrow.locator(`xpath=following-sibling::*[@data-testid="${testid}-head"][1]`).getAttribute('d')) ?? '');
  return { ...start, x2: Number(tip?.[1]), y2: Number(tip?.[2]) };
}

test.describe('Optimizer plots (issue 10)', () => {
  test("each drawn arrow is the optimizer's real update from the step table: Adam's first step is 0.5, not -lr*g = 8", async ({ app }) => {
    const page = app.page;
    await openOptimizer(page);
    await page.getByTestId('optimizer-load-seed').click();
    await page.getByTestId('main-type').selectOption('adam');
    await page.getByTestId('main-hyper-lr').fill('0.5');
    await page.getByTestId('main-hyper-lr').press('Tab');
    await expect(page.getByTestId('step-row-0').getByTestId('cell-params-a')).toHaveText('1');

    const plot = page.getByTestId('contour-main');
    await expect(plot.getByTestId('contour-band').first()).toBeAttached();
    const x = await axisScale(plot.getByTestId('contour-x-axis'), 'x');
    const y = await axisScale(plot.getByTestId('contour-y-axis'), 'y');
    const params = async (step: number) => {
      const row = page.getByTestId(`step-row-${step}`);
      return { a: await numberIn(row.getByTestId('cell-params-a')), b: await numberIn(row.getByTestId('cell-params-b')) };
    };
    const expectArrow = async (arrow: Locator, from: { a: number; b: number }, to: { a: number; b: number }) => {
      const ends = await arrowEnds(arrow);
      // Within half a pixel: the table shows the parameters to 12 significant digits.
      for (const [drawn, expected] of [[ends.x1, x(from.a)], [ends.y1, y(from.b)], [ends.x2, x(to.a)], [ends.y2, y(to.b)]] as const) expect(Math.abs(drawn - expected)).toBeLessThan(0.5);
    };

    // Step 0: the arrow at the start is step 1's update; the table has it after one step.
    await page.getByTestId('control-step').click();
    const [start, one] = [await params(0), await params(1)];
    expect(Math.abs(one.a - start.a)).toBeCloseTo(0.5, 6);
    await page.getByTestId('control-back').click();
    await expect(page.getByTestId('control-position')).toHaveText('Step 0 of 2');
    await expect(plot.getByTestId('last-step-arrow')).toHaveCount(0);
    await expect(plot.getByTestId('next-step-arrow')).toHaveAttribute('data-step', '1');
    await expectArrow(plot.getByTestId('next-step-arrow'), start, one);

    // Step 1: the dashed arrow is the step just made, the solid one the next.
    await page.getByTestId('control-step').click();
    await page.getByTestId('control-step').click();
    const two = await params(2);
    await page.getByTestId('control-back').click();
    await expect(page.getByTestId('control-position')).toHaveText('Step 1 of 2');
    await expectArrow(plot.getByTestId('last-step-arrow'), start, one);
    await expectArrow(plot.getByTestId('next-step-arrow'), one, two);

    // Every arrow stays inside the plot area (between the axes' ends).
    const box = await plot.locator('clipPath rect').evaluate((rect) => ({ x: Number(rect.getAttribute('x')), y: Number(rect.getAttribute('y')), width: Number(rect.getAttribute('width')), height: Number(rect.getAttribute('height')) }));
    for (const arrow of await plot.locator('[data-testid$="-step-arrow"]').all()) {
      const ends = await arrowEnds(arrow);
      for (const [px, py] of [[ends.x1, ends.y1], [ends.x2, ends.y2]] as const) {
        expect(px).toBeGreaterThanOrEqual(box.x - 1e-6);
        expect(px).toBeLessThanOrEqual(box.x + box.width + 1e-6);
        expect(py).toBeGreaterThanOrEqual(box.y - 1e-6);
        expect(py).toBeLessThanOrEqual(box.y + box.height + 1e-6);
      }
    }
  });

  test('with large parameter values no tick label leaves its svg, and the labels are compact', async ({ app }) => {
    const page = app.page;
    await openOptimizer(page);
    // Loss near 1e11 (the run stops beyond 1e12); labels such as "−300,000" no longer fit a fixed margin.
    await page.getByTestId('param-w').fill('200000');
    await page.getByTestId('param-b').fill('-300000');
    await page.getByTestId('main-hyper-lr').fill('0.001');
    await page.getByTestId('main-hyper-lr').press('Tab');
    await expect(page.getByTestId('step-row-0').getByTestId('cell-params-b')).toHaveText('-300000');
    for (let i = 0; i < 3; i++) await page.getByTestId('control-step').click();
    await expect(page.getByTestId('control-position')).toHaveText(/^Step 3 of/);
    await expect(page.getByTestId('contour-main').getByTestId('contour-band').first()).toBeAttached();

    for (const svg of [page.getByTestId('contour-main').locator('svg'), page.getByTestId('loss-chart-svg')]) {
      const { bounds, labels } = await svg.evaluate((node) => {
        const outer = node.getBoundingClientRect();
        const texts = [...node.querySelectorAll('.tick text')];
        return {
          bounds: texts.map((text) => {
            const rect = text.getBoundingClientRect();
            return { text: text.textContent, left: rect.left - outer.left, right: outer.right - rect.right, top: rect.top - outer.top, bottom: outer.bottom - rect.bottom };
          }),
          labels: texts.map((text) => text.textContent ?? ''),
        };
      });
      expect(bounds.length).toBeGreaterThan(3);
      for (const bound of bounds) {
        expect(bound.left, `"${bound.text}" inside on the left`).toBeGreaterThanOrEqual(0);
        expect(bound.right, `"${bound.text}" inside on the right`).toBeGreaterThanOrEqual(0);
        expect(bound.top, `"${bound.text}" inside at the top`).toBeGreaterThanOrEqual(0);
        expect(bound.bottom, `"${bound.text}" inside at the bottom`).toBeGreaterThanOrEqual(0);
      }
      for (const label of labels) expect(label.length, `"${label}" is compact`).toBeLessThanOrEqual(8);
    }
  });
});
