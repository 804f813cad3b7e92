import { readFile } from 'node:fs/promises';
import { expect, fixturePath, test } from '../fixtures/app';

test.describe('Files in the browser', () => {
  test('a file that is not JSON is refused and the open project stays', async ({ app, page }) => {
    await app.open(fixturePath('not-json.layerwise.json'));
    await expect(app.notice()).toContainText('This file is not a Layerwise project: it is not valid JSON.');
    await expect(app.notice()).toContainText('not-json.layerwise.json: the file is not valid JSON');
    await expect(app.notice()).toContainText('Your open project was not changed.');
    await expect(page.getByTestId('project-name')).toHaveText('Assignment 1');
    await expect(app.cell(1, 'params')).toHaveText('4,736');
  });

  test('JSON that is not a project is refused and the open project stays', async ({ app, page }) => {
    await app.open(fixturePath('not-a-project.json'));
    await expect(app.notice()).toContainText('This file is not a Layerwise project.');
    await expect(app.notice()).toContainText('not-a-project.json: the file is not a Layerwise project (it has no "format": "layerwise-project")');
    await expect(page.getByTestId('project-name')).toHaveText('Assignment 1');
    await expect(app.cell(1, 'params')).toHaveText('4,736');

    await app.notice().getByRole('button', { name: 'Dismiss' }).click();
    await expect(app.notice()).toHaveCount(0);
  });

  test('a project from a newer Layerwise is refused and the open project stays', async ({ app, page }) => {
    await app.open(fixturePath('newer-version.layerwise.json'));
    await expect(app.notice()).toContainText('This project was saved by a newer version of Layerwise.');
    await expect(app.notice()).toContainText('project version 99');
    await expect(page.getByTestId('project-name')).toHaveText('Assignment 1');
    await expect(app.cell(1, 'params')).toHaveText('4,736');
  });

  test('Save downloads the project; opening the download gives the same table', async ({ app, page }) => {
    await app.editLayer(1);
    await app.field('out_channels').fill('16');
    await expect(app.cell(1, 'params')).toHaveText('2,368');
    await expect(page).toHaveTitle('Assignment 1 • — Layerwise');

    const downloadEvent = page.waitForEvent('download');
    await page.getByTestId('file-save').click();
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe('Assignment 1.layerwise');
    const savedPath = await download.path();
    const text = await readFile(savedPath, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'layerwise-project', version: 1, name: 'Assignment 1' });
    await expect(page).toHaveTitle('Assignment 1 — Layerwise');

    await page.getByTestId('file-new').click();
    await expect(page.getByTestId('project-name')).toHaveText('Untitled');
    await expect(app.row(1)).toHaveCount(0);

    await app.open({ name: 'Assignment 1.layerwise', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('project-name')).toHaveText('Assignment 1');
    await expect(app.notice()).toHaveCount(0);
    await expect(app.cell(1, 'params')).toHaveText('2,368');
    await expect(app.cell(2, 'params')).toHaveText('25,664');
    await expect(app.cell(10, 'params')).toHaveText('6,554,624');
    await expect(page).toHaveTitle('Assignment 1 — Layerwise');
  });
});
