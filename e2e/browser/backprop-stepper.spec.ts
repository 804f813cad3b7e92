import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/**
 * Issue 10, requirement 4: the backprop stepper builds up. The seed's Q3 (X = [[1, 0, 0],
 * [-1, 5, -2], [3, 0, 2]], W all ones, b = 3, global max pooling, dL/da = 1) worked by hand:
 * z = [[8, 6], [10, 8]], a = max(z) = z3 = 10, dL/dz = [[0, 0], [1, 0]], dL/dW = (-1, 5, 3, 0),
 * dL/db = 1, dL/dX = dL/dz convolved (full) with the flipped kernel = [[0, 0, 0], [1, 1, 0], [1, 1, 0]].
 */
const Z = ['8', '6', '10', '8'];
const DW = ['-1', '5', '3', '0'];
const DX = ['0', '0', '0', '1', '1', '0', '1', '1', '0'];
const WCELLS = ['0-0-0-0', '0-0-0-1', '0-0-1-0', '0-0-1-1'];
const XCELLS = ['0-0-0', '0-0-1', '0-0-2', '0-1-0', '0-1-1', '0-1-2', '0-2-0', '0-2-1', '0-2-2'];

async function openStepper(page: Page, query = ''): Promise<void> {
  await page.goto(`/?tour=off${query}#backprop`);
  await expect(page.getByTestId('backprop-view')).toBeVisible();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 24');
}

/** The text of every cell of a computed tensor, in flat order ('' for a cell not yet filled). */
async function cellTexts(page: Page, tensor: string): Promise<string[]> {
  return page.getByTestId(`tensor-${tensor}`).locator('td button').allTextContents();
}

/** Steps with the scrubber (a jump: no animation) to `step` (1-based, 0 = before the first). */
async function jumpTo(page: Page, step: number): Promise<void> {
  await page.getByTestId('step-scrubber').fill(String(step - 1));
  await expect(page.getByTestId('step-counter')).toHaveText(`Step ${step} of 24`);
}

/**
 * Presses Next inside the page and records the moving window's left edge on every animation
 * frame for `ms`: the positions a student's eye follows.
 */
async function sampleWindowAfterNext(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(async (duration) => {
    const window = document.querySelector<HTMLElement>('[data-testid="step-window"]')!;
    const samples: number[] = [];
    (document.querySelector('[data-testid="step-next"]') as HTMLButtonElement).click();
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const frame = () => {
        samples.push(window.getBoundingClientRect().left);
        if (performance.now() - start < duration) requestAnimationFrame(frame);
        else resolve();
      };
      frame();
    });
    return samples;
  }, ms);
}

async function cellLeft(page: Page, testid: string): Promise<number> {
  const box = await page.getByTestId(testid).locator('xpath=..').boundingBox();
  return box!.x;
}

