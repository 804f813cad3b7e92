import type { Locator, Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/**
 * Issue 11: the optimizer's checks and the code dialog's import problems and export notes reach
 * the screen in Persian (phrased from the engine's codes), names such as x1 and Conv2d in Latin
 * with their Latin digits, numbers in Persian digits.
 */

/** Visible text without the bidi isolates and marks the Persian phrasing puts around values. */
async function visibleText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u200E\u200F\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

async function openPersian(page: Page, tool: string): Promise<void> {
  await page.goto(`/?lang=fa&tour=off#${tool}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

test.describe('Persian engine messages: optimizer checks, code import and export', () => {
  test('an optimizer check against the data is Persian, its column names keep Latin digits', async ({ page }) => {
    await openPersian(page, 'optimizer');
    await page.getByTestId('optimizer-load-seed').click();
    await page.getByTestId('model-input').fill('a*x1^2 + b*t');
    const errors = page.getByTestId('optimizer-errors');
    await expect(errors).toBeVisible();
    const text = await visibleText(errors);
    expect(text).toContain('مدل "t" را می‌خواند که ستون هدف است؛ مدل فقط ورودی‌ها (x1, x2) و پارامترها را می‌تواند بخواند');
    expect(text).not.toMatch(/x[۰-۹]|the model|target column/);
  });

  test('a run too long for the engine says so in Persian with Persian digits', async ({ page }) => {
    await openPersian(page, 'optimizer');
    await page.getByTestId('optimizer-load-seed').click();
    await page.getByTestId('setting-epochs').fill('6000');
    const errors = page.getByTestId('optimizer-errors');
    await expect(errors).toContainText('دوره');
    expect(await visibleText(errors)).toContain('۶۰۰۰ دوره ۱۲۰۰۰ گام می‌شود؛ حداکثر ۱۰۰۰۰ گام مجاز است (این‌جا حداکثر ۵۰۰۰ دوره)');
  });

  test('a diverging run stops with a Persian banner', async ({ page }) => {
    await openPersian(page, 'optimizer');
    await page.getByTestId('optimizer-load-seed').click();
    await page.getByTestId('main-type').selectOption('sgd');
    await page.getByTestId('main-hyper-lr').fill('5');
    await page.getByTestId('setting-epochs').fill('50');
    await page.getByTestId('control-speed').selectOption('30');
    await page.getByTestId('control-play').click();
    const banner = page.getByTestId('optimizer-stopped-contour-main');
    await expect(banner).toContainText('اجرا واگرا شد', { timeout: 15_000 });
    const text = await visibleText(banner.locator('[data-engine-text]'));
    expect(text).toMatch(/^در گام [۰-۹]+ متوقف شد: .*نرخ یادگیری کوچک‌تر از ۵ را امتحان کنید \(مثلاً ۰٫۵\)\.$/);
    expect(text).not.toMatch(/Stopped|diverged|Infinity/);
  });

  test('a PyTorch import problem is Persian with its line, the module name in Latin', async ({ page }) => {
    await openPersian(page, 'network');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-language').selectOption('pytorch');
    await page.getByTestId('import-source').fill('import torch.nn as nn\nmodel = nn.Sequential(\n    nn.Conv2d(3, 16 / 2, 3),\n    nn.ReLU(),\n)');
    await page.getByTestId('import-run').click();
    const error = page.getByTestId('import-error');
    await expect(error).toHaveCount(1);
    expect(await visibleText(error)).toBe('سطر ۳: Conv2d out_channels باید عدد صحیح (int) باشد، اما ۸٫۰ است (عدد اعشاری: در Python عملگر / همیشه عدد اعشاری می‌دهد و // عدد صحیح)');
  });

  test('a JSON spec pasted as PyTorch says to choose JSON, in Persian', async ({ page }) => {
    await openPersian(page, 'network');
    await page.getByTestId('open-import').click();
    await page.getByTestId('import-language').selectOption('pytorch');
    await page.getByTestId('import-source').fill('{"input": [3, 8, 8], "layers": []}');
    await page.getByTestId('import-run').click();
    expect(await visibleText(page.getByTestId('import-error'))).toBe('سطر ۱: این شبیه مشخصات JSON یک شبکه است، نه کد PyTorch؛ برای وارد کردنش JSON را انتخاب کنید');
  });

  test("the Keras export's notes are Persian", async ({ page }) => {
    await openPersian(page, 'network');
    await page.getByTestId('open-export').click();
    await page.getByTestId('export-format').selectOption('keras');
    const notes = page.getByTestId('export-notes').locator('li');
    await expect(notes.first()).toBeVisible();
    for (const note of await notes.all()) {
      const text = await visibleText(note);
      expect(text).toMatch(/^لایهٔ [۰-۹]+: /);
      expect(text).not.toMatch(/exported|has no|Keras flattens/);
    }
  });
});
