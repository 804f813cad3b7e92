import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS module without declarations
import { validateWorkflow, workflowFiles } from '../scripts/lint/workflows.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..');
const releasePath = path.join(repoRoot, '.github', 'workflows', 'release.yml');

describe('the release workflow (.github/workflows/release.yml)', () => {
  const text = fs.existsSync(releasePath) ? fs.readFileSync(releasePath, 'utf8') : '';

  it('exists, and npm run lint validates it', () => {
    expect(workflowFiles(repoRoot)).toContain(releasePath);
    expect(validateWorkflow(releasePath)).toMatchObject({ ok: true });
  });

  it('runs on version tags and by hand, on Windows, macOS and Linux runners with Node 20', () => {
    expect(text).toMatch(/^on:\n {2}push:\n {4}tags: \['v\*'\]\n {2}workflow_dispatch:/m);
    expect(text).toContain('os: [windows-latest, macos-latest, ubuntu-latest]');
    expect(text).toContain('runs-on: ${{ matrix.os }}');
    expect(text).toMatch(/node-version: 20\b/);
  });

  it('installs with npm ci, tests (Electron end-to-end under xvfb-run on Linux), builds the installers and uploads them', () => {
    const order = ['- run: npm ci', 'xvfb-run --auto-servernum', 'run: npm test', '- run: npm run dist', 'actions/upload-artifact@'];
    const positions = order.map((step) => text.indexOf(step));
    expect(positions.every((position) => position >= 0), JSON.stringify(positions)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).toMatch(/if: runner\.os == 'Linux'\n\s+run: xvfb-run [^\n]* npm test/);
    for (const installer of ['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage', 'dist/*.deb']) expect(text).toContain(installer);
    expect(text).toContain('if-no-files-found: error');
  });

  describe('the validator', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-workflows-'));
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('rejects a broken workflow (so the lint can fail)', () => {
      const broken = path.join(dir, 'broken.yml');
      fs.writeFileSync(broken, text.replace('runs-on: ${{ matrix.os }}', 'runs_on: ${{ matrix.os }}'));
      const result = validateWorkflow(broken) as { ok: boolean; output: string };
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/runs_on|runs-on/);
    });
  });
});
