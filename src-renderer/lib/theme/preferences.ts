import { isMotionPreference, isThemePreference, type MotionPreference, type ThemePreference } from './appearance.svelte';

/** What is remembered across starts (next to the language, see lib/core-client/appearance-host.ts). */
export interface AppearancePreferences {
  theme: ThemePreference;
  motion: MotionPreference;
}

/**
 * The theme and motion to start with: `?theme=light|dark|system` and `?motion=reduce|full|system`
 * in the page URL for this load only (links, tests), else the remembered choice, else "system"
 * (follow the OS).
 */
export function initialAppearance(input: { query: string; stored: Partial<Record<keyof AppearancePreferences, unknown>> | null }): AppearancePreferences {
  const query = new URLSearchParams(input.query);
  const queryTheme = query.get('theme');
  const queryMotion = query.get('motion');
  return {
    theme: isThemePreference(queryTheme) ? queryTheme : isThemePreference(input.stored?.theme) ? input.stored.theme : 'system',
    motion: isMotionPreference(queryMotion) ? queryMotion : isMotionPreference(input.stored?.motion) ? input.stored.motion : 'system',
  };
}
