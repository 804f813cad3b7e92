import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

async function pasteAndImport(page: Page, language: 'pytorch' | 'keras' | 'json', code: string): Promise<void> {
  await page.getByTestId('open-import').click();
  await page.getByTestId('import-language').selectOption(language);
  await page.getByTestId('import-source').fill(code);
  await page.getByTestId('import-run').click();
}

const KERAS_CODE = `from tensorflow import keras
from tensorflow.keras import layers

model = keras.Sequential([
    keras.Input(shape=(32, 32, 3)),
    layers.Conv2D(16, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(10),
])`;

test.describe('Importing code (issue 9)', () => {
  test('PyTorch arithmetic in arguments is evaluated: nn.Linear(16*16*16, 10), 64*2, in_features=4*4*64', async ({ app, page }) => {
    await pasteAndImport(
      page,
      'pytorch',
      `import torch.nn as nn
# input: 3x32x32
model = nn.Sequential(
    nn.Conv2d(3, 64*2, kernel_size=(3, 3), padding=3 // 2),
    nn.MaxPool2d(2),
    nn.Conv2d(128, 16, 3, padding=1),
    nn.Flatten(),
    nn.Linear(16*16*16, 4*4*64),
    nn.Linear(in_features=4*4*64, out_features=10),
)`,
    );
    await expect(page.getByTestId('code-dialog')).toHaveCount(0);
    await expect(app.cell(1, 'output')).toHaveText('128×32×32');
    await expect(app.cell(5, 'params')).toHaveText('4,195,328'); // 4096 * 1024 + 1024
    await expect(app.cell(6, 'output')).toHaveText('10');

    // A float where PyTorch needs an int stays a line-numbered error, and nothing is imported.
    await pasteAndImport(page, 'pytorch', 'nn.Sequential(\n    nn.Flatten(),\n    nn.Linear(12, 64/2),\n)');
    await expect(page.getByTestId('import-error')).toHaveText(['line 3: Linear out_features must be a whole number (an int), got 32.0 (a float: in Python / always gives a float; // gives an int)']);
    await page.getByTestId('code-dialog-cancel').click();
    await expect(app.cell(6, 'output')).toHaveText('10');
  });

  test('a Keras padding="same" shows as "same" in the table, not "psame"', async ({ app, page }) => {
    await pasteAndImport(page, 'keras', KERAS_CODE);
    await expect(page.getByTestId('code-dialog')).toHaveCount(0);
    await expect(page.getByTestId('edit-layer-1').locator('.args')).toHaveText('3×3, 16 filters, same');
    await expect(app.cell(1, 'output')).toHaveText('16×32×32');
  });

  test('Keras pasted with PyTorch chosen is read as Keras and says so', async ({ app, page }) => {
    await pasteAndImport(page, 'pytorch', KERAS_CODE);
    await expect(page.getByTestId('import-read-as')).toHaveText('This code looks like Keras, not PyTorch, so it was read as Keras and imported (Undo brings the previous network back).');
    await expect(page.getByTestId('import-language')).toHaveValue('keras');
    await page.getByTestId('import-done').click();
    await expect(page.getByTestId('code-dialog')).toHaveCount(0);

    await expect(app.cell(1, 'output')).toHaveText('16×32×32');
    await expect(page.getByTestId('edit-layer-1').locator('.args')).toHaveText('3×3, 16 filters, same');
    await expect(app.cell(5, 'output')).toHaveText('10');
  });

  test('Keras that cannot be imported, with PyTorch chosen: the error says it looks like Keras and keeps the lines', async ({ app, page }) => {
    const before = await app.cell(1, 'output').innerText();
    await pasteAndImport(page, 'pytorch', 'model = keras.Sequential([\n    layers.Conv2D(8, 3, input_shape=(8, 8, 1)),\n    layers.LSTM(4),\n])');
    await expect(page.getByTestId('import-errors-heading')).toHaveText('This code looks like Keras, not PyTorch, so it was read as Keras. Nothing was imported:');
    await expect(page.getByTestId('import-error')).toHaveText([/^line 3: layers\.LSTM is not supported; supported Keras layers: Input, Conv2D/]);
    await page.getByTestId('code-dialog-cancel').click();
    await expect(app.cell(1, 'output')).toHaveText(before);
  });

  test('PyTorch pasted with JSON chosen is read as PyTorch', async ({ app, page }) => {
    await pasteAndImport(page, 'json', 'nn.Sequential(\n    nn.Flatten(),\n    nn.Linear(3*128*128, 10),\n)');
    await expect(page.getByTestId('import-read-as')).toHaveText('This code looks like PyTorch, not JSON, so it was read as PyTorch and imported (Undo brings the previous network back).');
    await page.getByTestId('import-done').click();
    await expect(app.cell(2, 'params')).toHaveText('491,530'); // 49152 * 10 + 10
  });
});
