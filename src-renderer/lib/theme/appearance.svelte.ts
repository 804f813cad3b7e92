/**
 * Theme and motion (issue 10, requirements 1 and 8): what the user chose (light / dark /
 * follow the OS; reduced / full / follow the OS), what the OS says, and the result written on
 * <html> as `data-theme="light|dark"` and `data-motion="reduce|full"` (src-renderer/styles/tokens.css
 * reads them). Reactive (runes): a component or `$effect` that calls `resolvedTheme()` or
 * `reducedMotion()` re-runs on a change. d3 and canvas code, which is not reactive, subscribes
 * with `onAppearanceChange` and redraws.
 *
 * The choice is remembered by lib/state/appearance.svelte.ts (AppearanceState) through the
 * appearance host, the same way the language is.
 */

export type ThemePreference = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';
export type MotionPreference = 'system' | 'reduce' | 'full';

export const THEME_PREFERENCES: readonly ThemePreference[] = ['light', 'dark', 'system'];
export const MOTION_PREFERENCES: readonly MotionPreference[] = ['system', 'reduce', 'full'];

let themePreference: ThemePreference = $state('system');
let motionPreference: MotionPreference = $state('system');
let systemDark = $state(false);
let systemReducedMotion = $state(false);

// Plain callbacks for non-reactive code (d3, canvas): not state, so not a SvelteSet.
// eslint-disable-next-line svelte/prefer-svelte-reactivity
const listeners = new Set<() => void>();
let root: HTMLElement | null = typeof document === 'undefined' ? null : document.documentElement;

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === 'system' || value === 'light' || value === 'dark';
}

export function isMotionPreference(value: unknown): value is MotionPreference {
  return value === 'system' || value === 'reduce' || value === 'full';
}

/** The theme in use: the user's choice, or the OS's when the choice is "system". */
export function resolvedTheme(): ResolvedTheme {
  return themePreference === 'system' ? (systemDark ? 'dark' : 'light') : themePreference;
}

/** True when every transition must be instant: the user's setting, or the OS's prefers-reduced-motion. */
export function reducedMotion(): boolean {
  return motionPreference === 'system' ? systemReducedMotion : motionPreference === 'reduce';
}

export function getThemePreference(): ThemePreference {
  return themePreference;
}

export function getMotionPreference(): MotionPreference {
  return motionPreference;
}

export function setThemePreference(preference: ThemePreference): void {
  themePreference = preference;
  apply();
}

export function setMotionPreference(preference: MotionPreference): void {
  motionPreference = preference;
  apply();
}

/**
 * Calls `listener` after the theme or the motion setting changed (the attributes on <html>
 * are already updated, so computed styles and lib/viz/color.ts give the new colours).
 * For d3 / canvas factories; returns the unsubscribe.
 */
export function onAppearanceChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Follows the OS's colour scheme and reduced-motion setting (matchMedia), now and on every
 * change; returns the cleanup. `element` receives the attributes (the document's root by default).
 */
export function followSystem(win: Window = window, element: HTMLElement | null = win.document.documentElement): () => void {
  root = element;
  const dark = win.matchMedia('(prefers-color-scheme: dark)');
  const reduce = win.matchMedia('(prefers-reduced-motion: reduce)');
  const read = () => {
    systemDark = dark.matches;
    systemReducedMotion = reduce.matches;
    apply();
  };
  read();
  dark.addEventListener('change', read);
  reduce.addEventListener('change', read);
  return () => {
    dark.removeEventListener('change', read);
    reduce.removeEventListener('change', read);
  };
}

let applied = { theme: '', motion: '' };

function apply(): void {
  const theme = resolvedTheme();
  const motion = reducedMotion() ? 'reduce' : 'full';
  if (root) {
    root.dataset['theme'] = theme;
    root.dataset['motion'] = motion;
  }
  if (theme === applied.theme && motion === applied.motion) return;
  applied = { theme, motion };
  for (const listener of [...listeners]) listener();
}
