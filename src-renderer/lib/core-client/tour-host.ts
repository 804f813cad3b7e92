/** Where the finished or declined tours are remembered: localStorage in both modes, like the theme (appearance-host.ts). */
export interface TourStore {
  load(): readonly string[];
  save(seen: readonly string[]): void;
}

const STORAGE_KEY = 'layerwise.tours';

/** localStorage can throw (storage disabled, quota): the tours are then offered again next start. */
export function createTourStore(win: Window = window): TourStore {
  return {
    load() {
      try {
        const value: unknown = JSON.parse(win.localStorage.getItem(STORAGE_KEY) ?? '[]');
        return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
      } catch {
        return [];
      }
    },
    save(seen) {
      try {
        win.localStorage.setItem(STORAGE_KEY, JSON.stringify(seen));
      } catch {
        // Not remembered: offered again on the next start.
      }
    },
  };
}

/** `?tour=off` (or `?tour=0`) in the page URL: no tour is offered on this load. */
export function toursOff(query: string): boolean {
  const value = new URLSearchParams(query).get('tour');
  return value === 'off' || value === '0';
}
