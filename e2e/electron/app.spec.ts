import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The desktop app itself: Electron on the built bundles (out/main, out/preload,
 * out/renderer). Self-contained: builds the main bundles if missing, and skips with a
 * clear line when this machine has no Electron binary (it cannot be downloaded offline).
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Same lookup as require('electron') minus its on-the-spot download. */
function findElectronBinary(): { ok: true; path: string } | { ok: false; reason: string } {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `${pathFile} is missing` };
  const binary = path.join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { ok: true, path: binary } : { ok: false, reason: `${binary} does not exist` };
}

const binary = findElectronBinary();
if (!binary.ok) console.log(`skipped: no Electron binary (${binary.reason})`);

test.describe('Electron app', () => {
  test.skip(!binary.ok, `skipped: no Electron binary (${binary.ok ? '' : binary.reason})`);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!binary.ok) return;
    if (!existsSync(path.join(repoRoot, 'out', 'renderer', 'index.html'))) {
      throw new Error('out/renderer is missing: run `npx vite build` (npm run test:e2e does) before the Electron specs');
    }
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-main.mjs')], { cwd: repoRoot, stdio: 'inherit' });
    userData = mkdtempSync(path.join(os.tmpdir(), 'layerwise-e2e-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [repoRoot, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
      cwd: repoRoot,
      env: { ...process.env, LAYERWISE_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) rmSync(userData, { recursive: true, force: true });
  });

  test('opens the default project from the app:// origin', async () => {
    expect(page.url()).toMatch(/^app:\/\/layerwise\//);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? ''))
      .toContain('Assignment 1');
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle() ?? '')).toMatch(/— Layerwise$/);
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
