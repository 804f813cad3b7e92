export {
  followSystem,
  getMotionPreference,
  getThemePreference,
  isMotionPreference,
  isThemePreference,
  MOTION_PREFERENCES,
  onAppearanceChange,
  reducedMotion,
  resolvedTheme,
  setMotionPreference,
  setThemePreference,
  THEME_PREFERENCES,
  type MotionPreference,
  type ResolvedTheme,
  type ThemePreference,
} from './appearance.svelte';
export { initialAppearance, type AppearancePreferences } from './preferences';
