import { expect, test } from '../fixtures/app';

test.describe('Network view: the seed network (Q1)', () => {
  test('shows the per-layer numbers of the default project', async ({ app, page }) => {
    await expect(page.getByTestId('project-name')).toHaveText('Assignment 1');
    await expect(page).toHaveTitle('Assignment 1 — Layerwise');
    await expect(page.getByTestId('input-shape')).toHaveText('3×128×128');

    await expect(app.cell(1, 'output')).toHaveText('32×128×128');
    await expect(app.cell(1, 'params')).toHaveText('4,736');
    await expect(app.cell(1, 'rf_size')).toHaveText('7×7');
    await expect(app.cell(1, 'rf_jump')).toHaveText('1');
    await expect(app.cell(2, 'output')).toHaveText('64×62×62');
    await expect(app.cell(2, 'params')).toHaveText('51,264');
    await expect(app.cell(2, 'rf_size')).toHaveText('11×11');
    await expect(app.cell(3, 'rf_size')).toHaveText('13×13');
    await expect(app.cell(4, 'output')).toHaveText('128×27×27');
    await expect(app.cell(8, 'rf_size')).toHaveText('65×65');
    await expect(app.cell(8, 'rf_jump')).toHaveText('16');

    // The seed's "layer 9" (flatten + linear 6400 -> 1024) is two rows here: the linear one is row 10.
    await expect(app.row(9).getByTestId('edit-layer-9')).toContainText('Flatten');
    await expect(app.cell(9, 'output')).toHaveText('6400');
    await expect(app.row(10).getByTestId('edit-layer-10')).toHaveText(/Linear\s*6400 → 1024/);
    // The stack names the linear layer's input size too, once the engine has computed it.
    await expect(page.getByTestId('stack-item-10')).toContainText(/Linear\s*6400 → 1024/);
    await expect(app.cell(10, 'output')).toHaveText('1024');
    await expect(app.cell(10, 'params')).toHaveText('6,554,624');
    await expect(app.cell(10, 'rf_size')).toHaveText('whole input');
    await expect(app.cell(12, 'params')).toHaveText('10,250');

    await expect(page.getByTestId('total-params')).toHaveText('7,137,482');
  });

  test('a number cell is named by its column, its layer and its value, and says what selecting it does', async ({ app }) => {
    // Composed by the browser from ids (column header, layer number and type, the value), not rebuilt per edit.
    await expect(app.cell(1, 'params')).toHaveAccessibleName("Params 1 Conv2d 4,736");
    await expect(app.cell(2, 'rf_size')).toHaveAccessibleName("Receptive field 2 Conv2d 11×11");
    await expect(app.cell(1, 'params')).toHaveAccessibleDescription('Select to see how this number is computed, with the values filled in.');
  });

  test('memory shows human units with the exact bytes on hover', async ({ app }) => {
    await expect(app.cell(1, 'memory')).toHaveText('2 MiB');
    await expect(app.cell(1, 'memory')).toHaveAttribute('title', '2,097,152 bytes');
    await expect(app.cell(12, 'memory')).toHaveText('40 B');
  });

  test('clicking a number shows its derivation with the numbers filled in', async ({ app, page }) => {
    await app.cell(1, 'params').click();
    await expect(app.cell(1, 'params')).toHaveAttribute('aria-pressed', 'true');
    const panel = page.getByTestId('derivation-panel');
    await expect(panel.getByRole('heading')).toHaveText('How it is computed: layer 1, the parameter count');
    await expect(page.getByTestId('derivation-text')).toHaveText('params = (3*7*7/1 + 1)*32 = 4,736');
    // What KaTeX drew (its HTML layer, not the MathML copy): "(3 · 7 · 7 / 1 + 1) · 32 = 4,736".
    await expect(page.getByTestId('derivation-substituted').locator('.katex-html')).toHaveText('(3⋅7⋅7/1+1)⋅32=4,736');
    await expect(page.getByTestId('derivation-substituted')).toHaveAttribute('aria-label', 'params = (3*7*7/1 + 1)*32 = 4,736');

    await app.cell(10, 'params').click();
    await expect(page.getByTestId('derivation-text')).toHaveText('params = (6,400 + 1)*1,024 = 6,554,624');

    await page.getByTestId('derivation-close').click();
    await expect(panel).toHaveCount(0);
  });
});

test.describe('Network view: parameters are PyTorch parameters(), buffers apart', () => {
  test('MobileNet v1: batch norm shows its 2C parameters with its 2C buffers as a note; the total leaves the buffers out', async ({ app, page }) => {
    await page.getByTestId('preset-select').selectOption('mobilenet_v1');
    await page.getByTestId('preset-load').click();
    // MobileNet's 88 rows are windowed: bring the top of the table on screen so its first rows are drawn
    await page.getByTestId('input-row').scrollIntoViewIfNeeded();
    // layer 2 is BatchNorm2d(32): gamma and beta are 64 parameters; running mean and variance are 64 buffers
    await expect(app.cell(2, 'params')).toHaveText('6464 buffers');
    await expect(app.cell(2, 'params').locator('.note')).toHaveText('64 buffers');
    await expect(app.cell(2, 'params')).toHaveAttribute('title', /not parameters/);
    await expect(app.cell(1, 'params')).toHaveText('864');
    await expect(page.getByTestId('total-params').locator('.value')).toHaveText('4,231,976');
    await expect(page.getByTestId('total-buffers')).toHaveText('21,888 buffers');
  });
});
