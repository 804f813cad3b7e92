import type { FileSystem } from './file-system';
import { describeFsError } from './file-system';

/** Largest project file main will read: far above any real project, small enough to never stall the app. */
export const MAX_PROJECT_BYTES = 20 * 1024 * 1024;

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Reads a UTF-8 text file for the renderer, refusing folders and files above `limit`
 * before reading them. A leading byte-order mark is dropped (editors on Windows add one
 * and JSON.parse rejects it); the content is otherwise passed through uninterpreted.
 */
export async function readTextFile(fs: FileSystem, filePath: string, limit = MAX_PROJECT_BYTES): Promise<ReadResult> {
  try {
    const stats = await fs.stat(filePath);
    if (!stats.isFile()) return { ok: false, message: `${filePath} is not a file` };
    if (stats.size > limit) {
      return { ok: false, message: `${filePath} is ${megabytes(stats.size)}; project files are limited to ${megabytes(limit)}` };
    }
    const text = await fs.readFile(filePath, 'utf8');
    // the file may have grown between stat and read
    if (text.length > limit) return { ok: false, message: `${filePath} is larger than ${megabytes(limit)}` };
    return { ok: true, text: text.startsWith('\uFEFF') ? text.slice(1) : text };
  } catch (error) {
    return { ok: false, message: describeFsError(error, 'read', filePath) };
  }
}
