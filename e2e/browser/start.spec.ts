import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures/app';

const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
const plain = (text: string | null) => (text ?? '').replace(BIDI_MARKS, '').trim();

async function openStart(page: Page, query = '?tour=off'): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('tool-tab-start')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('start-view')).toBeVisible();
}

test.describe('the start page (issue 10, requirement 7)', () => {
  test('the default project opens on its questions; Q4 opens the optimizer with the seed loaded', async ({ app, page }) => {
    void app;
    await openStart(page);
    for (const id of ['q1', 'q1-rf', 'q3', 'q4']) await expect(page.getByTestId(`question-${id}`)).toBeVisible();
    await expect(page.getByTestId('question-q1-facts')).toHaveText(/62×62×64.*51,264.*11×11.*35×35/);
    // Q4: the default optimizer problem is a starter, not the seed, so the card offers to load it.
    await expect(page.getByTestId('question-q4-state')).toHaveAttribute('data-loaded', 'false');
    await page.getByTestId('question-q4-load').click();
    await expect(page.getByTestId('tool-tab-optimizer')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('model-input')).toHaveValue('a*x1^2 + b*x2^2 + c*x1*x2 + d');
    await page.getByTestId('control-step').click();
    await page.getByTestId('control-step').click();
    await expect(page.getByTestId('step-row-2')).toContainText('4.04');
    // Back on the start page the card now says the project holds the exercise; Undo restores the starter.
    await page.getByTestId('tool-tab-start').click();
    await expect(page.getByTestId('question-q4-state')).toHaveAttribute('data-loaded', 'true');
    await page.getByTestId('undo').click();
    await expect(page.getByTestId('question-q4-state')).toHaveAttribute('data-loaded', 'false');
  });

  test('Q3 opens the backprop tool on the seed case; Q1 reloads the seed network after an edit', async ({ app, page }) => {
    void app;
    await openStart(page);
    await page.getByTestId('question-q3-open').click();
    await expect(page.getByTestId('tool-tab-backprop')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('step-last')).toBeVisible();
    await page.getByTestId('step-last').click();
    await expect.poll(async () => plain(await page.getByTestId('cell-grad_bias-0').textContent())).toBe('1');

    await page.getByTestId('tool-tab-network').click();
    // The remove button is in the layer inspector, opened from the table.
    await page.getByTestId('edit-layer-1').click();
    await page.getByTestId('remove-layer').click();
    await page.getByTestId('tool-tab-start').click();
    await expect(page.getByTestId('question-q1-state')).toHaveAttribute('data-loaded', 'false');
    await page.getByTestId('question-q1-load').click();
    await expect(page.getByTestId('tool-tab-network')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('layer-row-2').getByTestId('cell-params')).toHaveText('51,264');
  });

  test('in Persian the cards read in Persian with Persian digits, right to left', async ({ app, page }) => {
    void app;
    await openStart(page, '?lang=fa&tour=off');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByTestId('question-q1-facts')).toContainText('۵۱٬۲۶۴');
    await expect(page.getByTestId('question-q4-facts')).toContainText('۴٫۰۴');
    const first = await page.getByTestId('question-q1').boundingBox();
    const second = await page.getByTestId('question-q1-rf').boundingBox();
    // The grid runs from the right: the first card is to the right of the second when they share a row.
    if (first && second && Math.abs(first.y - second.y) < 2) expect(first.x).toBeGreaterThan(second.x);
  });
});

test.describe('guided tours (issue 10, requirement 7)', () => {
  test('offered on a first visit, steps over the live parts, Escape ends it, and it is remembered', async ({ app, page }) => {
    void app;
    await page.goto('/#optimizer');
    await page.evaluate(() => localStorage.removeItem('layerwise.tours'));
    await page.reload();
    await expect(page.getByTestId('tour-offer')).toBeVisible();
    await page.getByTestId('tour-start').click();
    const step = page.getByTestId('tour-step');
    await expect(step).toBeVisible();
    await expect(step.locator('[data-step="1"]')).toHaveAttribute('data-target', 'model-editor');
    await expect(page.getByTestId('model-editor')).toHaveAttribute('data-tour-active', '');
    // The popover sits next to the part it names.
    const target = (await page.getByTestId('model-editor').boundingBox())!;
    const popover = (await step.boundingBox())!;
    expect(Math.min(Math.abs(popover.y - (target.y + target.height)), Math.abs(popover.y + popover.height - target.y))).toBeLessThan(40);
    await page.getByTestId('tour-next').click();
    await expect(step.locator('[data-step="2"]')).toHaveAttribute('data-target', 'data-table');
    await page.getByTestId('tour-back').click();
    await expect(step.locator('[data-step="1"]')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(step).toBeHidden();
    await expect(page.getByTestId('model-editor')).not.toHaveAttribute('data-tour-active', '');
    await page.reload();
    await expect(page.getByTestId('model-editor')).toBeVisible();
    await expect(page.getByTestId('tour-offer')).toBeHidden();
    // The Tour button replays it to the end.
    await page.getByTestId('tour-button').click();
    for (let index = 0; index < 4; index += 1) await page.getByTestId('tour-next').click();
    await expect(step).toBeHidden();
  });

  test('?tour=off offers none', async ({ app, page }) => {
    void app;
    await page.goto('/?tour=off#network');
    await page.evaluate(() => localStorage.removeItem('layerwise.tours'));
    await page.reload();
    await expect(page.getByTestId('layer-row-1')).toBeVisible();
    await expect(page.getByTestId('tour-offer')).toHaveCount(0);
  });
});

test('every step of every tool\'s tour points at a part that is on screen', async ({ app, page }) => {
  void app;
  const { TOURS } = await import('../../src-renderer/views/tours');
  for (const [tool, steps] of Object.entries(TOURS)) {
    expect(steps.length, `${tool}: 3 to 6 steps`).toBeGreaterThanOrEqual(3);
    expect(steps.length).toBeLessThanOrEqual(6);
    await page.goto(`/?tour=off#${tool}`);
    for (const step of steps) await expect(page.getByTestId(step.target).first(), `${tool}: ${step.target}`).toBeVisible();
  }
});
