import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { type FileSystem, isNotFound } from './file-system';

export const MAX_RECENT_FILES = 10;

interface RecentStore {
  version: 1;
  files: string[];
}

function parseStore(text: string): string[] {
  try {
    const data = JSON.parse(text) as Partial<RecentStore>;
    if (data.version !== 1 || !Array.isArray(data.files)) return [];
    return [...new Set(data.files.filter((file): file is string => typeof file === 'string' && path.isAbsolute(file)))];
  } catch {
    return []; // a corrupt list is not worth an error dialog: start over
  }
}

/**
 * Recently opened or saved project paths, newest first, without duplicates, at most
 * `MAX_RECENT_FILES`, persisted as JSON (in app.getPath('userData')). Files that no longer
 * exist are pruned when the list is read. Operations run one at a time so concurrent
 * saves cannot lose entries.
 */
export class RecentFiles {
  readonly #fs: FileSystem;
  readonly #storePath: string;
  readonly #max: number;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(fs: FileSystem, storePath: string, max = MAX_RECENT_FILES) {
    this.#fs = fs;
    this.#storePath = storePath;
    this.#max = max;
  }

  /** The list with missing files removed (and the pruned list saved). */
  list(): Promise<string[]> {
    return this.#serial(async () => {
      const files = await this.#load();
      const present: string[] = [];
      for (const file of files) {
        const exists = await this.#fs.stat(file).then(
          (stats) => stats.isFile(),
          (error: unknown) => !isNotFound(error), // unreadable for now (e.g. a network drive): keep it
        );
        if (exists) present.push(file);
      }
      if (present.length !== files.length) await this.#save(present);
      return present;
    });
  }

  /** Moves `filePath` to the top. */
  add(filePath: string): Promise<string[]> {
    const entry = path.resolve(filePath);
    return this.#serial(async () => {
      const files = [entry, ...(await this.#load()).filter((file) => file !== entry)].slice(0, this.#max);
      await this.#save(files);
      return files;
    });
  }

  remove(filePath: string): Promise<string[]> {
    const entry = path.resolve(filePath);
    return this.#serial(async () => {
      const files = (await this.#load()).filter((file) => file !== entry);
      await this.#save(files);
      return files;
    });
  }

  clear(): Promise<string[]> {
    return this.#serial(async () => {
      await this.#save([]);
      return [];
    });
  }

  /** Whether `filePath` is in the stored list (without pruning). */
  has(filePath: string): Promise<boolean> {
    const entry = path.resolve(filePath);
    return this.#serial(async () => (await this.#load()).includes(entry));
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #load(): Promise<string[]> {
    try {
      return parseStore(await this.#fs.readFile(this.#storePath, 'utf8'));
    } catch {
      return [];
    }
  }

  async #save(files: string[]): Promise<void> {
    const store: RecentStore = { version: 1, files };
    await this.#fs.mkdir(path.dirname(this.#storePath), { recursive: true });
    await writeFileAtomic(this.#fs, this.#storePath, `${JSON.stringify(store, null, 2)}\n`);
  }
}
