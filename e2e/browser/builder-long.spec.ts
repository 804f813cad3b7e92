import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures/app';

/** 200 layers: (conv 3x3 pad 1, ReLU, batch norm) repeated on 8x32x32, the speed bench's network. */
function chain(length: number) {
  const cycle = [{ type: 'conv2d', out_channels: 8, kernel: 3, padding: 1 }, { type: 'relu' }, { type: 'batchnorm2d' }];
  return { input: [8, 32, 32], layers: Array.from({ length }, (_, i) => cycle[i % cycle.length]) };
}

test.describe('Network builder: a 200-layer network (only what is in view is rendered)', () => {
  test.beforeEach(async ({ app, page }) => {
    await expect(app.row(1)).toBeVisible();
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-language').selectOption('json');
    await page.getByTestId('import-source').fill(JSON.stringify(chain(200)));
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('network-table')).toHaveAttribute('aria-rowcount', '203');
  });

  test('rows far down are read by scrolling to them; screen readers get the row count and positions', async ({ app, page }) => {
    const table = page.getByTestId('network-table');
    await expect(table).toHaveAttribute('data-windowed', 'true');
    expect(await table.locator('tbody tr[data-testid^="layer-row-"]').count()).toBeLessThan(100);

    await page.getByTestId('totals-row').scrollIntoViewIfNeeded();
    // Layer 199 is a conv: (8*3*3 + 1)*8 = 584 parameters; 200 is a ReLU.
    await expect(app.cell(199, 'params')).toHaveText('584');
    await expect(app.cell(200, 'output')).toHaveText('8×32×32');
    await expect(app.row(200)).toHaveAttribute('aria-rowindex', '202');
    await expect(page.getByTestId('totals-row')).toHaveAttribute('aria-rowindex', '203');
    // 67 convs of 584 and 66 batch norms of 2*8 = 16 trainable parameters.
    await expect(page.getByTestId('total-params').locator('.value')).toHaveText('40,184');

    // An edit reaches the rows on screen.
    await page.getByTestId('input-shape-input').fill('8, 32, 40');
    // Typing scrolled the page up to the field: the last row is back once the table's end is in view.
    await page.getByTestId('totals-row').scrollIntoViewIfNeeded();
    await expect(app.cell(200, 'output')).toHaveText('8×32×40');

    // Back at the top: the first rows are there again and the last ones are not.
    await page.getByTestId('input-row').scrollIntoViewIfNeeded();
    await expect(app.cell(1, 'output')).toHaveText('8×32×40');
    await expect(app.row(1)).toHaveAttribute('aria-rowindex', '3');
    await expect(app.row(200)).toHaveCount(0);
  });

  test('the stack and the diagram show their last layer when scrolled to the end; the SVG file has every block', async ({ page }) => {
    await expect(page.getByTestId('stack-item-200')).toHaveCount(0);
    await page.getByTestId('layer-stack').locator('ol').evaluate((list) => list.scrollTo({ top: list.scrollHeight }));
    await expect(page.getByTestId('stack-shape-200')).toHaveText('8×32×32');
    await expect(page.getByTestId('stack-item-200')).toHaveAttribute('aria-posinset', '200');
    await expect(page.getByTestId('stack-item-200')).toHaveAttribute('aria-setsize', '200');

    // Keyboard: moving the last layer up keeps it focused and in view.
    await page.getByTestId('stack-item-200').locator('.item').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByTestId('builder-announcement')).toHaveText('ReLU moved to position 199 of 200.');
    await expect(page.getByTestId('stack-item-199').locator('.item')).toBeFocused();

    await expect(page.getByTestId('diagram-block-200')).toHaveCount(0);
    await page.getByTestId('diagram-canvas').evaluate((canvas) => canvas.scrollTo({ left: canvas.scrollWidth }));
    await expect(page.getByTestId('diagram-block-200')).toHaveAttribute('data-shape', '8×32×32');
    await expect(page.getByTestId('diagram-block-1')).toHaveCount(0);

    const download = page.waitForEvent('download');
    await page.getByTestId('diagram-export-svg').click();
    const svgText = await readFile((await (await download).path())!, 'utf8');
    const blocks = svgText.match(/data-testid="diagram-block-\d+"/g) ?? [];
    expect(new Set(blocks).size).toBe(201);
    expect(svgText).toContain('data-testid="diagram-block-1"');
  });
});
