import type { LayerwiseApi, LocaleSettings } from '../../../shared/protocol/preload-api';

export type { LocaleSettings };

/**
 * Where the language choice lives and where the OS language comes from. Browser:
 * localStorage and `navigator.language`. Electron: main's settings and `app.getLocale()`
 * through `window.layerwise.locale` (issue 11 phase 2), with the browser's storage as the
 * fallback while the preload does not offer it yet.
 */
export interface LocaleHost {
  /** The OS or browser language ("fa-IR", "en-US"), for the first start. */
  systemLocale(): Promise<string>;
  /** The remembered choice; null on a first start (or when what was stored is unreadable). */
  load(): Promise<Partial<LocaleSettings> | null>;
  save(settings: LocaleSettings): void;
  /** The native View > Language menu (Electron); never fires in the browser. Returns the unsubscribe. */
  onSetLanguage(listener: (locale: LocaleSettings['locale']) => void): () => void;
}

const STORAGE_KEY = 'layerwise.locale';

/** localStorage can throw (storage disabled, quota): the choice then lasts for the session only. */
export function createBrowserLocaleHost(win: Window = window): LocaleHost {
  return {
    systemLocale: async () => win.navigator.language ?? '',
    async load() {
      try {
        const text = win.localStorage.getItem(STORAGE_KEY);
        const value: unknown = text === null ? null : JSON.parse(text);
        return value !== null && typeof value === 'object' ? (value as Partial<LocaleSettings>) : null;
      } catch {
        return null;
      }
    },
    save(settings) {
      try {
        win.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
      } catch {
        // Not remembered: the language still switches now.
      }
    },
    onSetLanguage: () => () => {},
  };
}

/** Electron: main's settings when the preload offers them (phase 2), else the browser's storage. */
export function createElectronLocaleHost(api: LayerwiseApi, win: Window = window): LocaleHost {
  const locale = api.locale;
  if (!locale) return createBrowserLocaleHost(win);
  return {
    systemLocale: () => locale.systemLocale(),
    load: () => locale.load(),
    save: (settings) => locale.save(settings),
    onSetLanguage: (listener) => locale.onSetLanguage(listener),
  };
}

export function createLocaleHost(win: Window = window): LocaleHost {
  return win.layerwise ? createElectronLocaleHost(win.layerwise, win) : createBrowserLocaleHost(win);
}
