import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProjectFileName } from '../shared/project/project';
import { FilesToOpen, projectPathsFromArgv } from './launch-files';

const cwd = path.resolve('/home/student');

describe('projectPathsFromArgv', () => {
  it('packaged app double-clicked (Windows/Linux): the project after the executable', () => {
    expect(projectPathsFromArgv(['/opt/Layerwise/layerwise', '/home/student/lab.layerwise'], { defaultApp: false, cwd })).toEqual([path.resolve('/home/student/lab.layerwise')]);
    expect(projectPathsFromArgv(['C:\\Program Files\\Layerwise\\Layerwise.exe', 'lab.layerwise'], { defaultApp: false, cwd })).toEqual([path.resolve(cwd, 'lab.layerwise')]);
  });

  it('development (electron . file): skips electron and the app path', () => {
    expect(projectPathsFromArgv(['/repo/node_modules/electron/dist/electron', '/repo', 'nets/q1.layerwise.json'], { defaultApp: true, cwd })).toEqual([
      path.resolve(cwd, 'nets/q1.layerwise.json'),
    ]);
    // the app path is skipped even if it looks like a project
    expect(projectPathsFromArgv(['electron', 'app.layerwise'], { defaultApp: true, cwd })).toEqual([]);
    // Playwright's _electron puts its switches before the app path
    expect(projectPathsFromArgv(['electron', '--inspect=0', '--remote-debugging-port=0', '/repo', '--no-sandbox', 'a.layerwise'], { defaultApp: true, cwd })).toEqual([
      path.resolve(cwd, 'a.layerwise'),
    ]);
    expect(projectPathsFromArgv(['electron', '--inspect=0', 'app.layerwise', 'b.layerwise'], { defaultApp: true, cwd })).toEqual([path.resolve(cwd, 'b.layerwise')]);
  });

  it("drops Chromium's and Electron's own switches and anything that is not a project file", () => {
    const argv = [
      '/opt/Layerwise/layerwise',
      '--no-sandbox',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '-psn_0_12345',
      'notes.txt',
      'old.layerwise.json',
      'net.json',
      'new.LAYERWISE',
    ];
    expect(projectPathsFromArgv(argv, { defaultApp: false, cwd })).toEqual(['old.layerwise.json', 'net.json', 'new.LAYERWISE'].map((name) => path.resolve(cwd, name)));
  });

  it('a second instance: its argv, resolved against its own working directory', () => {
    expect(projectPathsFromArgv(['layerwise', '--flag', 'b.layerwise'], { defaultApp: false, cwd: path.resolve('/tmp/elsewhere') })).toEqual([path.resolve('/tmp/elsewhere/b.layerwise')]);
  });
});

describe('isProjectFileName', () => {
  it('accepts .layerwise (what is saved and associated), .layerwise.json (older saves) and .json', () => {
    for (const name of ['a.layerwise', 'a.layerwise.json', 'a.json', 'A.Layerwise']) expect(isProjectFileName(name), name).toBe(true);
    for (const name of ['a.txt', 'layerwise', 'a.layerwise.bak', '']) expect(isProjectFileName(name), name).toBe(false);
  });
});

describe('FilesToOpen', () => {
  function setup() {
    const delivered: string[] = [];
    const queue = new FilesToOpen((filePath) => void delivered.push(filePath));
    return { queue, delivered };
  }

  it('holds files that arrive before the renderer listens (macOS open-file before ready, argv on first start)', () => {
    const { queue, delivered } = setup();
    queue.add('/a.layerwise');
    expect(delivered).toEqual([]);
    queue.rendererReady();
    expect(delivered).toEqual(['/a.layerwise']);
    // once listening, files go straight through
    queue.add('/b.layerwise');
    expect(delivered).toEqual(['/a.layerwise', '/b.layerwise']);
  });

  it('one document window: of several files waiting, the last one opens', () => {
    const { queue, delivered } = setup();
    queue.add('/a.layerwise');
    queue.add('/b.layerwise');
    queue.rendererReady();
    queue.rendererReady();
    expect(delivered).toEqual(['/b.layerwise']);
  });

  it('waits again while the page reloads, and for a new window', () => {
    const { queue, delivered } = setup();
    queue.rendererReady();
    queue.rendererGone();
    queue.add('/c.layerwise');
    expect(delivered).toEqual([]);
    queue.rendererReady();
    expect(delivered).toEqual(['/c.layerwise']);
  });
});
