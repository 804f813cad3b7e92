import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronBinary, launchLayerwise, skipReason, windowTitle, type LaunchedApp } from '../fixtures/electron';

/**
 * The desktop app itself: Electron on the built bundles, checked for its security
 * settings. Skips with a printed reason where this machine has no Electron binary.
 */

test.describe('Electron app', () => {
  test.skip(!electronBinary.ok, skipReason);

  let launched: LaunchedApp;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!electronBinary.ok) return;
    launched = await launchLayerwise();
    ({ app, page } = launched);
  });

  test.afterAll(async () => {
    await launched?.close();
  });

  test('opens the default project from the app:// origin', async () => {
    expect(page.url()).toMatch(/^app:\/\/layerwise\//);
    // main formats the title from the document's name, once
    await expect.poll(() => windowTitle(app)).toBe('Assignment 1 — Layerwise');
  });

  test('the page runs isolated and sandboxed, without Node', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // undocumented (so untyped) but what Electron's own specs read: the preferences in effect
      type Prefs = { contextIsolation?: boolean; sandbox?: boolean; nodeIntegration?: boolean; webSecurity?: boolean };
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences?: () => Prefs | null } | undefined;
      const last = contents?.getLastWebPreferences?.();
      if (!last) return 'getLastWebPreferences() is not available';
      return { contextIsolation: last?.contextIsolation, sandbox: last?.sandbox, nodeIntegration: last?.nodeIntegration, webSecurity: last?.webSecurity };
    });
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return { require: typeof w['require'], process: typeof w['process'], api: Object.keys(w['layerwise'] ?? {}).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: ['app', 'core', 'files'] });
  });

  test('the preload reaches the engine worker through IPC', async () => {
    const params = await page.evaluate(async () => {
      type Api = { core: { call(method: string, payload: unknown, callId: string): Promise<{ totals: { params: number } }> } };
      const api = (window as unknown as { layerwise: Api }).layerwise;
      const summary = await api.core.call('summarize', { spec: { input: [1, 28, 28], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }] } }, 'e2e-1');
      return summary.totals.params;
    });
    // (1 * 3 * 3 + 1) * 8
    expect(params).toBe(80);
  });

  test('window.open opens nothing', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    await page.waitForTimeout(300);
    expect(app.windows()).toHaveLength(1);
  });

  test('navigating away is blocked', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => location.origin + location.pathname)).toMatch(/^app:\/\/layerwise\//);
  });
});
