import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

/**
 * Issue 11: a layer's derivation in Persian. The core sends each derivation's line as codes
 * with values; the popover phrases it, with the equations left to right in Persian digits, and
 * the words inside the formulas' \text{} in Persian. Text is compared without bidi marks.
 */

const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const plain = (text: string | null) => (text ?? '').replace(BIDI_MARKS, '').trim();

async function gotoPersianNetwork(page: Page): Promise<void> {
  await page.goto('/?lang=fa&tour=off#network');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByTestId('layer-row-1')).toBeVisible();
}

/** The words of a line outside its math pieces (the `<code>` elements). */
async function wordsOutsideMath(page: Page, testid: string): Promise<string> {
  return page.getByTestId(testid).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const code of copy.querySelectorAll('code')) code.remove();
    return copy.textContent ?? '';
  });
}

test.describe('Persian derivations (issue 11)', () => {
  test('flatten: "params = 0 (flatten has no parameters)" in Persian, the math left to right in Persian digits', async ({ page }) => {
    await gotoPersianNetwork(page);
    await page.getByTestId('layer-row-9').getByTestId('cell-params').click();
    const text = page.getByTestId('derivation-text');
    await expect.poll(async () => plain(await text.textContent())).toBe('پارامترها = ۰ (flatten پارامتری ندارد)');
    // Only the layer's name (as PyTorch spells it) is Latin, and it sits in a left-to-right math piece.
    expect(await wordsOutsideMath(page, 'derivation-text')).not.toMatch(/[A-Za-z]/);
    await expect(text.locator('code').first()).toHaveAttribute('dir', 'ltr');
    await expect(page.getByTestId('derivation-substituted')).toHaveAttribute('aria-label', /پارامترها = .*۰.* \(.*flatten.* پارامتری ندارد\)/);
  });

  test('conv: the parameter count reads "پارامترها = (۳*۷*۷/۱ + ۱)*۳۲ = ۴٬۷۳۶", the equation one left-to-right piece', async ({ page }) => {
    await gotoPersianNetwork(page);
    await page.getByTestId('layer-row-1').getByTestId('cell-params').click();
    await expect.poll(async () => plain(await page.getByTestId('derivation-text').textContent())).toBe('پارامترها = (۳*۷*۷/۱ + ۱)*۳۲ = ۴٬۷۳۶');
    await expect(page.getByTestId('derivation-text').locator('code')).toHaveText('(۳*۷*۷/۱ + ۱)*۳۲ = ۴٬۷۳۶');
    // The formula stays KaTeX's, left to right, with Latin digits.
    await expect(page.getByTestId('derivation-substituted').locator('.katex-html')).toHaveText('(3⋅7⋅7/1+1)⋅32=4,736');
  });

  test('dropout: the formula\'s "same as input" is Persian inside KaTeX, and the reason is a Persian sentence', async ({ page }) => {
    await gotoPersianNetwork(page);
    await page.getByTestId('layer-row-11').getByTestId('cell-output').click();
    await expect(page.getByTestId('derivation-formula').locator('.katex-html')).toHaveText('همانند ورودی');
    await expect
      .poll(async () => plain(await page.getByTestId('derivation-text').textContent()))
      .toBe('خروجی = ۱۰۲۴ (dropout هنگام آموزش واحدها را تصادفی صفر می‌کند؛ شکل‌ها تغییر نمی‌کنند)');
  });

  test('the answer sheet: the derivation inside a reason is Persian too', async ({ page }) => {
    await gotoPersianNetwork(page);
    await page.getByTestId('toggle-answers').click();
    await page.getByTestId('answer-9-params').fill('6,554,624');
    await expect(page.getByTestId('mark-9-params')).toHaveAttribute('data-status', 'wrong');
    await expect.poll(async () => plain(await page.getByTestId('mark-9-params-reason').textContent())).toMatch(/؛ این ردیف: پارامترها = ۰ \(flatten پارامتری ندارد\)$/);
  });

  test('English is unchanged', async ({ app, page }) => {
    await app.goto();
    await app.cell(9, 'params').click();
    await expect(page.getByTestId('derivation-text')).toHaveText('params = 0 (flatten has no parameters)');
    await expect(page.getByTestId('derivation-text')).toHaveJSProperty('tagName', 'CODE');
  });

  test('the receptive-field explorer: the effective field\'s notes are Persian sentences', async ({ page }) => {
    await page.goto('/?lang=fa&tour=off#receptive-field');
    const canvas = page.getByTestId('rf-canvas-3');
    await expect(canvas).toBeVisible();
    const cell = Number(await canvas.getAttribute('data-cell'));
    const margin = Number(await canvas.getAttribute('data-margin'));
    await canvas.click({ position: { x: margin + 0.5 * cell, y: margin + 0.5 * cell } });
    const notes = page.getByTestId('receptive-field-view').locator('p[data-engine-text]').filter({ hasText: 'fan_in' });
    await expect.poll(async () => plain(await notes.first().textContent()), { timeout: 20_000 }).toMatch(/^وزن‌ها ۱\/fan_in، بایاس ۰؛ گذر رو به جلو روی ورودی تصادفی/);
    expect(plain(await notes.first().textContent())).not.toMatch(/\b(?:weights|forward|activations|batch)\b/);
  });
});
