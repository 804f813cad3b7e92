import type { Page } from '@playwright/test';
import { gradientFlow, type GradientFlowResult } from '../../shared/core/dense/index';
import { flowCase, flowTrend, presetBehaviour, presetSettings, GRADIENT_FLOW_PRESET_IDS } from '../../src-renderer/lib/state/dense-labs';
import { expect, test } from '../fixtures/app';

/** A number as the page writes it in English ("83,850", "3.25e7", "0.0819"). */
const read = (text: string | null) => Number((text ?? '').replace(/[,\u2066-\u2069]/g, '').trim());

async function core(settings: ReturnType<typeof presetSettings>): Promise<GradientFlowResult> {
  const result = await gradientFlow({ case: flowCase(settings) });
  if (!('layers' in result)) throw new Error('the preset is refused by the core');
  return result;
}

async function openLab(page: Page, query = '?tour=off') {
  await page.goto(`/${query}#gradient-flow`);
  await expect(page.getByTestId('gradient-flow-view')).toBeVisible();
}

const relativeError = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

test.describe('gradient-flow lab (issue 12, Q2c)', () => {
  test('every preset shows the core\'s numbers and reads as the behaviour it demonstrates', async ({ app, page }) => {
    void app;
    await openLab(page);
    for (const id of GRADIENT_FLOW_PRESET_IDS) {
      await page.getByTestId(`flow-preset-${id}`).click();
      const expected = await core(presetSettings(id));
      const trend = flowTrend(expected.layers)!;
      await expect(page.getByTestId('flow-table').locator('tbody tr')).toHaveCount(expected.layers.length);
      await expect.poll(async () => relativeError(read(await page.getByTestId('flow-loss').textContent()), expected.loss), { message: `${id} loss` }).toBeLessThan(1e-3);
      await expect.poll(async () => relativeError(read(await page.getByTestId('flow-ratio').textContent()), trend.ratio), { message: `${id} ratio` }).toBeLessThan(5e-3);
      await expect(page.getByTestId('flow-trend')).toHaveText(trend.trend);
      // The preset demonstrates what its name says (the engine's label), and the core agrees.
      expect(trend.trend).toBe(presetBehaviour(id));
      await expect(page.getByTestId('flow-note')).toBeVisible();
    }
    // ReLU with N(0, 1): the note says the weight scale, not ReLU, is the cause.
    await page.getByTestId('flow-preset-relu_normal').click();
    await expect(page.getByTestId('flow-note')).toContainText(/weight/i);
  });

  test('a change recomputes live: one layer more, then the first layer\'s gradient norm as the core has it', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('flow-preset-sigmoid_xavier').click();
    const settings = presetSettings('sigmoid_xavier');
    await expect(page.getByTestId('flow-table').locator('tbody tr')).toHaveCount(settings.depth + 1);
    await page.getByTestId('flow-depth').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('flow-table').locator('tbody tr')).toHaveCount(settings.depth + 2);
    const deeper = await core({ ...settings, depth: settings.depth + 1, preset: null });
    const first = page.getByTestId('flow-table').locator('tbody tr').first();
    await expect.poll(async () => relativeError(read(await first.getByTestId('cell-grad-weight').textContent()), deeper.layers[0]!.grad_weight_norm)).toBeLessThan(5e-3);
    // Vanishing: the first layer's ||delta|| is far below the last hidden layer's.
    const deltas = deeper.layers.map((layer) => layer.delta_norm);
    expect(deltas[0]! / deltas[deltas.length - 2]!).toBeLessThan(1e-3);
  });

  test('train N steps: progress arrives and the update-to-weight ratios reach the last step', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('flow-train-steps').fill('20');
    await page.getByTestId('flow-train-steps').press('Enter');
    await page.getByTestId('flow-train-start').click();
    await expect(page.getByTestId('flow-train-progress')).toHaveText('Step 20 of 20', { timeout: 20_000 });
    // log10 of the update-to-weight ratio of the first and the last layer after the last step.
    await expect(page.getByTestId('flow-train-last')).toHaveText(/layer 1 at -?\d+(\.\d+)?, layer 21 at -?\d+(\.\d+)?\./);
  });

  test('in Persian: Persian digits, plots left to right', async ({ app, page }) => {
    void app;
    await openLab(page, '?lang=fa&tour=off');
    await expect(page.getByTestId('flow-parameters')).toHaveText(/[۰-۹]/);
    await expect(page.getByTestId('flow-parameters')).not.toHaveText(/[0-9]/);
  });

  test('screenshots at 1440×900 and 1024×700, light and dark (test-results/)', async ({ app, page }, testInfo) => {
    void app;
    await openLab(page);
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`gradient-flow-${width}x${height}-${colorScheme}.png`), fullPage: true });
      }
    }
  });
});
