import path from 'node:path';
import { isProjectFileName, PROJECT_FILE_EXTENSION } from '../../shared/project/project';
import type { OpenResult, SaveResult } from '../../shared/protocol/preload-api';
import { writeFileAtomic } from './atomic-write';
import { describeFsError, type FileSystem } from './file-system';
import { MAX_PROJECT_BYTES, readTextFile } from './read-text';
import type { RecentFiles } from './recent-files';


/** Native dialogs, injected (Electron's dialog module in the app, stubs in tests). */
export interface FileDialogs {
  /** Absolute path chosen in an open dialog, or null when cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Absolute path chosen in a save dialog, or null when cancelled. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

/**
 * A safe default file name from what the renderer suggests: no folders, no characters
 * that some file systems reject, always ending in .layerwise (PROJECT_FILE_EXTENSION).
 */
export function suggestedFileName(name: string): string {
  const base = [...name.replace(/\.layerwise\.json$|\.layerwise$|\.json$/i, '')]
    .map((char) => (char.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(char) ? '-' : char))
    .join('')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${base === '' ? 'Untitled' : base}${PROJECT_FILE_EXTENSION}`;
}

/** Adds the project extension when the user typed a bare name in the save dialog (an existing `.layerwise.json` or `.json` name is kept). */
export function withProjectExtension(filePath: string): string {
  return isProjectFileName(path.basename(filePath)) ? filePath : `${filePath}${PROJECT_FILE_EXTENSION}`;
}

/**
 * Opening and saving project files for the renderer. Main never interprets the contents
 * (the renderer parses them with shared/project); it only moves text, atomically.
 *
 * The renderer can only write to paths main handed to it (chosen in a dialog, opened from
 * the system, saved, or in the recent list): a compromised page cannot make main overwrite
 * an arbitrary file by passing its path. An unknown path falls back to the save dialog.
 */
export class ProjectFiles {
  readonly #fs: FileSystem;
  readonly #dialogs: FileDialogs;
  readonly #recent: RecentFiles;
  readonly #maxBytes: number;
  readonly #grantedPaths = new Set<string>();

  constructor(options: { fs: FileSystem; dialogs: FileDialogs; recent: RecentFiles; maxBytes?: number }) {
    this.#fs = options.fs;
    this.#dialogs = options.dialogs;
    this.#recent = options.recent;
    this.#maxBytes = options.maxBytes ?? MAX_PROJECT_BYTES;
  }

  async open(): Promise<OpenResult> {
    const chosen = await this.#dialogs.chooseOpenPath();
    if (chosen === null) return { status: 'cancelled' };
    return this.#openPath(chosen);
  }

  /**
   * Opens a file the system asked main to open (a double-click, a command line, macOS
   * `open-file`): the user chose it, so, like a dialog's choice, it may be saved back to.
   * Never reachable from the renderer.
   */
  openPath(filePath: string): Promise<OpenResult> {
    return this.#openPath(filePath);
  }

  /** Opens a path from the recent list; any other path is refused. */
  async openRecent(filePath: string): Promise<OpenResult> {
    if (!(await this.#recent.has(filePath))) return { status: 'error', message: `${filePath} is not in the recent files list` };
    const result = await this.#openPath(filePath);
    // a file that vanished since the list was shown leaves the list
    if (result.status === 'error') await this.#recent.remove(filePath).catch(() => undefined);
    return result;
  }

  async save(request: { path: string | null; text: string; suggestedName: string }): Promise<SaveResult> {
    const target = request.path === null ? null : path.resolve(request.path);
    if (target === null || !(this.#grantedPaths.has(target) || (await this.#recent.has(target)))) {
      return this.saveAs(request);
    }
    return this.#write(target, request.text);
  }

  async saveAs(request: { text: string; suggestedName: string }): Promise<SaveResult> {
    const chosen = await this.#dialogs.chooseSavePath(suggestedFileName(request.suggestedName));
    if (chosen === null) return { status: 'cancelled' };
    return this.#write(path.resolve(withProjectExtension(chosen)), request.text);
  }

  recent(): Promise<string[]> {
    return this.#recent.list();
  }

  clearRecent(): Promise<string[]> {
    return this.#recent.clear();
  }

  async #openPath(filePath: string): Promise<OpenResult> {
    const absolute = path.resolve(filePath);
    const read = await readTextFile(this.#fs, absolute, this.#maxBytes);
    if (!read.ok) return { status: 'error', message: read.message };
    this.#grantedPaths.add(absolute);
    await this.#recent.add(absolute).catch(() => undefined); // the list is a convenience: never fail an open over it
    return { status: 'opened', file: { path: absolute, name: path.basename(absolute), text: read.text } };
  }

  async #write(target: string, text: string): Promise<SaveResult> {
    if (Buffer.byteLength(text, 'utf8') > this.#maxBytes) {
      return { status: 'error', message: `the project is larger than ${Math.round(this.#maxBytes / (1024 * 1024))} MB and was not saved` };
    }
    try {
      await writeFileAtomic(this.#fs, target, text);
    } catch (error) {
      return { status: 'error', message: describeFsError(error, 'save', target) };
    }
    this.#grantedPaths.add(target);
    await this.#recent.add(target).catch(() => undefined);
    return { status: 'saved', path: target, name: path.basename(target) };
  }
}
