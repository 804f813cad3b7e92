// @ts-check
// `npm start` (after `npm run build`): Electron on the built app (out/main/main.cjs), or,
// where the Electron binary cannot be had, the same app in the system browser, so the
// README's first command always gives a working app.
//
// Electron 45 fetches its binary lazily: when it is missing, this runs the electron
// package's own installer once (as require('electron') would; LAYERWISE_NO_DOWNLOAD=1 skips
// it). If that fails (offline machines), it says why in one line and serves browser mode
// (out/renderer, the core in a Web Worker) itself: it opens the system browser when there is
// a display, and prints the address either way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Browser mode's usual port (`npm run web`); the next free one when it is taken. */
const BROWSER_MODE_PORT = 5178;

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `${path.relative(repoRoot, pathFile)} is missing (the Electron binary was never downloaded)` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!existsSync(binary)) return { ok: false, reason: `${binary} does not exist` };
  return { ok: true, path: binary };
}

/** Runs electron's own installer (node_modules/electron/install.js). */
function downloadElectron() {
  let installScript;
  try {
    installScript = path.join(path.dirname(createRequire(import.meta.url).resolve('electron/package.json')), 'install.js');
  } catch {
    return { ok: false, reason: 'the electron package is not installed' };
  }
  console.log('Downloading the Electron binary (first launch only)...');
  const result = spawnSync(process.execPath, [installScript], { stdio: ['ignore', 'inherit', 'pipe'], timeout: 10 * 60_000 });
  if (result.status === 0) return { ok: true };
  const firstLine = String(result.stderr ?? '').split('\n').find((line) => line.trim() !== '') ?? `exit code ${result.status}`;
  return { ok: false, reason: firstLine.trim() };
}

/**
 * Whether a browser window can be shown: always on macOS and Windows; elsewhere only with
 * an X11 or Wayland display (not over SSH or on a server).
 * @param {string} platform
 * @param {Record<string, string | undefined>} env
 */
export function hasDisplay(platform, env) {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

/**
 * The system's own way to open a URL in the default browser.
 * @param {string} platform
 * @param {string} url
 * @returns {{ command: string, args: string[] }}
 */
export function browserOpenCommand(platform, url) {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // `start` takes its first quoted argument as a window title
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url] };
  return { command: 'xdg-open', args: [url] };
}

/**
 * Browser mode in place of Electron, every outside effect injected (tests/launch-electron.test.ts).
 * @param {{
 *   reason: string,
 *   platform: string,
 *   env: Record<string, string | undefined>,
 *   serve: () => Promise<string>,
 *   openUrl: (url: string) => Promise<void>,
 *   log: (line: string) => void,
 * }} deps
 * @returns {Promise<string>} the URL served
 */
export async function startBrowserMode({ reason, platform, env, serve, openUrl, log }) {
  log(`Electron cannot start here (${reason}); starting Layerwise in your browser instead.`);
  const url = await serve();
  if (hasDisplay(platform, env)) {
    try {
      await openUrl(url);
    } catch (error) {
      log(`Could not open a browser (${error instanceof Error ? error.message : String(error)}); open the address below yourself.`);
    }
  }
  log(`Layerwise is running at ${url} (press Ctrl+C to stop).`);
  return url;
}

/** Serves out/renderer with vite's preview server (what `npm run web` runs). */
async function serveRenderer() {
  const { preview } = await import('vite');
  const server = await preview({
    root: path.join(repoRoot, 'src-renderer'),
    configFile: path.join(repoRoot, 'vite.config.ts'),
    logLevel: 'warn',
    preview: { port: BROWSER_MODE_PORT, strictPort: false, host: '127.0.0.1', open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server reported no address');
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => void server.close().finally(() => process.exit(0)));
  }
  return url;
}

/** @param {string} url */
function openInSystemBrowser(url) {
  const { command, args } = browserOpenCommand(process.platform, url);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve(undefined);
    });
  });
}

async function main() {
  const mainBundle = path.join(repoRoot, 'out', 'main', 'main.cjs');
  const rendererIndex = path.join(repoRoot, 'out', 'renderer', 'index.html');
  for (const built of [mainBundle, rendererIndex]) {
    if (!existsSync(built)) {
      console.error(`${path.relative(repoRoot, built)} is missing; run \`npm run build\` first (npm start does)`);
      process.exit(1);
    }
  }
  let electron = findElectronBinary();
  if (!electron.ok && !process.env.LAYERWISE_NO_DOWNLOAD) {
    const installer = downloadElectron();
    if (installer.ok) electron = findElectronBinary();
    else electron = { ok: false, reason: `${electron.reason}, and downloading it failed: ${installer.reason}` };
  }
  const browserMode = (/** @type {string} */ reason) =>
    startBrowserMode({ reason, platform: process.platform, env: process.env, serve: serveRenderer, openUrl: openInSystemBrowser, log: (line) => console.log(line) }).catch(
      (error) => {
        console.error(`The browser version could not be served either: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  if (!electron.ok) {
    await browserMode(electron.reason);
    return;
  }
  const child = spawn(electron.path, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit', cwd: repoRoot });
  let started = false;
  child.once('spawn', () => (started = true));
  child.on('error', (error) => {
    // the binary exists but cannot run here (missing system libraries, wrong architecture)
    if (!started) void browserMode(`the Electron binary failed to start: ${error.message}`);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => child.kill(signal));
}

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) void main();
