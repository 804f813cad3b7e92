import { expect, openStepTableGroups, test } from '../fixtures/app';
import type { Page } from '@playwright/test';

async function openOptimizer(page: Page) {
  await page.getByTestId('tool-tab-optimizer').click();
  await expect(page.getByTestId('optimizer-view')).toBeVisible();
}

/** Types the seed's question 4 as a student would: model, data (pasted CSV), initial values, optimizer. */
async function typeSeedProblem(page: Page) {
  const model = page.getByTestId('model-input');
  await model.fill('');
  await model.pressSequentially('a*x1^2 + b*x2^2 + c*x1*x2 + d');

  await page.getByTestId('data-paste-toggle').click();
  await page.getByTestId('data-paste-text').fill('x1,x2,t\n1,-1,10\n2,0,13');
  await page.getByTestId('data-paste-apply').click();
  await expect(page.getByTestId('data-target')).toHaveValue('t');

  for (const [name, value] of [['a', '1'], ['b', '-1'], ['c', '-1'], ['d', '1']] as const) await page.getByTestId(`param-${name}`).fill(value);

  await page.getByTestId('setting-mode').selectOption('online');
  await page.getByTestId('setting-reduction').selectOption('mean');
  await page.getByTestId('setting-loss').selectOption('squared_error');
  await page.getByTestId('setting-epochs').fill('1');
  await page.getByTestId('main-type').selectOption('momentum');
  await page.getByTestId('main-form-delta').check();
  await page.getByTestId('main-hyper-lr').fill('0.1');
  await page.getByTestId('main-hyper-beta').fill('0.9');
}

test.describe('Optimizer stepper: the seed Q4 typed in', () => {
  test('two online steps of momentum give the seed table exactly', async ({ app }) => {
    const page = app.page;
    await openOptimizer(page);
    await typeSeedProblem(page);

    // The model and its partials, rendered by KaTeX (their screen-reader text is the plain form).
    await expect(page.getByTestId('model-latex')).toHaveAttribute('aria-label', 'y = a*x1^2 + b*x2^2 + c*x1*x2 + d');
    await expect(page.getByTestId('partial-a').locator('[role="math"]')).toHaveAttribute('aria-label', 'dy/da = x1^2');
    await expect(page.getByTestId('partial-c').locator('[role="math"]')).toHaveAttribute('aria-label', 'dy/dc = x1*x2');
    await expect(page.getByTestId('main-forms-note')).toContainText('same parameters while the rate is fixed');

    await expect(page.getByTestId('control-position')).toHaveText('Step 0 of 2');
    await page.getByTestId('control-step').click();
    await page.getByTestId('control-step').click();
    await expect(page.getByTestId('control-position')).toHaveText('Step 2 of 2');
    await openStepTableGroups(page);

    const row1 = page.getByTestId('step-row-1');
    await expect(row1.getByTestId('cell-samples')).toHaveText('1');
    await expect(row1.getByTestId('cell-y-0')).toHaveText('2');
    await expect(row1.getByTestId('cell-loss')).toHaveText('64');
    await expect(row1.getByTestId('cell-dloss_dy-0')).toHaveText('-16');
    for (const [name, delta, value] of [['a', '-1.6', '2.6'], ['b', '-1.6', '0.6'], ['c', '1.6', '-2.6'], ['d', '-1.6', '2.6']] as const) {
      await expect(row1.getByTestId(`cell-state-delta-${name}`)).toHaveText(delta);
      await expect(row1.getByTestId(`cell-params-${name}`)).toHaveText(value);
    }
    const row2 = page.getByTestId('step-row-2');
    await expect(row2.getByTestId('cell-y-0')).toHaveText('13');
    await expect(row2.getByTestId('cell-dloss_dy-0')).toHaveText('0');
    await expect(row2.getByTestId('cell-grad-a')).toHaveText('0');
    for (const [name, delta, value] of [['a', '-1.44', '4.04'], ['b', '-1.44', '2.04'], ['c', '1.44', '-4.04'], ['d', '-1.44', '4.04']] as const) {
      await expect(row2.getByTestId(`cell-state-delta-${name}`)).toHaveText(delta);
      await expect(row2.getByTestId(`cell-params-${name}`)).toHaveText(value);
    }

    // Clicking a number shows its formula with the numbers filled in.
    await row2.getByTestId('cell-state-delta-a').click();
    await expect(page.getByTestId('step-derivation-text')).toHaveText('delta_a = 0.9*(-1.6) + 0.1*0 = -1.44');
    await row1.getByTestId('cell-y-0').click();
    await expect(page.getByTestId('step-derivation-text')).toHaveText('y = 1*1^2 + (-1)*(-1)^2 + (-1)*1*(-1) + 1 = 2');

    // The contour plot shows the path (3 points: start and two steps) and the loss chart both lines.
    await expect(page.getByTestId('contour-main').getByTestId('contour-path')).toHaveAttribute('points', /^\S+ \S+ \S+$/);
    await expect(page.getByTestId('contour-main').getByTestId('contour-band').first()).toBeAttached();

    // Step back, then reset.
    await page.getByTestId('control-back').click();
    await expect(page.getByTestId('step-row-2')).toHaveCount(0);
    await page.getByTestId('control-reset').click();
    await expect(page.getByTestId('step-row-1')).toHaveCount(0);
  });

  test('a model error shows its position; a divergent rate stops with advice; nothing typed is lost', async ({ app }) => {
    const page = app.page;
    await openOptimizer(page);
    const model = page.getByTestId('model-input');
    await model.fill('w*x.constructor + b');
    await expect(page.getByTestId('model-error')).toContainText('member access (".") is not allowed');
    await expect(page.getByTestId('model-error')).toContainText('(at character 4)');
    await expect(model).toHaveValue('w*x.constructor + b');

    await model.fill('w*x + b');
    await page.getByTestId('data-cell-1-1').fill('abc');
    await expect(page.getByTestId('data-cell-1-1')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('data-cell-1-1')).toHaveValue('abc');
    await page.getByTestId('data-cell-1-1').fill('1');

    await page.getByTestId('main-type').selectOption('sgd');
    await page.getByTestId('main-hyper-lr').fill('5');
    await page.getByTestId('setting-epochs').fill('50');
    await page.getByTestId('control-speed').selectOption('30');
    await page.getByTestId('control-play').click();
    await expect(page.getByTestId('optimizer-stopped-contour-main')).toContainText(/the run diverged\. Try a smaller learning rate than 5 \(e\.g\. 0\.5\)/, { timeout: 15_000 });
  });

  test('the seed preset and a second optimizer side by side', async ({ app }) => {
    const page = app.page;
    await openOptimizer(page);
    await page.getByTestId('optimizer-load-seed').click();
    await expect(page.getByTestId('model-input')).toHaveValue('a*x1^2 + b*x2^2 + c*x1*x2 + d');
    await expect(page.getByTestId('compare-type')).toHaveValue('adam');
    await page.getByTestId('control-step').click();
    await expect(page.getByTestId('step-row-1').getByTestId('cell-params-a')).toHaveText('2.6');
    await expect(page.getByTestId('contour-compare')).toBeVisible();
    await expect(page.getByTestId('loss-chart').getByTestId('loss-line-1')).toBeAttached();
  });
});
