import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENAME_RETRY_DELAYS_MS, writeFileAtomic } from './atomic-write';
import type { FileHandleLike, FileSystem } from './file-system';
import { ProjectFiles, suggestedFileName, withProjectExtension, type FileDialogs } from './project-files';
import { readTextFile } from './read-text';
import { RecentFiles } from './recent-files';

const realFs: FileSystem = fsp;

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'layerwise-files-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

type Step = 'open' | 'write' | 'sync' | 'rename';

/** The real file system with one step failing, recording which calls were made. */
function faultyFs(failAt: Step | null, calls: string[] = []): FileSystem {
  const fault = (step: Step) => Object.assign(new Error(`injected ${step} failure`), { code: step === 'write' ? 'ENOSPC' : 'EIO' });
  return {
    ...realFs,
    async open(target, flags, mode) {
      calls.push(`open ${path.basename(target)} ${flags}`);
      if (failAt === 'open' && flags === 'wx') throw fault('open');
      const handle = await realFs.open(target, flags, mode);
      const wrapped: FileHandleLike = {
        async writeFile(data, encoding) {
          if (failAt === 'write') {
            // a partial write, then the failure: the temp file really holds garbage
            await handle.writeFile(data.slice(0, 3), encoding);
            throw fault('write');
          }
          await handle.writeFile(data, encoding);
        },
        async sync() {
          calls.push('sync');
          if (failAt === 'sync' && flags === 'wx') throw fault('sync');
          await handle.sync();
        },
        close: () => handle.close(),
      };
      return wrapped;
    },
    async rename(from, to) {
      calls.push(`rename ${path.basename(from)} -> ${path.basename(to)}`);
      if (failAt === 'rename') throw fault('rename');
      await realFs.rename(from, to);
    },
  };
}

async function listDir(): Promise<string[]> {
  return (await fsp.readdir(dir)).sort();
}

