import type { Configuration } from 'electron-builder';

/**
 * Installers: NSIS (Windows), DMG (macOS), AppImage + deb (Linux). The app is offline:
 * no publish target and no update server. `npm run dist` builds out/ first.
 */
const config: Configuration = {
  appId: 'org.layerwise.app',
  productName: 'Layerwise',
  copyright: 'Copyright © Layerwise contributors',
  directories: { buildResources: 'build', output: 'dist' },
  files: ['out/**', '!out/**/*.map', 'package.json'],
  asar: true,
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
