import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/** The backprop tab; the fixture has loaded the app (and fails the test on console errors). */
async function openBackprop(page: Page): Promise<void> {
  await page.getByTestId('tool-tab-backprop').click();
  await expect(page.getByTestId('backprop-view')).toBeVisible();
}

/**
 * Independent of the app: the seed's 3x3 input, the 2x2 all-ones filter with bias 3, global
 * max pooling and dL/da = 1. dL/dw is the input window under the winning output.
 */
function seedGradient(input: number[][]): { z: number[]; dw: number[] } {
  const z: number[] = [];
  for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) z.push(input[i]![j]! + input[i]![j + 1]! + input[i + 1]![j]! + input[i + 1]![j + 1]! + 3);
  const best = z.indexOf(Math.max(...z));
  const [i, j] = [Math.floor(best / 2), best % 2];
  return { z, dw: [input[i]![j]!, input[i]![j + 1]!, input[i + 1]![j]!, input[i + 1]![j + 1]!] };
}

async function expectFilterGradient(page: Page, dw: number[]): Promise<void> {
  const cells = ['0-0-0-0', '0-0-0-1', '0-0-1-0', '0-0-1-1'].map((index) => page.getByTestId(`cell-grad_filters-${index}`));
  for (const [k, cell] of cells.entries()) await expect(cell).toHaveText(String(dw[k]));
}

test.describe('Conv backprop tool', () => {
  test('the seed preset: a = z3 = 10, dL/dw = (-1, 5, 3, 0), dL/db = 1; one changed input cell moves dL/dW', async ({ app, page }) => {
    void app;
    await openBackprop(page);
    await page.getByTestId('show-all').check();
    const input = [[1, 0, 0], [-1, 5, -2], [3, 0, 2]];
    await expect(page.getByTestId('cell-pooled-0-0-0')).toHaveText('10');
    await expect(page.getByTestId('cell-conv-0-1-0')).toHaveText('10');
    await expectFilterGradient(page, [-1, 5, 3, 0]);
    await expect(page.getByTestId('cell-grad_bias-0')).toHaveText('1');

    // The top-left pixel to 20: by hand, z1 = 20 + 0 - 1 + 5 + 3 = 27 wins, so dL/dW is the top-left window.
    input[0]![0] = 20;
    const expected = seedGradient(input);
    expect(expected.z).toEqual([27, 6, 10, 8]);
    await page.getByTestId('cell-input-0-0-0').fill('20');
    await expectFilterGradient(page, expected.dw);
    await expect(page.getByTestId('cell-pooled-0-0-0')).toHaveText('27');

    // Text that is not a number stays in the cell, marked, and the last valid result stays.
    await page.getByTestId('cell-input-0-1-1').fill('five');
    await expect(page.getByTestId('cell-input-0-1-1')).toHaveValue('five');
    await expect(page.getByTestId('tensor-input-message')).toHaveText('Enter a number');
    await expectFilterGradient(page, expected.dw);

    // Resizing renumbers the cells: the mark goes with the text, no other cell inherits it.
    await page.getByTestId('size-W').fill('4');
    await expect(page.getByTestId('cell-input-0-0-3')).toBeVisible();
    await expect(page.getByTestId('tensor-input-message')).toHaveCount(0);
    await expect(page.getByTestId('tensor-input').locator('td.invalid')).toHaveCount(0);
    await expect(page.getByTestId('cell-input-0-1-1')).not.toHaveValue('five');
  });

  test('steps through the whole trace: every step says what happens and lights its cells; the end is the last dL/dX cell', async ({ app, page }) => {
    void app;
    await openBackprop(page);
    await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 24');
    await page.getByTestId('step-next').click();
    await expect(page.getByTestId('step-text')).toContainText('Filter 0 over rows 0–1, columns 0–1 of the input (1 channel(s)): 4 products sum to 5; plus bias 3 gives z = 8.');
    await expect(page.getByTestId('cell-conv-0-0-0').locator('xpath=..')).toHaveClass(/current/);
    await expect(page.getByTestId('cell-input-0-1-1').locator('xpath=..')).toHaveClass(/operand/);
    for (let step = 2; step <= 24; step++) {
      await page.getByTestId('step-next').click();
      await expect(page.getByTestId('step-counter')).toHaveText(`Step ${step} of 24`);
      await expect(page.getByTestId('step-text')).not.toBeEmpty();
    }
    await expect(page.getByTestId('step-next')).toBeDisabled();
    await expect(page.getByTestId('step-text')).toContainText('dL/dX[0][2][2]');
    await expect(page.getByTestId('cell-grad_input-0-2-2').locator('xpath=..')).toHaveClass(/current/);
    await page.getByTestId('step-previous').click();
    await expect(page.getByTestId('step-counter')).toHaveText('Step 23 of 24');
  });

  test('clicking a gradient shows its formula with the numbers (KaTeX); the gradient check agrees', async ({ app, page }) => {
    void app;
    await openBackprop(page);
    await page.getByTestId('show-all').check();
    await page.getByTestId('cell-grad_filters-0-0-1-0').click();
    const panel = page.getByTestId('formula-panel');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.katex').first()).toBeVisible();
    await expect(page.getByTestId('formula-latex')).toHaveAttribute('aria-label', /dL\/dW\[0\]\[0\]\[1\]\[0\].*the sum is 3\./);
    // dL/dw3 = Σ dL/dz · (pixel under w3): outputs (0,0), (0,1), (1,0), (1,1) see x[1][0], x[1][1], x[2][0], x[2][1]; only z3 has dL/dz = 1.
    await expect(panel.locator('annotation')).toContainText('= 0 \\cdot (-1) + 0 \\cdot 5 + 1 \\cdot 3 + 0 \\cdot 0 = 3');
    await page.getByTestId('gradcheck-run').click();
    await expect(page.getByTestId('gradcheck-result')).toContainText('Largest difference from central finite differences');
    // 9 input pixels + 4 weights + 1 bias.
    await expect(page.getByTestId('gradcheck-result')).toContainText('14 of 14 values checked');
  });

  test('a size past the limits is named and the last valid numbers stay', async ({ app, page }) => {
    void app;
    await openBackprop(page);
    await page.getByTestId('show-all').check();
    await page.getByTestId('size-H').fill('40');
    await expect(page.getByTestId('backprop-error')).toHaveText('input: is 40x3; at most 32x32');
    await expect(page.getByTestId('cell-grad_bias-0')).toHaveText('1');
    await expectFilterGradient(page, [-1, 5, 3, 0]);
  });
});
