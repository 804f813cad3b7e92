/**
 * The subset of `node:fs/promises` the file service uses. Injected so tests can fail any
 * step (write, fsync, rename) and check what is left on disk; `node:fs/promises` itself
 * satisfies it.
 */
export interface FileHandleLike {
  writeFile(data: string, encoding: 'utf8'): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface StatsLike {
  size: number;
  mode: number;
  isFile(): boolean;
}

export interface FileSystem {
  open(path: string, flags: string, mode?: number): Promise<FileHandleLike>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<StatsLike>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** A sentence for the user from an fs error, naming the file (no stack, no errno numbers). */
export function describeFsError(error: unknown, action: 'read' | 'save', filePath: string): string {
  switch (errorCode(error)) {
    case 'ENOENT':
      return action === 'read' ? `${filePath} does not exist (it may have been moved or deleted)` : `the folder of ${filePath} does not exist`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied: cannot ${action} ${filePath}`;
    case 'EISDIR':
      return `${filePath} is a folder, not a file`;
    case 'ENOSPC':
      return `the disk is full: cannot save ${filePath}`;
    case 'EROFS':
      return `${filePath} is on a read-only disk`;
    case 'EBUSY':
      return `${filePath} is in use by another program`;
    default: {
      const text = error instanceof Error ? error.message : String(error);
      return `could not ${action} ${filePath}: ${text}`;
    }
  }
}

export function isNotFound(error: unknown): boolean {
  return errorCode(error) === 'ENOENT';
}
