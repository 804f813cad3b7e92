import type { Page } from '@playwright/test';
import { runDoubleDescent, type DoubleDescentResult } from '../../shared/core/regression/index';
import { DEFAULT_DOUBLE_DESCENT_CASE } from '../../shared/core/regression/presets';
import { expect, test } from '../fixtures/app';

function core(chosen: number, overrides: Partial<typeof DEFAULT_DOUBLE_DESCENT_CASE> = {}): DoubleDescentResult {
  const result = runDoubleDescent({ case: { ...DEFAULT_DOUBLE_DESCENT_CASE, ...overrides }, chosen });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result;
}

const shown = (value: number, locale = 'en-US') => {
  const size = Math.abs(value);
  const scientific = size !== 0 && (size < 1e-4 || size >= 1e9);
  return new Intl.NumberFormat(locale, scientific ? { notation: 'scientific', maximumSignificantDigits: 4 } : { maximumSignificantDigits: 4, useGrouping: true }).format(value);
};

async function openLab(page: Page, lang: 'en' | 'fa' = 'en'): Promise<void> {
  await page.goto(`/?lang=${lang}#double-descent`);
  await expect(page.getByTestId('double-descent-view')).toBeVisible();
}

async function expectChosen(page: Page, result: DoubleDescentResult, locale = 'en-US'): Promise<void> {
  const entry = result.results.find((each) => each.features === result.chosen.features)!;
  for (const quantity of ['train_error', 'test_error', 'coefficient_norm'] as const) await expect(page.getByTestId(`dd-chosen-${quantity}`)).toHaveText(shown(entry[quantity], locale));
}

test.describe('Double-descent lab (issue 13)', () => {
  test('the preset peaks at the threshold p = n = 20; the chosen p slider and the ridge switch change the numbers as the core does', async ({ app, page }) => {
    void app;
    await openLab(page);
    const plain = core(20);
    expect(plain.peak).toBe(20);
    await expectChosen(page, plain);
    await expect(page.getByTestId('dd-curve-marker-threshold')).toHaveAttribute('data-x', '20');
    await expect(page.getByTestId('dd-summary')).toContainText(shown(plain.results[19]!.test_error));

    await page.getByTestId('dd-chosen').fill('60');
    await expectChosen(page, core(60));

    await page.getByTestId('dd-ridge-switch').click();
    const ridged = core(60, { ridge: 0.01 });
    await expectChosen(page, ridged);
    // The ridge removes the peak: at p = n the test error is far below the min-norm peak.
    expect(ridged.results[19]!.test_error).toBeLessThan(plain.results[19]!.test_error / 10);
    await expect(page.getByTestId('dd-summary')).toContainText(shown(ridged.results[19]!.test_error));

    await page.getByTestId('dd-chosen-test_error').click();
    await expect(page.getByTestId('dd-derivation')).toContainText(String(ridged.results[59]!.test_error));
  });

  test('in Persian the numbers are written in Persian digits', async ({ app, page }) => {
    void app;
    await openLab(page, 'fa');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectChosen(page, core(20), 'fa-IR');
  });

  test('screenshots at 1440×900 and 1024×700, light and dark (test-results/)', async ({ app, page }, testInfo) => {
    void app;
    test.setTimeout(120_000);
    for (const lang of ['en', 'fa'] as const) {
      await openLab(page, lang);
      await expect(page.getByTestId('dd-chosen-test_error')).toBeVisible();
      for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
        for (const colorScheme of ['light', 'dark'] as const) {
          await page.setViewportSize({ width, height });
          await page.emulateMedia({ colorScheme });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${lang} ${width}×${height}: page wider than the window`).toBeLessThanOrEqual(0);
          await page.screenshot({ path: testInfo.outputPath(`double-descent-${lang}-${width}x${height}-${colorScheme}.png`) });
        }
      }
    }
  });
});
