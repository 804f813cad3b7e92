import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/** Issue 10, requirement 2 on the Network tab: nothing opens out of sight. */

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'on screen').not.toBeNull();
  return found!;
}

/** Each stack item whose output shape is cut by its row (the arguments give way first, the shape never). */
async function cutStackShapes(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="stack-shape-"]').evaluateAll((shapes) =>
    shapes.flatMap((shape) => {
      const own = shape.getBoundingClientRect();
      const row = shape.closest('li')!.getBoundingClientRect();
      return own.left < row.left - 0.5 || own.right > row.right + 0.5 || shape.scrollWidth > shape.clientWidth + 1 ? [shape.getAttribute('data-testid')!] : [];
    }),
  );
}

test.describe('Network tab layout (issue 10, requirement 2)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('at 1440x900 the stack and the table’s last row are in the viewport without scrolling', async ({ app, page }) => {
    await expect(app.row(12)).toBeVisible();
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const testid of ['layer-stack', 'stack-item-12', 'totals-row']) {
      const found = await box(page.getByTestId(testid));
      expect(found.y, testid).toBeGreaterThanOrEqual(0);
      expect(found.y + found.height, testid).toBeLessThanOrEqual(900);
    }
    const last = await box(app.row(12));
    expect(last.y + last.height).toBeLessThanOrEqual(900);
    // The table region is not scrolled to get there.
    expect(await page.getByTestId('network-table').evaluate((table) => table.parentElement!.scrollTop)).toBe(0);
  });

  for (const lang of ['en', 'fa']) {
    test(`at 1440x900 (${lang}) every column, the receptive-field centre too, is in view without scrolling the table sideways, and no stack shape is cut`, async ({ app, page }) => {
      void app;
      await page.goto(`/?lang=${lang}&tour=off#network`);
      await expect(page.getByTestId('totals-row')).toBeVisible();
      const scroller = page.getByTestId('network-table').locator('xpath=..');
      const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      const region = await box(scroller);
      const centre = await box(page.getByTestId('network-table').locator('tbody tr').nth(1).locator('td').last());
      expect(centre.x).toBeGreaterThanOrEqual(region.x - 1);
      expect(centre.x + centre.width).toBeLessThanOrEqual(region.x + region.width + 1);
      expect(await cutStackShapes(page)).toEqual([]);
    });
  }

  test('the layer inspector opens beside the table, takes focus, and Escape returns focus to the row', async ({ app, page }) => {
    const opener = page.getByTestId('edit-layer-2');
    await opener.click();
    const panel = page.getByTestId('layer-editor-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('layer-type-select')).toBeFocused();
    // Beside, not over, the numbers: the table's output and params columns stay uncovered.
    const editor = await box(panel);
    const params = await box(app.cell(2, 'params'));
    expect(editor.x + editor.width).toBeLessThanOrEqual(params.x);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('asking for another layer while the inspector is open moves focus in again, and Escape returns it to the second button', async ({ app, page }) => {
    void app;
    await page.getByTestId('edit-layer-2').click();
    await expect(page.getByTestId('layer-type-select')).toBeFocused();
    const second = page.getByTestId('edit-layer-5');
    await second.click();
    await expect(page.getByTestId('layer-type-select')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('layer-editor-panel')).toHaveCount(0);
    await expect(second).toBeFocused();
  });

  test('Check my answers opens beside the table’s layer names, takes focus, and Escape returns focus to its button', async ({ app, page }) => {
    void app;
    const toggle = page.getByTestId('toggle-answers');
    await toggle.click();
    const panel = page.getByTestId('answer-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('answer-1-output')).toBeFocused();
    const sheet = await box(panel);
    expect(sheet.x).toBeGreaterThanOrEqual(0);
    expect(sheet.y).toBeGreaterThanOrEqual(0);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(1440);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(900);
    // The table's first column (the layer names) is not covered, nor the header's Save.
    const names = await box(page.getByTestId('edit-layer-12'));
    expect(names.x + names.width).toBeLessThanOrEqual(sheet.x);
    const save = await box(page.getByTestId('file-save'));
    expect(save.y + save.height).toBeLessThanOrEqual(sheet.y);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(toggle).toBeFocused();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  });

  test('the settings solver opens beside the table, takes focus, and Escape returns focus to its button', async ({ app, page }) => {
    void app;
    const toggle = page.getByTestId('toggle-solver');
    await toggle.click();
    const panel = page.getByTestId('solver-panel');
    await expect(panel).toBeVisible();
    await expect(page.getByTestId('solver-input')).toBeFocused();
    const solver = await box(panel);
    const table = await box(page.getByTestId('network-table'));
    expect(solver.x + solver.width).toBeLessThanOrEqual(table.x);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(toggle).toBeFocused();
  });

  test('a clicked number’s derivation opens next to its cell, takes focus, and Escape returns focus to the cell', async ({ app, page }) => {
    const cell = app.cell(7, 'rf_size');
    await cell.click();
    const popover = page.getByTestId('derivation-panel');
    await expect(popover).toBeVisible();
    await expect(popover).toBeFocused();
    const near = await box(popover);
    const at = await box(cell);
    expect(near.y + near.height).toBeLessThanOrEqual(900);
    expect(Math.min(Math.abs(near.y - (at.y + at.height)), Math.abs(near.y + near.height - at.y))).toBeLessThan(24);
    await page.keyboard.press('Escape');
    await expect(popover).toHaveCount(0);
    await expect(cell).toBeFocused();
  });
});

test.describe('Network tab at 1024x700', () => {
  test.use({ viewport: { width: 1024, height: 700 } });

  test('nothing is clipped: the page does not scroll sideways, and the layer names and params stay in view', async ({ app, page }) => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    const params = await box(app.cell(1, 'params'));
    expect(params.x + params.width).toBeLessThanOrEqual(1024);
    const names = await box(page.getByTestId('edit-layer-1'));
    expect(names.x).toBeGreaterThanOrEqual(0);
    // The last row is reached by scrolling the table's region, the header staying on top.
    await page.getByTestId('totals-row').scrollIntoViewIfNeeded();
    await expect(app.cell(12, 'params')).toBeInViewport();
  });

  test('the diagram’s download buttons keep one line (the format shown, the full name kept as their name)', async ({ app, page }) => {
    void app;
    for (const [testid, name] of [['diagram-export-svg', 'Download SVG'], ['diagram-export-png', 'Download PNG']] as const) {
      const button = page.getByTestId(testid);
      await expect(button).toHaveAccessibleName(name);
      await expect(button).toHaveAttribute('title', name);
      expect((await box(button)).height).toBeLessThanOrEqual(36);
    }
  });

  test('no stack item’s output shape is cut, in English or Persian', async ({ app, page }) => {
    await expect(app.row(12)).toBeVisible();
    expect(await cutStackShapes(page)).toEqual([]);
    await page.goto('/?lang=fa&tour=off#network');
    await expect(page.getByTestId('stack-shape-12')).toBeVisible();
    expect(await cutStackShapes(page)).toEqual([]);
  });
});

test.describe('Overview to detail (issue 10, requirement 6)', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('hovering a table row marks its diagram block, and hovering a block marks its row', async ({ app, page }) => {
    await app.row(3).getByTestId('cell-macs').hover();
    await expect(page.getByTestId('diagram-block-3')).toHaveAttribute('data-highlighted', 'true');
    await expect(page.locator('[data-testid^="diagram-block-"][data-highlighted="true"]')).toHaveCount(1);
    await page.getByTestId('diagram-block-5').locator('rect.front').hover();
    await expect(app.row(5)).toHaveAttribute('data-hovered', 'true');
    await expect(page.locator('tr[data-hovered="true"]')).toHaveCount(1);
    await expect(page.getByTestId('diagram-block-3')).not.toHaveAttribute('data-highlighted', 'true');
  });
});

