import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Chromium: $CHROMIUM_PATH, else the distribution's /usr/bin/chromium (machines without
 * Playwright's download), else Playwright's own browser (`npx playwright install chromium`).
 */
const systemChromium = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
/** LAYERWISE_E2E_PORT lets two checkouts on one machine run their e2e tests at once (each serves its own build). */
const PREVIEW_PORT = Number(process.env['LAYERWISE_E2E_PORT'] ?? 5178);

export default defineConfig({
  workers: 1,
  retries: 0,
  reporter: 'list',
  forbidOnly: Boolean(process.env['CI']),
  outputDir: 'test-results',
  projects: [
    {
      name: 'browser',
      testDir: 'e2e/browser',
      use: {
        browserName: 'chromium',
        baseURL: `http://127.0.0.1:${PREVIEW_PORT}`,
        acceptDownloads: true,
        trace: 'retain-on-failure',
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      // e2e/electron/*.spec.ts launch the built app themselves and skip without an Electron binary.
      name: 'electron',
      testDir: 'e2e/electron',
    },
  ],
  // Serves out/renderer, which `npm run test:e2e` builds first.
  webServer: {
    command: `npx vite preview --port ${PREVIEW_PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PREVIEW_PORT}`,
    // Never reuse: a server left by another checkout would serve its build, not this one's.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
