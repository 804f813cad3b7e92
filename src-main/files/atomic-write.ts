import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileSystem } from './file-system';

/**
 * Writes `text` to `target` so that a crash or a full disk never leaves a half-written
 * project: write a temp file in the same folder (rename is only atomic within one file
 * system), fsync it, rename it over the target, then fsync the folder so the rename itself
 * survives a power cut (not possible on Windows, where opening a folder fails: skipped).
 * On any failure the temp file is removed and the original is untouched.
 */
export async function writeFileAtomic(fs: FileSystem, target: string, text: string): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // Keep the permissions of the file being replaced (rename would otherwise reset them).
  const mode = await fs.stat(target).then(
    (stats) => stats.mode & 0o777,
    () => 0o666,
  );
  let renamed = false;
  try {
    const handle = await fs.open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, target);
    renamed = true;
  } finally {
    if (!renamed) await fs.unlink(temp).catch(() => undefined);
  }
  await syncDirectory(fs, dir);
}

async function syncDirectory(fs: FileSystem, dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    // Windows cannot open a folder; the rename has already happened either way.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
