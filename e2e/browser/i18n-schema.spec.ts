import { expect, test } from '../fixtures/app';

/**
 * Issue 11: a refusal at the boundary reaches the app as codes with values (shared/protocol/
 * schema-issues.ts) and is phrased in Persian (shared/messages/fa-schema-issues.ts): a project
 * file refused for its network, its saved backprop case and a lab's settings, and a JSON spec
 * refused in the code dialog. Numbers in Persian digits; field names, paths and layer type ids
 * as typed. Text is compared without bidi marks (isolates), which are invisible.
 */

const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const plain = (text: string | null) => (text ?? '').replace(BIDI_MARKS, '').replace(/\s+/g, ' ').trim();

const project = {
  format: 'layerwise-project',
  version: 1,
  name: 'تکلیف',
  network: { input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4 }, { type: 'bogus' }] },
  tools: { backprop: { input: [[1, 2, 3], [1, 2]], filters: [[1]] }, overfitting: { bogus: 1 } },
};

test.describe('schema refusals in Persian', () => {
  test('a project file refused for its network, its backprop case and a lab\'s settings says why in Persian, and the open project stays', async ({ app, page }) => {
    await page.goto('/?lang=fa&tour=off#network');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(app.row(1)).toBeVisible();
    await app.open({ name: 'broken.layerwise', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    const notice = app.notice();
    await expect(notice).toBeVisible();
    const text = plain(await notice.textContent());
    expect(text).toContain('لایهٔ ۱ (conv2d): kernel: لازم است');
    expect(text).toContain('لایهٔ ۲: نوع ناشناخته ("bogus")؛ نوع‌های معتبر: conv2d,');
    expect(text).toContain('؛ input[1]: سطر ۲ خانه دارد، اما باید ۳ تا داشته باشد؛ ');
    expect(text).not.toContain('tools.backprop');
    expect(text).toContain('tools.overfitting: کلید ناشناخته: "bogus"');
    expect(text).toContain('tools.overfitting.noise: ورودی نامعتبر: باید عدد باشد، اما خالی است');
    // No English sentence: beyond the file's names, paths, layer ids and JSON, every word is Persian.
    expect(text).not.toMatch(/\b(?:layer|unknown|expected|required|Invalid|received|row|cells)\b/);
    await expect(app.cell(1, 'params')).toHaveText('۴٬۷۳۶');
  });

  test('in English the notice is the reader\'s message word for word', async ({ app }) => {
    await app.goto();
    await app.open({ name: 'broken.layerwise', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(project)) });
    const text = plain(await app.notice().textContent());
    expect(text).toContain('broken.layerwise: layer 1 (conv2d): kernel: is required; layer 2: unknown type "bogus"; valid types are conv2d,');
    expect(text).toContain('; input[1]: row has 2 cells, expected 3; tools.overfitting.dataset: Invalid option: expected one of "regression"|');
    expect(text).toContain('; tools.overfitting: Unrecognized key: "bogus"');
  });

  test('a JSON spec pasted into the code dialog is refused in Persian', async ({ page }) => {
    await page.goto('/?lang=fa&tour=off#network');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-language').selectOption('json');
    await page.getByTestId('import-source').fill(JSON.stringify({ input: [3, 8, 8], layers: [{ type: 'conv2d', out_channels: 4, kernal: 3, kernel: 3 }, { type: 'linear' }] }));
    await page.getByTestId('import-run').click();
    await expect
      .poll(async () => (await page.getByTestId('import-error').allTextContents()).map(plain))
      .toEqual([expect.stringContaining('لایهٔ ۱ (conv2d): فیلد ناشناخته: "kernal"'), expect.stringContaining('لایهٔ ۲ (linear): out_features: لازم است')]);
  });
});