test.describe('The backprop stepper builds up (seed Q3)', () => {
  test('step 0 shows only the inputs; step 1 fills exactly z1 = 8 with its products; show all fills everything', async ({ app, page }) => {
    void app;
    await openStepper(page);
    expect(await page.getByTestId('tensor-input').locator('td input').evaluateAll((cells) => cells.map((cell) => (cell as HTMLInputElement).value))).toEqual(['1', '0', '0', '-1', '5', '-2', '3', '0', '2']);
    for (const tensor of ['conv', 'pooled', 'grad_pooled', 'grad_activated', 'grad_filters', 'grad_bias', 'grad_input']) {
      expect((await cellTexts(page, tensor)).every((text) => text === ''), `${tensor} is empty at step 0`).toBe(true);
    }
    await expect(page.getByTestId('step-work-empty')).toBeVisible();

    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-conv-0-0-0')).toHaveText(Z[0]!);
    expect(await cellTexts(page, 'conv')).toEqual([Z[0], '', '', '']);
    expect(await cellTexts(page, 'pooled')).toEqual(['']);
    expect(await cellTexts(page, 'grad_filters')).toEqual(['', '', '', '']);
    // z1 = the top-left window of X times W, plus b: its four products, their running sums, then the bias.
    await expect(page.getByTestId('step-products')).toHaveText('1·1 + 0·1 + (-1)·1 + 5·1 + 3 = 8');
    await expect(page.getByTestId('step-partials')).toContainText('1 → 1 → 0 → 5');

    await page.getByTestId('show-all').check();
    expect(await cellTexts(page, 'conv')).toEqual(Z);
    expect(await cellTexts(page, 'pooled')).toEqual(['10']);
    expect(await cellTexts(page, 'grad_filters')).toEqual(DW);
    expect(await cellTexts(page, 'grad_bias')).toEqual(['1']);
    expect(await cellTexts(page, 'grad_input')).toEqual(DX);
    // Turned off, the stepper is back where it was: only z1.
    await page.getByTestId('show-all').uncheck();
    expect(await cellTexts(page, 'conv')).toEqual([Z[0], '', '', '']);
  });

  test('the window slides over X through intermediate positions; every z cell fills with the seed’s value', async ({ app, page }) => {
    void app;
    await openStepper(page);
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-conv-0-0-0')).toHaveText('8');
    const from = await cellLeft(page, `cell-input-${XCELLS[0]}`);
    const to = await cellLeft(page, `cell-input-${XCELLS[1]}`);
    await expect.poll(async () => (await page.getByTestId('step-window').boundingBox())?.x).toBeCloseTo(from, 0);

    const samples = await sampleWindowAfterNext(page, 1200);
    const between = samples.filter((x) => x > from + 2 && x < to - 2);
    expect(between.length, `window positions ${samples.map(Math.round).join(', ')}`).toBeGreaterThan(2);
    expect(samples.at(-1)).toBeCloseTo(to, 0);
    // It moves one way only, from z1's window to z2's.
    for (let k = 1; k < samples.length; k++) expect(samples[k]!).toBeGreaterThanOrEqual(samples[k - 1]! - 0.5);
    await expect(page.getByTestId('cell-conv-0-0-1')).toHaveText(Z[1]!);

    // A new step interrupts the running one: two quick presses finish z3, then z4 fills.
    await page.getByTestId('step-next').click();
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-conv-0-1-1')).toHaveText(Z[3]!);
    expect(await cellTexts(page, 'conv')).toEqual(Z);
    await page.getByTestId('step-next').click();
    // Pooling marks its winner, z3 = 10 (ringed as this step's winner, and as "won" from then on).
    await expect(page.getByTestId('cell-pooled-0-0-0')).toHaveText('10');
    await expect(page.getByTestId('cell-conv-0-1-0').locator('xpath=..')).toHaveClass(/\bwinner\b/);
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-conv-0-1-0').locator('xpath=..')).toHaveClass(/\bwon\b/);
    await page.getByTestId('step-previous').click();
    await expect(page.getByTestId('step-products')).toHaveText('max(8, 6, 10, 8) = 10');
  });

  test('reduced motion: the window jumps (no intermediate position) and the cell fills at once', async ({ app, page }) => {
    void app;
    await openStepper(page, '&motion=reduce');
    await page.getByTestId('step-next').click();
    const from = await cellLeft(page, `cell-input-${XCELLS[0]}`);
    const to = await cellLeft(page, `cell-input-${XCELLS[1]}`);
    const samples = await sampleWindowAfterNext(page, 400);
    expect(samples.filter((x) => x > from + 2 && x < to - 2), `window positions ${samples.map(Math.round).join(', ')}`).toEqual([]);
    // The first sample is taken in the click's own task, before the page updates; from the first frame on it is at z2's window.
    for (const x of samples.slice(1)) expect(x).toBeCloseTo(to, 0);
    expect(await cellTexts(page, 'conv')).toEqual([Z[0], Z[1], '', '']);
  });

  test('backward: dL/da reaches the winner z3, then each dL/dW cell writes its products x·g exactly as the seed', async ({ app, page }) => {
    void app;
    await openStepper(page);
    await jumpTo(page, 5);
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-grad_pooled-0-0-0')).toHaveText('1');
    await jumpTo(page, 8);
    await page.getByTestId('step-next').click();
    // Step 9: the gradient goes to z3 (the winner) only.
    await expect(page.getByTestId('cell-grad_activated-0-1-0')).toHaveText('1');
    expect(await cellTexts(page, 'grad_activated')).toEqual(['0', '0', '1', '']);
    await jumpTo(page, 10);
    const lines = ['0·1 + 0·0 + 1·(-1) + 0·5 = -1', '0·0 + 0·0 + 1·5 + 0·(-2) = 5', '0·(-1) + 0·5 + 1·3 + 0·0 = 3', '0·5 + 0·(-2) + 1·0 + 0·2 = 0'];
    for (const [k, line] of lines.entries()) {
      await page.getByTestId('step-next').click();
      await expect(page.getByTestId('step-products')).toHaveText(line);
      await expect(page.getByTestId(`cell-grad_filters-${WCELLS[k]}`)).toHaveText(DW[k]!);
      expect(await cellTexts(page, 'grad_filters')).toEqual([...DW.slice(0, k + 1), ...Array(3 - k).fill('')]);
    }
    // A number of the line opens its own formula: the 5 of dL/dw2's line is x[1][1].
    await page.getByTestId('step-products').getByRole('button', { name: '(-2)' }).click();
    await expect(page.getByTestId('formula-panel')).toContainText('Input X [0][1][2]');
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('cell-grad_bias-0')).toHaveText('1');
    // dL/dX: the flipped-kernel full convolution, one cell per step, to the end.
    await jumpTo(page, 24);
    expect(await cellTexts(page, 'grad_input')).toEqual(DX);
    expect(await cellTexts(page, 'grad_filters')).toEqual(DW);
    await expect(page.getByTestId('cell-conv-0-1-0').locator('xpath=..')).toHaveClass(/won/);
    await expect(page.getByTestId('cell-pooled-0-0-0')).toHaveText('10');
  });
});