test('clicking a diagram block shows its output shape and parameter count worked out, next to it; Escape closes', async ({ app, page }) => {
  void app;
  const block = page.getByTestId('diagram-block-1');
  await block.locator('rect.front').click();
  const popover = page.getByTestId('block-derivation');
  await expect(popover).toBeVisible();
  await expect(popover).toBeFocused();
  await expect(popover.getByRole('heading', { level: 2 })).toHaveText('Layer 1 (Conv2d): how its numbers are computed');
  // The same derivation as the table's params cell of layer 1.
  await expect(page.getByTestId('block-derivation-1-text')).toHaveText('params = (3*7*7/1 + 1)*32 = 4,736');
  const near = (await popover.boundingBox())!;
  const at = (await block.boundingBox())!;
  expect(Math.min(Math.abs(near.y - (at.y + at.height)), Math.abs(near.y + near.height - at.y))).toBeLessThan(24);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
});

test('the receptive-field growth switch draws one square per layer block, its size the table’s receptive field', async ({ app, page }) => {
  await expect(page.locator('[data-testid^="diagram-rf-"]:not([data-testid="diagram-rf-toggle"])')).toHaveCount(0);
  await page.getByTestId('diagram-rf-toggle').click();
  await expect(page.getByTestId('diagram-rf-toggle')).toHaveAttribute('aria-pressed', 'true');
  const squares = page.locator('rect[data-testid^="diagram-rf-"]');
  await expect(squares).toHaveCount(12);
  const widths: number[] = [];
  for (let index = 1; index <= 12; index++) {
    const square = page.getByTestId(`diagram-rf-${index}`);
    await expect(square).toHaveAttribute('data-size', (await app.cell(index, 'rf_size').textContent())!.trim());
    widths.push(Number(await square.getAttribute('width')));
  }
  // One scale: 7, 11, 13 ... 65 input pixels of 128, then the whole input.
  expect(widths[1]! / widths[0]!).toBeCloseTo(11 / 7, 5);
  expect(widths[7]! / widths[0]!).toBeCloseTo(65 / 7, 5);
  expect(widths[11]! / widths[7]!).toBeCloseTo(128 / 65, 5);
});