describe('writeFileAtomic', () => {
  it('replaces the content of an existing file and leaves no temp file', async () => {
    const target = path.join(dir, 'net.layerwise.json');
    await fsp.writeFile(target, 'old');
    const calls: string[] = [];
    await writeFileAtomic(faultyFs(null, calls), target, 'new content');
    expect(await fsp.readFile(target, 'utf8')).toBe('new content');
    expect(await listDir()).toEqual(['net.layerwise.json']);
    // temp file in the same folder, fsynced before the rename, folder fsynced after
    expect(calls[0]).toMatch(/^open \.net\.layerwise\.json\.[0-9a-f]{12}\.tmp wx$/);
    expect(calls.indexOf('sync')).toBeLessThan(calls.findIndex((c) => c.startsWith('rename')));
    expect(calls.slice(-2)).toEqual([`open ${path.basename(dir)} r`, 'sync']);
  });

  it('creates a file that did not exist', async () => {
    const target = path.join(dir, 'fresh.layerwise.json');
    await writeFileAtomic(realFs, target, '{"a":1}');
    expect(await fsp.readFile(target, 'utf8')).toBe('{"a":1}');
  });

  it('keeps the permissions of the file it replaces', async () => {
    if (process.platform === 'win32') return;
    const target = path.join(dir, 'private.layerwise.json');
    await fsp.writeFile(target, 'old', { mode: 0o600 });
    await fsp.chmod(target, 0o600);
    await writeFileAtomic(realFs, target, 'new');
    expect((await fsp.stat(target)).mode & 0o777).toBe(0o600);
  });

  for (const step of ['open', 'write', 'sync', 'rename'] as const) {
    it(`a failure at ${step} leaves the original intact and removes the temp file`, async () => {
      const target = path.join(dir, 'net.layerwise.json');
      await fsp.writeFile(target, 'original');
      await expect(writeFileAtomic(faultyFs(step), target, 'replacement')).rejects.toThrow(`injected ${step} failure`);
      expect(await fsp.readFile(target, 'utf8')).toBe('original');
      expect(await listDir()).toEqual(['net.layerwise.json']);
    });
  }

  /** The real file system whose rename fails with `code` the first `failures` times. */
  function lockedRename(code: string, failures: number, calls: string[]): FileSystem {
    let remaining = failures;
    return {
      ...realFs,
      async rename(from, to) {
        calls.push(`rename ${path.basename(to)}`);
        if (remaining > 0) {
          remaining--;
          throw Object.assign(new Error(`${code}: operation not permitted, rename '${from}' -> '${to}'`), { code });
        }
        await realFs.rename(from, to);
      },
    };
  }

  for (const code of ['EPERM', 'EBUSY', 'EACCES']) {
    it(`retries a rename that fails with ${code} (Windows: the target is briefly held by an antivirus, indexer or sync client)`, async () => {
      const target = path.join(dir, 'net.layerwise');
      await fsp.writeFile(target, 'original');
      const calls: string[] = [];
      const waits: number[] = [];
      await writeFileAtomic(lockedRename(code, 2, calls), target, 'replacement', { sleep: async (ms) => void waits.push(ms) });
      expect(await fsp.readFile(target, 'utf8')).toBe('replacement');
      expect(calls).toEqual(['rename net.layerwise', 'rename net.layerwise', 'rename net.layerwise']);
      expect(waits).toHaveLength(2);
      expect(await listDir()).toEqual(['net.layerwise']);
    });
  }

  it('gives up after a few attempts when the target stays locked, leaving the original and no temp file', async () => {
    const target = path.join(dir, 'net.layerwise');
    await fsp.writeFile(target, 'original');
    const calls: string[] = [];
    const waits: number[] = [];
    await expect(writeFileAtomic(lockedRename('EPERM', Infinity, calls), target, 'replacement', { sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({ code: 'EPERM' });
    expect(calls.length).toBe(RENAME_RETRY_DELAYS_MS.length + 1);
    expect(waits).toEqual([...RENAME_RETRY_DELAYS_MS]);
    expect(await fsp.readFile(target, 'utf8')).toBe('original');
    expect(await listDir()).toEqual(['net.layerwise']);
  });

  it('does not retry other rename failures', async () => {
    const target = path.join(dir, 'net.layerwise');
    const calls: string[] = [];
    const waits: number[] = [];
    await expect(writeFileAtomic(lockedRename('EXDEV', 1, calls), target, 'x', { sleep: async (ms) => void waits.push(ms) })).rejects.toMatchObject({ code: 'EXDEV' });
    expect([calls.length, waits.length]).toEqual([1, 0]);
  });

  it('a failure leaves no file behind when the target did not exist', async () => {
    const target = path.join(dir, 'never.layerwise.json');
    await expect(writeFileAtomic(faultyFs('rename'), target, 'x')).rejects.toThrow();
    expect(await listDir()).toEqual([]);
  });
});

describe('readTextFile', () => {
  it('reads UTF-8 text and drops a byte-order mark', async () => {
    const file = path.join(dir, 'a.json');
    await fsp.writeFile(file, '\uFEFF{"name":"Ünïcode"}');
    expect(await readTextFile(realFs, file)).toEqual({ ok: true, text: '{"name":"Ünïcode"}' });
  });

  it('refuses a file above the size limit without reading it', async () => {
    const file = path.join(dir, 'big.json');
    await fsp.writeFile(file, 'x'.repeat(3 * 1024 * 1024));
    let read = false;
    const fs: FileSystem = { ...realFs, readFile: (...args) => ((read = true), realFs.readFile(...args)) };
    const result = await readTextFile(fs, file, 2 * 1024 * 1024);
    expect(result).toEqual({ ok: false, message: `${file} is 3.0 MB; project files are limited to 2.0 MB` });
    expect(read).toBe(false);
  });

  it('names a missing file and a folder clearly', async () => {
    const missing = path.join(dir, 'gone.json');
    expect(await readTextFile(realFs, missing)).toEqual({ ok: false, message: `${missing} does not exist (it may have been moved or deleted)` });
    expect(await readTextFile(realFs, dir)).toEqual({ ok: false, message: `${dir} is not a file` });
  });
});

describe('RecentFiles', () => {
  async function touch(name: string): Promise<string> {
    const file = path.join(dir, name);
    await fsp.writeFile(file, '{}');
    return file;
  }

  it('keeps newest first, without duplicates, at most 10, persisted as JSON', async () => {
    const store = path.join(dir, 'user-data', 'recent-files.json');
    const recent = new RecentFiles(realFs, store);
    const files: string[] = [];
    for (let i = 0; i < 12; i++) files.push(await touch(`p${i}.layerwise.json`));
    for (const file of files) await recent.add(file);
    await recent.add(files[5]!); // re-opening moves it to the top instead of duplicating it
    const expected = [files[5], files[11], files[10], files[9], files[8], files[7], files[6], files[4], files[3], files[2]];
    expect(await recent.list()).toEqual(expected);
    // a new instance (next app start) reads the same list back
    expect(await new RecentFiles(realFs, store).list()).toEqual(expected);
    expect(JSON.parse(await fsp.readFile(store, 'utf8'))).toEqual({ version: 1, files: expected });
  });

  it('prunes files that no longer exist, and saves the pruned list', async () => {
    const store = path.join(dir, 'recent.json');
    const recent = new RecentFiles(realFs, store);
    const kept = await touch('kept.json');
    const deleted = await touch('deleted.json');
    await recent.add(kept);
    await recent.add(deleted);
    await fsp.rm(deleted);
    expect(await recent.list()).toEqual([kept]);
    expect(JSON.parse(await fsp.readFile(store, 'utf8')).files).toEqual([kept]);
  });

  it('starts empty from a missing or corrupt store', async () => {
    const store = path.join(dir, 'recent.json');
    expect(await new RecentFiles(realFs, store).list()).toEqual([]);
    await fsp.writeFile(store, '{not json');
    expect(await new RecentFiles(realFs, store).list()).toEqual([]);
    await fsp.writeFile(store, JSON.stringify({ version: 1, files: ['relative/path.json', 42] }));
    expect(await new RecentFiles(realFs, store).list()).toEqual([]);
  });

  it('concurrent adds do not lose entries', async () => {
    const recent = new RecentFiles(realFs, path.join(dir, 'recent.json'));
    const files = await Promise.all(['a', 'b', 'c', 'd'].map((n) => touch(`${n}.json`)));
    await Promise.all(files.map((file) => recent.add(file)));
    expect((await recent.list()).sort()).toEqual([...files].sort());
  });
});

describe('ProjectFiles', () => {
  function setup(choices: { open?: string | null; save?: string | null } = {}) {
    const asked: string[] = [];
    const dialogs: FileDialogs = {
      chooseOpenPath: async () => {
        asked.push('open');
        return choices.open ?? null;
      },
      chooseSavePath: async (suggested) => {
        asked.push(`save ${suggested}`);
        return choices.save ?? null;
      },
    };
    const recent = new RecentFiles(realFs, path.join(dir, 'recent.json'));
    return { files: new ProjectFiles({ fs: realFs, dialogs, recent }), recent, asked };
  }

  it('opens the chosen file and adds it to the recent list', async () => {
    const file = path.join(dir, 'lab.layerwise.json');
    await fsp.writeFile(file, '{"x":1}');
    const { files } = setup({ open: file });
    expect(await files.open()).toEqual({ status: 'opened', file: { path: file, name: 'lab.layerwise.json', text: '{"x":1}' } });
    expect(await files.recent()).toEqual([file]);
  });

  it('reports a cancelled dialog', async () => {
    const { files } = setup();
    expect(await files.open()).toEqual({ status: 'cancelled' });
    expect(await files.saveAs({ text: '{}', suggestedName: 'x' })).toEqual({ status: 'cancelled' });
  });

  it('saves to a path it handed out, without asking', async () => {
    const file = path.join(dir, 'lab.layerwise.json');
    await fsp.writeFile(file, 'v1');
    const { files, asked } = setup({ open: file });
    await files.open();
    expect(await files.save({ path: file, text: 'v2', suggestedName: 'lab' })).toEqual({ status: 'saved', path: file, name: 'lab.layerwise.json' });
    expect(await fsp.readFile(file, 'utf8')).toBe('v2');
    expect(asked).toEqual(['open']);
  });

  it('never writes to a path the renderer made up: it asks instead', async () => {
    const victim = path.join(dir, 'victim.txt');
    await fsp.writeFile(victim, 'precious');
    const { files, asked } = setup({ save: null });
    expect(await files.save({ path: victim, text: 'pwned', suggestedName: 'My net' })).toEqual({ status: 'cancelled' });
    expect(await fsp.readFile(victim, 'utf8')).toBe('precious');
    expect(asked).toEqual(['save My net.layerwise']);
  });

  it('save as appends the extension to a bare name', async () => {
    const { files } = setup({ save: path.join(dir, 'bare') });
    const result = await files.saveAs({ text: '{}', suggestedName: 'x' });
    expect(result).toEqual({ status: 'saved', path: path.join(dir, 'bare.layerwise'), name: 'bare.layerwise' });
  });

  it('reports a failed save as an error result with the reason', async () => {
    const { files } = setup({ save: path.join(dir, 'no-such-folder', 'a.layerwise.json') });
    const result = await files.saveAs({ text: '{}', suggestedName: 'a' });
    expect(result).toEqual({ status: 'error', message: `the folder of ${path.join(dir, 'no-such-folder', 'a.layerwise.json')} does not exist` });
  });

  it('opens only paths from the recent list, and drops vanished ones', async () => {
    const file = path.join(dir, 'r.layerwise.json');
    await fsp.writeFile(file, 'r');
    const { files, recent } = setup();
    const other = path.join(dir, 'not-recent.json');
    await fsp.writeFile(other, 'secret');
    expect(await files.openRecent(other)).toEqual({ status: 'error', message: `${other} is not in the recent files list` });
    await recent.add(file);
    expect((await files.openRecent(file)).status).toBe('opened');
    await fsp.rm(file);
    expect((await files.openRecent(file)).status).toBe('error');
    expect(await recent.has(file)).toBe(false);
  });

  it('suggests safe file names, saved as .layerwise (the extension the installers associate)', () => {
    expect(suggestedFileName('Assignment 1')).toBe('Assignment 1.layerwise');
    expect(suggestedFileName('../../etc/passwd')).toBe('-..-etc-passwd.layerwise');
    expect(suggestedFileName('a:b*c?.layerwise.json')).toBe('a-b-c-.layerwise');
    expect(suggestedFileName('old.layerwise')).toBe('old.layerwise');
    expect(suggestedFileName('   ')).toBe('Untitled.layerwise');
    expect(suggestedFileName('tab\there\u0007')).toBe('tab-here-.layerwise');
    expect(withProjectExtension('/x/net.json')).toBe('/x/net.json');
    expect(withProjectExtension('/x/net.layerwise.json')).toBe('/x/net.layerwise.json');
    expect(withProjectExtension('/x/net.layerwise')).toBe('/x/net.layerwise');
    expect(withProjectExtension('/x/net')).toBe('/x/net.layerwise');
  });

  it('opens a file the system asked to open (double-click, command line) and may save back to it', async () => {
    for (const name of ['lab.layerwise', 'older.layerwise.json']) {
      const file = path.join(dir, name);
      await fsp.writeFile(file, 'v1');
      const { files, asked } = setup();
      expect(await files.openPath(file)).toEqual({ status: 'opened', file: { path: file, name, text: 'v1' } });
      expect(await files.save({ path: file, text: 'v2', suggestedName: 'lab' })).toEqual({ status: 'saved', path: file, name });
      expect(await fsp.readFile(file, 'utf8')).toBe('v2');
      expect(asked).toEqual([]);
      expect(await files.recent()).toContain(file);
    }
    const missing = path.join(dir, 'gone.layerwise');
    expect(await setup().files.openPath(missing)).toEqual({ status: 'error', message: `${missing} does not exist (it may have been moved or deleted)` });
  });
});
