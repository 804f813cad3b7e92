import { expect, test } from '../fixtures/app';

test.describe('Network view: editing layers', () => {
  test('an invalid value shows the engine message at the field; later rows are not computed; fixing it brings the numbers back', async ({
    app,
    page,
  }) => {
    await app.editLayer(2);
    await app.field('kernel').fill('200');

    const message = 'layer 2 (conv2d): kernel 200 is larger than the padded input 128x128';
    await expect(app.fieldMessage('kernel')).toHaveText(message);
    await expect(app.row(2)).toHaveAttribute('data-status', 'error');
    await expect(app.row(2).getByTestId('layer-error')).toHaveText(message);
    for (const index of [3, 4, 10, 12]) {
      await expect(app.row(index)).toHaveAttribute('data-status', 'not_computed');
      await expect(app.row(index).getByTestId('layer-not-computed')).toHaveText('not computed');
    }
    await expect(app.cell(1, 'params')).toHaveText('4,736');
    await expect(page.getByTestId('total-params')).toHaveText('4,736');
    await expect(page).toHaveTitle('Assignment 1 • — Layerwise');
    await expect(page.getByTestId('dirty-marker')).toBeVisible();

    await app.field('kernel').fill('5');
    await expect(app.fieldMessage('kernel')).toHaveCount(0);
    await expect(app.cell(2, 'params')).toHaveText('51,264');
    await expect(app.cell(10, 'params')).toHaveText('6,554,624');
    await expect(page.getByTestId('total-params')).toHaveText('7,137,482');
    // Back to the saved values: the project is clean again.
    await expect(page).toHaveTitle('Assignment 1 — Layerwise');
  });

  test('text that is not a number is kept in the field with a message, and the network keeps its last valid value', async ({
    app,
  }) => {
    await app.editLayer(1);
    await app.field('out_channels').fill('sixteen');
    await expect(app.fieldMessage('out_channels')).toHaveText('Enter a number');
    await expect(app.field('out_channels')).toHaveValue('sixteen');
    await expect(app.cell(1, 'params')).toHaveText('4,736');

    await app.field('out_channels').fill('16');
    await expect(app.fieldMessage('out_channels')).toHaveCount(0);
    // (3*7*7 + 1) * 16
    await expect(app.cell(1, 'params')).toHaveText('2,368');
    // Layer 2 sees 16 input channels: (16*5*5 + 1) * 64
    await expect(app.cell(2, 'params')).toHaveText('25,664');
  });

  test('undo and redo step through edits; typing in one field is one step', async ({ app, page }) => {
    await app.editLayer(1);
    await app.field('out_channels').fill('1');
    await app.field('out_channels').fill('16');
    await expect(app.cell(1, 'params')).toHaveText('2,368');
    await app.field('out_channels').blur();

    await page.getByTestId('undo').click();
    await expect(app.cell(1, 'params')).toHaveText('4,736');
    await expect(app.field('out_channels')).toHaveValue('32');
    await expect(page.getByTestId('undo')).toBeDisabled();

    await page.getByTestId('redo').click();
    await expect(app.cell(1, 'params')).toHaveText('2,368');
  });

  test('layers can be added and removed', async ({ app, page }) => {
    await app.editLayer(12);
    await page.getByTestId('new-layer-type').selectOption('softmax');
    await page.getByTestId('add-layer').click();
    await expect(app.row(13).getByTestId('edit-layer-13')).toContainText('Softmax');
    await expect(app.cell(13, 'output')).toHaveText('10');
    await expect(app.cell(13, 'params')).toHaveText('0');

    await page.getByTestId('remove-layer').click();
    await expect(app.row(13)).toHaveCount(0);
    await expect(page.getByTestId('total-params')).toHaveText('7,137,482');
  });
});
