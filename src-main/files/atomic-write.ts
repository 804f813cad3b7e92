import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileSystem } from './file-system';

/**
 * Waits between rename attempts (about 0.8 s in all). On Windows a rename over a file that
 * another program has open fails with EPERM, EBUSY or EACCES, and antivirus scanners,
 * the search indexer and sync clients open a freshly written file for a moment: retrying
 * briefly is what makes saving reliable there (graceful-fs does the same).
 */
export const RENAME_RETRY_DELAYS_MS: readonly number[] = [20, 50, 100, 200, 400];
const RETRYABLE_RENAME_CODES: ReadonlySet<string> = new Set(['EPERM', 'EBUSY', 'EACCES']);

export interface AtomicWriteOptions {
  /** Injected in tests; a timer by default. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isRetryableRenameError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && RETRYABLE_RENAME_CODES.has(error.code);
}

/** `fs.rename`, retried while the target is locked (see RENAME_RETRY_DELAYS_MS); the last error is thrown. */
async function renameWithRetry(fs: FileSystem, from: string, to: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const delay = RENAME_RETRY_DELAYS_MS[attempt];
      if (delay === undefined || !isRetryableRenameError(error)) throw error;
      await sleep(delay);
    }
  }
}

/**
 * Writes `text` to `target` so that a crash or a full disk never leaves a half-written
 * project: write a temp file in the same folder (rename is only atomic within one file
 * system), fsync it, rename it over the target, then fsync the folder so the rename itself
 * survives a power cut (not possible on Windows, where opening a folder fails: skipped).
 * A rename refused because the target is in use is retried a few times. On any failure
 * the temp file is removed and the original is untouched.
 */
export async function writeFileAtomic(fs: FileSystem, target: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const sleep = options.sleep ?? defaultSleep;
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
    await renameWithRetry(fs, temp, target, sleep);
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
