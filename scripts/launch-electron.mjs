// Launches Electron on the built app (out/main/main.cjs; run `npm run build` first).
// Electron 45 fetches its binary lazily: when it is missing, this runs the electron
// package's own installer once (as require('electron') would), then reports plainly if
// that download failed (offline machines) instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ ok: true, path: string } | { ok: false, reason: string }} */
export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (npm install)' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: `${pathFile} is missing (the Electron download in electron's postinstall did not run)` };
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

if (fileURLToPath(import.meta.url) === path.resolve(process.argv[1] ?? '')) {
  const mainBundle = path.join(repoRoot, 'out', 'main', 'main.cjs');
  if (!existsSync(mainBundle)) {
    console.error(`${path.relative(repoRoot, mainBundle)} is missing; run \`npm run build\` first`);
    process.exit(1);
  }
  let electron = findElectronBinary();
  if (!electron.ok && !process.env.LAYERWISE_NO_DOWNLOAD) {
    const installer = downloadElectron();
    if (installer.ok) electron = findElectronBinary();
    else electron = { ok: false, reason: `${electron.reason}, and downloading it failed (${installer.reason})` };
  }
  if (!electron.ok) {
    console.error(`Electron binary not available: ${electron.reason}; run \`npm run web\` for the browser mode`);
    process.exit(1);
  }
  const child = spawn(electron.path, [repoRoot, ...process.argv.slice(2)], { stdio: 'inherit', cwd: repoRoot });
  child.on('error', (error) => {
    console.error(`Electron binary not available: ${error.message}; run \`npm run web\` for the browser mode`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
