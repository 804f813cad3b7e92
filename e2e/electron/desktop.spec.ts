import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDefaultProject, serializeProject } from '../../shared/project/index';
import { LayerwiseApp } from '../fixtures/app';
import { electronBinary, launchLayerwise, platformArgs, repoRoot, skipReason, windowTitle, type LaunchedApp } from '../fixtures/electron';

/**
 * The desktop shell on first launch (issue 9, items 13-17): undo in text fields, Copy,
 * opening a project from the OS, and Save-then-cancel at the close prompt. Each runs on a
 * fresh app and profile. Skips with a printed reason where there is no Electron binary.
 */

test.describe('Electron shell', () => {
  test.skip(!electronBinary.ok, skipReason);

  let launched: LaunchedApp | null = null;
  let files: string;

  test.beforeAll(() => {
    files = mkdtempSync(path.join(os.tmpdir(), 'layerwise-e2e-files-'));
  });
  test.afterEach(async () => {
    await launched?.close();
    launched = null;
  });
  test.afterAll(() => {
    if (files) rmSync(files, { recursive: true, force: true });
  });

  function projectFile(name: string, projectName: string): string {
    const file = path.join(files, name);
    writeFileSync(file, serializeProject({ ...createDefaultProject(), name: projectName }));
    return file;
  }

  test('Ctrl/Cmd+Z in a text field undoes the typing, and so does the menu Undo; neither undoes the project', async () => {
    launched = await launchLayerwise();
    const { app, page } = launched;
    const ui = new LayerwiseApp(page);
    await expect(ui.cell(2, 'output')).toHaveText('64×62×62');
    // a project edit that a stolen shortcut would undo: move the max pool above the first conv
    await page.getByTestId('stack-item-3').locator('.item').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(ui.cell(2, 'output')).toHaveText('32×64×64');

    await page.getByTestId('open-import').click();
    const source = page.getByTestId('import-source');
    await source.click();
    await page.keyboard.type('nn.Sequential()');
    await page.keyboard.press('ControlOrMeta+z');
    await expect(source).toHaveValue('');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    await expect(source).toHaveValue('nn.Sequential()');

    // Edit > Undo from the menu while the field has focus: the field's text again
    await app.evaluate(({ Menu, BrowserWindow }) => {
      const undo = Menu.getApplicationMenu()
        ?.items.flatMap((menu) => menu.submenu?.items ?? [])
        .find((item) => item.label.replace('&', '') === 'Undo');
      if (!undo) throw new Error('no Undo item in the application menu');
      const win = BrowserWindow.getAllWindows()[0];
      undo.click(undefined, win, win?.webContents);
    });
    await expect(source).toHaveValue('');
    await page.getByTestId('code-dialog-cancel').click();
    await expect(ui.cell(2, 'output')).toHaveText('32×64×64');

    // outside a text field the same key undoes the project
    await page.getByTestId('stack-item-2').locator('.item').focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(ui.cell(2, 'output')).toHaveText('64×62×62');
  });

  test('Copy in the export dialog writes the code to the clipboard', async () => {
    launched = await launchLayerwise();
    const { app, page } = launched;
    await page.getByTestId('open-export').click();
    const text = page.getByTestId('export-text');
    await expect(text).toHaveValue(/^import torch/);
    await page.getByTestId('export-copy').click();
    await expect(page.getByTestId('export-copied')).toHaveText('Copied.');
    await expect(page.getByTestId('export-copy-error')).toHaveCount(0);
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe(await text.inputValue());
  });

  test('a project passed on the command line (a double-click) opens; a second launch hands its file to the running app', async () => {
    const first = projectFile('first.layerwise', 'Opened by a double-click');
    launched = await launchLayerwise({ extraArgs: [first] });
    const { app, page } = launched;
    await expect(page.getByTestId('project-name')).toHaveText('Opened by a double-click');
    await expect.poll(() => windowTitle(app)).toBe('Opened by a double-click — Layerwise');

    // an older save with the double extension, opened by a second instance on the same profile
    const second = projectFile('second.layerwise.json', 'Opened by a second instance');
    const binary = electronBinary.ok ? electronBinary.path : '';
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(binary, [repoRoot, ...platformArgs, second], {
        cwd: repoRoot,
        env: { ...process.env, LAYERWISE_USER_DATA_DIR: launched!.userData },
        stdio: 'ignore',
      });
      child.once('error', reject);
      child.once('exit', resolve);
    });
    expect(exitCode).toBe(0); // it found the running app and quit
    await expect(page.getByTestId('project-name')).toHaveText('Opened by a second instance');
    expect(app.windows()).toHaveLength(1);
  });

  test('Save at the close prompt, then Cancel in the save dialog: the window stays open and usable', async () => {
    launched = await launchLayerwise();
    const { app, page } = launched;
    const ui = new LayerwiseApp(page);
    await ui.editLayer(1);
    await ui.field('out_channels').fill('16');
    await expect(ui.cell(1, 'params')).toHaveText('2,368');
    await expect.poll(() => windowTitle(app)).toBe('Assignment 1 • — Layerwise');

    // the user answers the native dialogs: Save, then Cancel in the save dialog
    await app.evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({ response: 0, checkboxChecked: false })) as typeof dialog.showMessageBox;
      dialog.showSaveDialog = (async () => ({ canceled: true, filePath: '' })) as typeof dialog.showSaveDialog;
    });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.close());
    await page.waitForTimeout(500);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(await windowTitle(app)).toBe('Assignment 1 • — Layerwise');

    // still usable: edits are computed
    await ui.field('out_channels').fill('8');
    await expect(ui.cell(1, 'params')).toHaveText('1,184');
  });
});
