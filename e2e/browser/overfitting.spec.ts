import type { Page } from '@playwright/test';
import { explainOverfitting, overfittingLab, type OverfittingExplainResult, type OverfittingResult } from '../../shared/core/overfitting/index';
import { DEFAULT_OVERFITTING_TOOL } from '../../shared/protocol/overfitting-schema';
import { labDocument } from '../../src-renderer/lib/state/overfitting.svelte';
import { expect, test } from '../fixtures/app';

const BIDI = /[\u200E\u200F\u061C\u2066-\u2069]/g;

async function core(tool: typeof DEFAULT_OVERFITTING_TOOL): Promise<OverfittingResult> {
  const result = await overfittingLab({ lab: labDocument(tool) });
  if (!('baseline' in result)) throw new Error('refused');
  return result;
}

async function explained(tool: typeof DEFAULT_OVERFITTING_TOOL, epoch: number): Promise<OverfittingExplainResult> {
  const result = await explainOverfitting({ lab: labDocument(tool), epoch });
  if (!result.ok) throw new Error('refused');
  return result;
}

/**
 * Presses "To the end". Already at the end (playback followed the training to its last epoch),
 * the button is disabled and pressing it does nothing, which is what the test wants too.
 */
async function toEnd(page: Page) {
  await page.getByTestId('overfitting-end').click({ force: true });
}

async function openLab(page: Page, query = '?tour=off') {
  await page.goto(`/${query}#overfitting`);
  await expect(page.getByTestId('overfitting-view')).toBeVisible();
}

