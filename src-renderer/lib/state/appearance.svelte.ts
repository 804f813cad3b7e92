import type { AppearanceHost } from '../core-client';
import {
  getMotionPreference,
  getThemePreference,
  reducedMotion,
  resolvedTheme,
  setMotionPreference,
  setThemePreference,
  type AppearancePreferences,
  type MotionPreference,
  type ResolvedTheme,
  type ThemePreference,
} from '../theme';

/**
 * The theme switch (light / dark / system) and the motion setting (system / reduce / full):
 * applies a choice at once and remembers it through the host, as LocaleState does for the language.
 */
export class AppearanceState {
  readonly #host: AppearanceHost;

  constructor(host: AppearanceHost, initial: AppearancePreferences) {
    this.#host = host;
    setThemePreference(initial.theme);
    setMotionPreference(initial.motion);
  }

  get theme(): ThemePreference {
    return getThemePreference();
  }

  get motion(): MotionPreference {
    return getMotionPreference();
  }

  /** The theme in use (the OS's when the choice is "system"). */
  get resolvedTheme(): ResolvedTheme {
    return resolvedTheme();
  }

  get reducedMotion(): boolean {
    return reducedMotion();
  }

  setTheme(theme: ThemePreference): void {
    if (theme === getThemePreference()) return;
    setThemePreference(theme);
    this.#save();
  }

  setMotion(motion: MotionPreference): void {
    if (motion === getMotionPreference()) return;
    setMotionPreference(motion);
    this.#save();
  }

  #save(): void {
    this.#host.save({ theme: getThemePreference(), motion: getMotionPreference() });
  }
}