test('at 1440x900 the stepper and the first grids of both passes are on the first screen, in English and Persian', async ({ app, page }) => {
  void app;
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const query of ['', '&lang=fa']) {
    await page.goto(`/?tour=off${query}#backprop`);
    await expect(page.getByTestId('backprop-view')).toBeVisible();
    for (const testid of ['step-next', 'step-work', 'tensor-input', 'tensor-grad_pooled']) {
      const box = (await page.getByTestId(testid).first().boundingBox())!;
      expect(box, `${testid} is drawn`).not.toBeNull();
      expect(box.y + Math.min(box.height, 60), `${testid} starts inside the 900 px window (lang ${query || 'en'})`).toBeLessThanOrEqual(900);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  }
});

test.describe('Screenshots of the stepper (test-results/, to look at)', () => {
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    for (const lang of ['en', 'fa'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        test(`${lang} ${colorScheme} ${width}×${height}`, async ({ app, page }, testInfo) => {
          void app;
          await page.setViewportSize({ width, height });
          await page.emulateMedia({ colorScheme });
          await page.goto(`/?tour=off&lang=${lang}#backprop`);
          await expect(page.getByTestId('step-counter')).toBeVisible();
          await page.getByTestId('step-scrubber').fill('9');
          await page.getByTestId('step-next').click();
          await expect(page.getByTestId('cell-grad_filters-0-0-0-0')).not.toHaveText('');
          await page.getByTestId('tensor-grad_filters').scrollIntoViewIfNeeded();
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'page wider than the window').toBeLessThanOrEqual(0);
          await page.screenshot({ path: testInfo.outputPath(`backprop-step11-${lang}-${width}x${height}-${colorScheme}.png`) });
          await page.screenshot({ path: testInfo.outputPath(`backprop-step11-${lang}-${width}x${height}-${colorScheme}-full.png`), fullPage: true });
        });
      }
    }
  }
});
