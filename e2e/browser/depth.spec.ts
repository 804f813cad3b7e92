import type { Page } from '@playwright/test';
import { linearRegions } from '../../shared/core/dense/index';
import { DEFAULT_DEPTH, regions2dNet, sawtoothFacts } from '../../src-renderer/lib/state/dense-labs';
import { expect, test } from '../fixtures/app';

const read = (text: string | null) => Number((text ?? '').replace(/[,\u2066-\u2069]/g, '').trim());

async function openLab(page: Page, query = '?tour=off') {
  await page.goto(`/${query}#depth`);
  await expect(page.getByTestId('depth-view')).toBeVisible();
}

test.describe('depth lab (issue 12, Q2d)', () => {
  test('Telgarsky\'s sawtooth: 2^k linear pieces from 6k + 1 parameters; a shallow net needs 2^k - 1 units', async ({ app, page }) => {
    void app;
    await openLab(page);
    await expect.poll(async () => read(await page.getByTestId('depth-linear-pieces').textContent())).toBe(8);
    await expect(page.getByTestId('depth-parameters')).toHaveText('19');
    await expect(page.getByTestId('depth-shallow-units')).toContainText('7');
    await page.getByTestId('depth-k').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const facts = sawtoothFacts(5);
    await expect.poll(async () => read(await page.getByTestId('depth-linear-pieces').textContent())).toBe(32);
    expect(facts.pieces).toBe(32);
    await expect(page.getByTestId('depth-parameters')).toHaveText(String(facts.parameters));
    await expect(page.getByTestId('depth-breakpoints-count')).toHaveText('31');
  });

  test('2-D regions: the count the core finds, beside the bounds; a change of widths recounts', async ({ app, page }) => {
    void app;
    await openLab(page);
    const expected = await linearRegions({ net: regions2dNet(DEFAULT_DEPTH) });
    if (!('regions' in expected)) throw new Error('refused');
    await expect.poll(async () => read(await page.getByTestId('depth-regions').textContent())).toBe(expected.regions);
    await expect.poll(async () => read(await page.getByTestId('depth-bound-serra').textContent())).toBe(expected.bounds.serra_upper);
    await page.getByTestId('depth-widths-2d').fill('6');
    const one = await linearRegions({ net: regions2dNet({ ...DEFAULT_DEPTH, twoD: { widths: [6] } }) });
    if (!('regions' in one)) throw new Error('refused');
    await expect.poll(async () => read(await page.getByTestId('depth-regions').textContent())).toBe(one.regions);
    // One hidden layer: never more than the one-layer maximum.
    expect(one.regions).toBeLessThanOrEqual(one.bounds.one_layer_max);
  });

  test('same budget, two shapes: both trained, both losses shown', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('budget-start').click();
    const rows = page.getByTestId('budget-table').locator('tbody tr');
    await expect(rows).toHaveCount(2, { timeout: 30_000 });
    await expect.poll(async () => (await rows.nth(1).getByTestId('cell-loss').textContent())?.trim() ?? '', { timeout: 30_000 }).toMatch(/\d/);
  });

  test('in Persian, with screenshots at 1440×900 and 1024×700, light and dark', async ({ app, page }, testInfo) => {
    void app;
    await openLab(page, '?lang=fa&tour=off');
    await expect(page.getByTestId('depth-linear-pieces')).toHaveText('۸');
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`depth-fa-${width}x${height}-${colorScheme}.png`), fullPage: true });
      }
    }
  });
});