test.describe('overfitting lab (issue 13, Q2b)', () => {
  test('the default run overfits, and the page says where it starts with the core\'s numbers', async ({ app, page }) => {
    void app;
    const expected = await core(DEFAULT_OVERFITTING_TOOL);
    const onset = expected.baseline.onset;
    expect(onset, 'the default settings overfit').not.toBeNull();
    await openLab(page);
    await toEnd(page);
    const statement = page.getByTestId('run-baseline-onset');
    await expect(statement).toContainText(`Overfitting starts after epoch ${onset!.start.epoch} `, { timeout: 30_000 });
    // training loss falls below, and validation loss rises above, their values at the start
    expect(onset!.detected.train_loss).toBeLessThan(onset!.start.train_loss);
    expect(onset!.detected.validation_loss).toBeGreaterThan(onset!.start.validation_loss);
    await expect(page.getByTestId('run-baseline-onset-mark')).toBeVisible();
  });

  test('at 1440x900 the remedies and both runs\' surfaces are on the first screen; chart labels never sit on one another', async ({ app, page }) => {
    void app;
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLab(page);
    await page.getByTestId('remedy-dropout').click();
    await toEnd(page);
    await expect(page.getByTestId('run-remedied-chart')).toBeVisible({ timeout: 30_000 });
    for (const testid of ['overfitting-remedies', 'overfitting-play', 'run-baseline', 'run-remedied']) {
      const box = (await page.getByTestId(testid).first().boundingBox())!;
      expect(box.y, testid).toBeLessThan(900 * 0.5);
      expect(box.y, testid).toBeGreaterThanOrEqual(0);
    }
    // The loss charts' own labels (legend, marks, axis titles) do not overlap, whatever the marks' places.
    await expect(page.getByTestId('overfitting-position')).toHaveAttribute('data-epoch', String(DEFAULT_OVERFITTING_TOOL.epochs), { timeout: 30_000 });
    // With dropout the default run still overfits, late: its onset mark stands near the right edge, under the legend.
    await expect(page.getByTestId('run-remedied-onset-mark')).toBeAttached();
    const overlaps = await page.locator('svg[data-testid="loss-chart-svg"]').evaluateAll((charts) =>
      charts.flatMap((chart) => {
        const labels = [...chart.querySelectorAll('text')].filter((text) => !text.closest('.tick') && (text.textContent ?? '').trim() !== '');
        const boxes = labels.map((text) => ({ text: text.textContent!, box: text.getBoundingClientRect() }));
        const found: string[] = [];
        for (let i = 0; i < boxes.length; i++)
          for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i]!.box;
            const b = boxes[j]!.box;
            if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) found.push(`${boxes[i]!.text} / ${boxes[j]!.text}`);
          }
        return found;
      }),
    );
    expect(overlaps).toEqual([]);
  });

  test('playing grows the curves epoch by epoch; a remedy trains a second run with another validation curve', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('overfitting-reset').click();
    const position = page.getByTestId('overfitting-position');
    const epochOf = async () => Number(((await position.textContent()) ?? '').replace(BIDI, '').match(/\d+/)?.[0] ?? -1);
    await page.getByTestId('overfitting-play').click();
    const first = await epochOf();
    await expect.poll(epochOf).toBeGreaterThan(first);
    await toEnd(page);

    await page.getByTestId('remedy-weight-decay').click();
    await expect(page.getByTestId('run-remedied')).toBeVisible({ timeout: 30_000 });
    const tool = { ...DEFAULT_OVERFITTING_TOOL, remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, weightDecay: { ...DEFAULT_OVERFITTING_TOOL.remedies.weightDecay, on: true } } };
    const expected = await core(tool);
    const base = expected.baseline.epochs.at(-1)!.validation_loss!;
    const remedied = expected.remedied!.epochs.at(-1)!.validation_loss!;
    expect(remedied).not.toBe(base);
    await expect(page.getByTestId('overfitting-training')).toHaveCount(0, { timeout: 30_000 });
    await toEnd(page);
    // The page states both validation losses at the last epoch, as the core computed them (4 decimals).
    const four = (value: number) => String(Number(value.toFixed(4)));
    await expect(page.getByTestId('overfitting-compare')).toContainText(`${four(base)} without remedies and ${four(remedied)} with them`, { timeout: 30_000 });
    await expect(page.getByTestId('run-remedied-onset')).toBeVisible();
  });

  test('early stopping marks its best epoch and restores it', async ({ app, page }) => {
    void app;
    await openLab(page);
    await page.getByTestId('remedy-early-stopping').click();
    await toEnd(page);
    const tool = { ...DEFAULT_OVERFITTING_TOOL, remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, earlyStopping: { ...DEFAULT_OVERFITTING_TOOL.remedies.earlyStopping, on: true } } };
    const expected = await core(tool);
    expect(expected.remedied!.best_epoch).not.toBeNull();
    // Stopped early: the statement names the stop and the best epoch whose weights were restored.
    const best = expected.remedied!.best_epoch!;
    const stop = expected.remedied!.epochs.length - 1;
    expect(stop).toBeLessThan(DEFAULT_OVERFITTING_TOOL.epochs);
    await expect(page.getByTestId('run-remedied-restored')).toContainText(String(best), { timeout: 30_000 });
    await expect(page.getByTestId('run-remedied-restored')).toContainText(String(stop));
    await expect(page.getByTestId('run-remedied-best-mark')).toHaveCount(1);
  });

  test('the numbers on screen open their derivations: the core\'s formula, terms and result', async ({ app, page }) => {
    void app;
    const tool = {
      ...DEFAULT_OVERFITTING_TOOL,
      remedies: { ...DEFAULT_OVERFITTING_TOOL.remedies, earlyStopping: { ...DEFAULT_OVERFITTING_TOOL.remedies.earlyStopping, on: true }, dropout: { ...DEFAULT_OVERFITTING_TOOL.remedies.dropout, on: true } },
    };
    await openLab(page);
    await page.getByTestId('remedy-early-stopping').click();
    await page.getByTestId('remedy-dropout').click();
    await expect(page.getByTestId('run-remedied')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('overfitting-training')).toHaveCount(0, { timeout: 30_000 });
    await toEnd(page);
    const lab = await core(tool);
    const last = DEFAULT_OVERFITTING_TOOL.epochs;
    const expected = await explained(tool, last);
    const panel = page.getByTestId('overfitting-derivation');

    // the baseline's training loss at the last epoch: the mean of N cross-entropy terms, the run's own value
    await page.getByTestId('run-baseline-train-loss').click();
    await expect(panel).toBeVisible();
    const train = expected.baseline.explanation.train_loss!;
    expect(expected.baseline.train_loss).toBe(lab.baseline.epochs[last]!.train_loss);
    await expect(panel.getByTestId('derivation-text')).toHaveText(train.text, { timeout: 30_000 });
    await expect(panel.getByTestId('derivation-formula').locator('annotation')).toHaveText(train.formula);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    // early stopping: the best epoch of the restored statement, with its patience
    const best = lab.remedied!.best_epoch!;
    const stop = lab.remedied!.epochs.length - 1;
    await page.getByTestId('run-remedied-best-epoch').click();
    const early = (await explained(tool, stop)).remedied!.explanation.best_epoch!;
    expect(early.result).toBe(`b = ${best}`);
    await expect(panel.getByTestId('derivation-text')).toHaveText(early.text, { timeout: 30_000 });
    await page.keyboard.press('Escape');

    // the comparison of the two validation losses, and dropout's rate
    await page.getByTestId('overfitting-compare-difference').click();
    await expect(panel.getByTestId('derivation-text')).toHaveText(expected.comparison!.text, { timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('run-remedied-dropout-rate').click();
    await expect(panel.getByTestId('derivation-text')).toHaveText(expected.remedied!.explanation.dropout!.text, { timeout: 30_000 });
  });

  test('in Persian, with screenshots at 1440×900 and 1024×700, light and dark', async ({ app, page }, testInfo) => {
    void app;
    await openLab(page, '?lang=fa&tour=off');
    await toEnd(page);
    await expect(page.getByTestId('run-baseline-onset')).toHaveText(/[۰-۹]/, { timeout: 30_000 });
    for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height });
        await page.emulateMedia({ colorScheme });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: testInfo.outputPath(`overfitting-fa-${width}x${height}-${colorScheme}.png`), fullPage: true });
      }
    }
  });
});
