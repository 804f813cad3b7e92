import fs from 'node:fs';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import config, { electronFusesFor } from '../electron.config';
// @ts-expect-error -- plain JS module without declarations
import { buildMain } from '../scripts/build-main.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};

describe('Electron fuses (electron.config.ts, electron-builder electronFuses)', () => {
  it('a release build turns off every way to run the binary as something else', () => {
    expect(config.electronFuses).toEqual(electronFusesFor({ e2e: false }));
    expect(electronFusesFor({ e2e: false })).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('the Electron e2e build keeps only what Playwright needs: --inspect, through which it drives the main process', () => {
    const release = electronFusesFor({ e2e: false });
    const e2e = electronFusesFor({ e2e: true });
    expect(e2e.enableNodeCliInspectArguments).toBe(true);
    expect({ ...e2e, enableNodeCliInspectArguments: false }).toEqual(release);
  });
});

describe('dependencies', () => {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-packaging-'));
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('every runtime dependency is one the packaged app loads at run time; what the bundles inline is a devDependency', async () => {
    const built = (await buildMain({ outDir })) as { externals: string[] };
    const packages = built.externals.filter((name) => !isBuiltin(name));
    // besides Node's own modules the main, worker and preload bundles load only electron
    // (the binary's own); vite inlines the renderer's imports
    expect(packages).toEqual(['electron']);
    const runtime = new Set(packages.filter((name) => name !== 'electron'));
    expect(Object.keys(pkg.dependencies ?? {}).filter((name) => !runtime.has(name))).toEqual([]);
    // electron-builder refuses electron itself as a dependency
    expect(pkg.devDependencies?.['electron']).toBeDefined();
    for (const bundled of ['d3', 'katex', 'zod']) expect(pkg.devDependencies?.[bundled], bundled).toBeDefined();
  });
});
