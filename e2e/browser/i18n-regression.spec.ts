import type { Locator, Page } from '@playwright/test';
import { doubleDescentWork } from '../../shared/core/regression/index';
import { createDefaultProject, serializeProject } from '../../shared/project/index';
import { DEFAULT_DOUBLE_DESCENT_TOOL } from '../../src-renderer/lib/state/regression-cases';
import { expect, test } from '../fixtures/app';

/**
 * Issue 11: the regression labs' refusals reach the screen in Persian, phrased from the core's
 * codes (a truth formula that does not parse from the parser's own code, with where it is),
 * numbers in Persian digits, field names and x in Latin.
 */

/** Visible text without the bidi isolates and marks the Persian phrasing puts around values. */
async function visibleText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/[\u200E\u200F\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

async function openPersian(page: Page, tool: string): Promise<void> {
  await page.goto(`/?lang=fa&tour=off#${tool}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

const persian = (text: string) => text.replace(/\d/g, (digit) => '۰۱۲۳۴۵۶۷۸۹'[Number(digit)]!);

test.describe('Persian engine messages: the regression labs', () => {
  test('a truth formula that does not parse says why in Persian, at its character in Persian digits, the caret under it', async ({ page }) => {
    await openPersian(page, 'bias-variance');
    await page.getByTestId('bv-truth-choice').selectOption('formula');
    const field = page.getByTestId('bv-truth-formula');
    await field.fill('x^2 + 3x');
    const error = page.getByTestId('bv-truth-error');
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute('data-engine-text', '');
    const text = await visibleText(error.locator('span'));
    expect(text).toBe('میان ۳ و "x" علامت "*" بنویسید (در نویسهٔ ۸)');
    expect(text).not.toMatch(/[0-9]|model|مدل|write/);
    // the caret points at the character the sentence names (the 8th)
    const [typed, caret] = (await error.locator('.caret').innerText()).split('\n');
    expect(typed).toBe('x^2 + 3x');
    expect(caret).toBe(`${' '.repeat(7)}^`);
  });

  test('a number too large for the formula, in Persian', async ({ page }) => {
    await openPersian(page, 'bias-variance');
    await page.getByTestId('bv-truth-choice').selectOption('formula');
    const big = `1${'0'.repeat(400)}`;
    await page.getByTestId('bv-truth-formula').fill(`x + ${big}`);
    const text = await visibleText(page.getByTestId('bv-truth-error').locator('span'));
    expect(text).toBe(`عدد ${persian(big)} بیش از اندازه بزرگ است (در نویسهٔ ۵)`);
  });

  test('a run too large for the engine (from a project file) is a Persian banner naming its field, in Persian digits', async ({ app, page }) => {
    await openPersian(page, 'double-descent');
    const project = createDefaultProject();
    const tool = { ...DEFAULT_DOUBLE_DESCENT_TOOL, train_size: 200, max_features: 1000 };
    const text = serializeProject({ ...project, tools: { ...project.tools, doubleDescent: tool } });
    await app.open({ name: 'too-large.layerwise', mimeType: 'application/json', buffer: Buffer.from(text) });
    const banner = page.getByTestId('dd-issue');
    await expect(banner).toBeVisible();
    const work = doubleDescentWork(200, Array.from({ length: 1000 }, (_, p) => p + 1));
    const shown = await visibleText(banner);
    expect(shown).toContain('features: این کار');
    expect(shown).toContain('واحد محاسبه می‌برد و حداکثر');
    expect(shown.replace(/٬/g, '')).toContain(persian(String(work)));
    expect(shown.replace(/٬/g, '')).toContain(persian('200000000'));
    expect(shown).not.toMatch(/[0-9]|units of work|at most/);
  });
});
