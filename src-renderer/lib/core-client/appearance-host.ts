/** Theme and motion, as remembered (lib/theme's preferences; plain strings here, validated on load). */
export interface AppearanceSettings {
  theme: 'system' | 'light' | 'dark';
  motion: 'system' | 'reduce' | 'full';
}

/**
 * Where the theme and motion choice lives: the same mechanism as the language
 * (locale-host.ts): the browser's localStorage, also in Electron until main offers settings
 * through the preload. The OS's own choices come from matchMedia (lib/theme), not from here.
 */
export interface AppearanceHost {
  /** The remembered choice; null on a first start (or when what was stored is unreadable). */
  load(): Promise<Partial<AppearanceSettings> | null>;
  save(settings: AppearanceSettings): void;
}

const STORAGE_KEY = 'layerwise.appearance';

/** localStorage can throw (storage disabled, quota): the choice then lasts for the session only. */
export function createAppearanceHost(win: Window = window): AppearanceHost {
  return {
    async load() {
      try {
        const text = win.localStorage.getItem(STORAGE_KEY);
        const value: unknown = text === null ? null : JSON.parse(text);
        return value !== null && typeof value === 'object' ? (value as Partial<AppearanceSettings>) : null;
      } catch {
        return null;
      }
    },
    save(settings) {
      try {
        win.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
      } catch {
        // Not remembered: the setting still applies now.
      }
    },
  };
}
