import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { runBiasVariance, type BiasVarianceResult } from '../../shared/core/regression/index';
import { DEFAULT_BIAS_VARIANCE_CASE } from '../../shared/core/regression/presets';
import { expect, test } from '../fixtures/app';

/** The core run directly (not through the app's worker): the numbers the lab must show. */
function core(chosen: number, overrides: Partial<typeof DEFAULT_BIAS_VARIANCE_CASE> = {}): BiasVarianceResult {
  const result = runBiasVariance({ case: { ...DEFAULT_BIAS_VARIANCE_CASE, ...overrides }, chosen });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

/** Four significant digits as the lab writes them (lib/i18n formatSignificant). */
const shown = (value: number, locale = 'en-US') => {
  const size = Math.abs(value);
  const scientific = size !== 0 && (size < 1e-4 || size >= 1e9);
  return new Intl.NumberFormat(locale, scientific ? { notation: 'scientific', maximumSignificantDigits: 4 } : { maximumSignificantDigits: 4, useGrouping: true }).format(value);
};
const QUANTITIES = ['bias2', 'variance', 'noise', 'expected_error', 'test_error', 'train_error'] as const;

async function openLab(page: Page, lang: 'en' | 'fa' = 'en'): Promise<void> {
  await page.goto(`/?lang=${lang}#bias-variance`);
  await expect(page.getByTestId('bias-variance-view')).toBeVisible();
}

async function expectChosen(page: Page, result: BiasVarianceResult, locale = 'en-US'): Promise<void> {
  const entry = result.results.find((each) => each.complexity === result.chosen.complexity)!;
  for (const quantity of QUANTITIES) await expect(page.getByTestId(`bv-chosen-${quantity}`)).toHaveText(shown(entry[quantity], locale));
  await expect(page.getByTestId('bv-agreement')).toContainText(shown(entry.expected_error, locale));
  await expect(page.getByTestId('bv-agreement')).toContainText(shown(entry.test_error, locale));
}

test.describe('Bias-variance lab (issue 13, Q2a)', () => {
  test('the preset shows the core’s decomposition at degree 3; the degree slider moves it to degree 5; a number opens its formula', async ({ app, page }) => {
    void app;
    await openLab(page);
    await expectChosen(page, core(3));
    // Every degree's row is the core's.
    const all = core(3);
    for (const entry of all.results.slice(0, 8)) await expect(page.getByTestId(`bv-cell-${entry.complexity}-variance`)).toHaveText(shown(entry.variance));
    await expect(page.getByTestId('bv-fan').locator('[data-testid^="bv-fan-line-fit-"]')).toHaveCount(50);
    await expect(page.getByTestId('bv-curve-marker-chosen')).toHaveAttribute('data-x', '3');

    await page.getByTestId('bv-degree').fill('5');
    await expect(page.getByTestId('bv-degree-value')).toHaveText('5');
    await expectChosen(page, core(5));
    await expect(page.getByTestId('bv-curve-marker-chosen')).toHaveAttribute('data-x', '5');

    await page.getByTestId('bv-chosen-variance').click();
    const panel = page.getByTestId('bv-derivation');
    await expect(panel).toBeVisible();
    await expect(panel).toContainText(String(core(5).results[5]!.variance));
  });

  test('the domain: two fields, a bad end named at its field, the change undoable and saved with the project', async ({ app, page }) => {
    void app;
    await openLab(page);
    await expectChosen(page, core(3));
    const low = page.getByTestId('bv-domain-low');
    await low.fill('2');
    await expect(page.getByTestId('bv-domain-low-error')).toHaveText('The low end must be below 1.');
    // nothing was committed: the numbers are still the preset's
    await expectChosen(page, core(3));
    await low.fill('-1');
    await expect(page.getByTestId('bv-domain-low-error')).toHaveCount(0);
    await low.blur();
    await expectChosen(page, core(3, { domain: [-1, 1] }));
    await page.getByTestId('bv-domain-high').fill('-2');
    await expect(page.getByTestId('bv-domain-high-error')).toHaveText('The high end must be above -1.');
    await page.getByTestId('bv-domain-high').fill('1');
    await page.getByTestId('bv-domain-high').blur();

    const downloadEvent = page.waitForEvent('download');
    await page.getByTestId('file-save').click();
    const saved = JSON.parse(await readFile(await (await downloadEvent).path(), 'utf8'));
    expect(saved).toMatchObject({ tools: { biasVariance: { domain: [-1, 1] } } });

    await page.getByTestId('undo').click();
    await expect(low).toHaveValue('0');
    await expectChosen(page, core(3));
  });

  test('k-NN and n: the k slider follows n, the numbers follow the core', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('bv-family-knn').click();
    await page.getByTestId('bv-n').fill('30');
    await page.getByTestId('bv-k').fill('7');
    await expectChosen(page, core(7, { train_size: 30, model: { family: 'knn' } }));
  });

  test('a formula of one’s own: its parse error shows at the field, and a good one is fitted', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('bv-truth-choice').selectOption('formula');
    const field = page.getByTestId('bv-truth-formula');
    await field.fill('x^2 +');
    await expect(page.getByTestId('bv-truth-error')).toBeVisible();
    await field.fill('x^2');
    await expect(page.getByTestId('bv-truth-error')).toHaveCount(0);
    await expectChosen(page, core(3, { truth: 'x^2' }));
  });

  test('in Persian the same numbers are written in Persian digits', async ({ app, page }) => {
    void app;
    await openLab(page, 'fa');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectChosen(page, core(3), 'fa-IR');
    await page.getByTestId('bv-degree').fill('1');
    await expectChosen(page, core(1), 'fa-IR');
    // The degree slider stands for the complexity plots' x axis, which never mirrors: its low end is on the left.
    // A setting such as the noise mirrors with the page: its low end is on the right.
    const direction = (testid: string) => page.getByTestId(testid).evaluate((input) => getComputedStyle(input).direction);
    expect(await direction('bv-degree')).toBe('ltr');
    expect(await direction('bv-noise')).toBe('rtl');
  });

  test('screenshots at 1440×900 and 1024×700, light and dark (test-results/)', async ({ app, page }, testInfo) => {
    void app;
    test.setTimeout(120_000);
    for (const lang of ['en', 'fa'] as const) {
      await openLab(page, lang);
      await expect(page.getByTestId('bv-chosen-variance')).toBeVisible();
      for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.setViewportSize({ width, height });
          await page.emulateMedia({ colorScheme });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${lang} ${width}×${height}: page wider than the window`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: testInfo.outputPath(`bias-variance-${lang}-${width}x${height}-${colorScheme}.png`) });
        }
      }
    }
  });
});
