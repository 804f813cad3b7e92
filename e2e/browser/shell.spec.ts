import { expect, test } from '../fixtures/app';

/**
 * Behaviour the browser mode shares with the desktop shell: the export dialog's Copy, and
 * Ctrl+Z inside a text field (e2e/electron/desktop.spec.ts checks the same in Electron).
 */

test.describe('Copy in the export dialog', () => {
  test('copies the exported code to the clipboard', async ({ app, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByTestId('open-export').click();
    const text = page.getByTestId('export-text');
    await expect(text).toHaveValue(/^import torch/);
    await page.getByTestId('export-copy').click();
    await expect(page.getByTestId('export-copied')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await text.inputValue());
    await expect(page.getByTestId('export-copy-error')).toHaveCount(0);
    await expect(app.row(1)).toBeVisible();
  });

  test('a refused clipboard is reported, and the text is selected to copy by hand', async ({ app, page }) => {
    await page.evaluate(() => {
      // what Electron's permission handler used to answer: NotAllowedError
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    await page.getByTestId('open-export').click();
    const text = page.getByTestId('export-text');
    await expect(text).toHaveValue(/^import torch/);
    await page.getByTestId('export-copy').click();
    await expect(page.getByTestId('export-copy-error')).toHaveText(
      'Could not copy to the clipboard (Write permission denied.). The text is selected: copy it with the keyboard (Ctrl+C, or ⌘C on a Mac).',
    );
    await expect(page.getByTestId('export-copied')).toHaveCount(0);
    await expect(text).toBeFocused();
    const selected = await text.evaluate((area: HTMLTextAreaElement) => area.value.slice(area.selectionStart, area.selectionEnd));
    expect(selected).toBe(await text.inputValue());
    await expect(app.row(1)).toBeVisible();
  });
});

test.describe('Undo inside a text field', () => {
  test('Ctrl+Z undoes the typing in the field, not the last project edit', async ({ app, page }) => {
    // a project edit to (wrongly) undo: move the max pool above the first conv
    await page.getByTestId('stack-item-3').locator('.item').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(app.cell(2, 'output')).toHaveText('32×64×64');

    await page.getByTestId('open-import').click();
    const source = page.getByTestId('import-source');
    await source.click();
    await page.keyboard.type('nn.Sequential()');
    await expect(source).toHaveValue('nn.Sequential()');
    await page.keyboard.press('Control+z');
    await expect(source).toHaveValue('');
    await page.keyboard.press('Control+Shift+z');
    await expect(source).toHaveValue('nn.Sequential()');
    await page.getByTestId('code-dialog-cancel').click();
    // the move is still there
    await expect(app.cell(2, 'output')).toHaveText('32×64×64');
  });
});
