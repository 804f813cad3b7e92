import type { Configuration } from 'electron-builder';

type ElectronFuses = NonNullable<Configuration['electronFuses']>;

/**
 * The Electron fuses flipped in the packaged binary (@electron/fuses FuseV1Options): it can
 * only run this app, from its integrity-checked app.asar, and cannot be turned into a
 * general Node.js (ELECTRON_RUN_AS_NODE), fed NODE_OPTIONS, or debugged with --inspect.
 * The app needs none of them (the core runs in worker_threads, not a forked node).
 *
 * An Electron e2e build (`LAYERWISE_E2E_BUILD=1 npm run dist`) keeps only --inspect:
 * Playwright's `_electron.launch` drives the main process through it.
 */
export function electronFusesFor(build: { e2e: boolean }): ElectronFuses {
  return {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: build.e2e,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // the renderer is served from app://, never file://
    grantFileProtocolExtraPrivileges: false,
    enableCookieEncryption: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // an unsigned macOS build (CI without a certificate) must be re-signed ad hoc after the flip to launch on Apple silicon
    resetAdHocDarwinSignature: true,
  };
}

/**
 * Installers: NSIS (Windows), DMG (macOS), AppImage + deb (Linux). The app is offline:
 * no publish target and no update server. `npm run dist` builds out/ first. Everything the
 * app runs is bundled into out/ (scripts/build-main.mjs, vite), so package.json has no
 * runtime dependencies and no node_modules are packed.
 */
const config: Configuration = {
  appId: 'org.layerwise.app',
  productName: 'Layerwise',
  copyright: 'Copyright © Layerwise contributors',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**', '!out/**/*.map', 'package.json'],
  asar: true,
  electronFuses: electronFusesFor({ e2e: process.env['LAYERWISE_E2E_BUILD'] === '1' }),
  // Worker threads cannot load their script from inside app.asar (see src-main/app.ts).
  asarUnpack: ['out/main/core-worker.cjs'],
  publish: null,
  // Projects are saved as .layerwise: one extension every OS can associate (Windows and
  // macOS go by the last one only, so `.layerwise.json` cannot be registered without
  // claiming all .json). Older .layerwise.json files still open from the app's dialog.
  fileAssociations: [
    {
      ext: 'layerwise',
      name: 'Layerwise project',
      description: 'Layerwise project',
      mimeType: 'application/x-layerwise+json',
      role: 'Editor',
    },
  ],
  win: {
    target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
    icon: 'build/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.education',
    icon: 'build/icon.png',
    hardenedRuntime: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    icon: 'build/icon.png',
    synopsis: 'An offline lab for the fundamentals of deep learning',
    maintainer: 'Layerwise <layerwise@example.org>',
  },
};

export default config;
