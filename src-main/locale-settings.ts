import { z } from 'zod';
import type { LocaleSettings } from '../shared/protocol/preload-api';
import { writeFileAtomic } from './files/atomic-write';
import { type FileSystem, isNotFound } from './files/file-system';

/** What the renderer may send as the language choice (checked in main, like every payload). */
export const localeSettingsSchema = z.strictObject({ locale: z.enum(['en', 'fa']), digits: z.enum(['native', 'latin']) });

/** The language of a first start: Persian when the OS language is Persian ("fa", "fa-IR"), else English. */
export function localeFromSystem(systemLocale: string): LocaleSettings['locale'] {
  return /^fa(?:[-_]|$)/i.test(systemLocale) ? 'fa' : 'en';
}

/**
 * The remembered language (issue 11), a JSON file in userData next to the recent files. A
 * missing or unreadable file is a first start (null): the OS language decides then.
 */
export class LocaleStore {
  readonly #fs: FileSystem;
  readonly #storePath: string;
  #cached: LocaleSettings | null | undefined;

  constructor(fs: FileSystem, storePath: string) {
    this.#fs = fs;
    this.#storePath = storePath;
  }

  async load(): Promise<LocaleSettings | null> {
    if (this.#cached !== undefined) return this.#cached;
    try {
      const parsed = localeSettingsSchema.safeParse(JSON.parse(await this.#fs.readFile(this.#storePath, 'utf8')));
      this.#cached = parsed.success ? parsed.data : null;
    } catch (error) {
      // Not found is a first start; a corrupt file is not worth a dialog either: start over.
      if (!isNotFound(error)) console.warn(`layerwise: ignoring unreadable ${this.#storePath}`);
      this.#cached = null;
    }
    return this.#cached;
  }

  async save(settings: LocaleSettings): Promise<void> {
    this.#cached = { locale: settings.locale, digits: settings.digits };
    await writeFileAtomic(this.#fs, this.#storePath, `${JSON.stringify(this.#cached)}\n`);
  }

  /** The language the menu starts in: the remembered one, else the OS's. */
  async menuLocale(systemLocale: string): Promise<LocaleSettings['locale']> {
    return (await this.load())?.locale ?? localeFromSystem(systemLocale);
  }
}
