import { afterEach, describe, expect, it } from 'vitest';
import { reducedMotion, resolvedTheme, setMotionPreference, setThemePreference } from './appearance.svelte';
import { initialAppearance } from './preferences';

afterEach(() => {
  setThemePreference('system');
  setMotionPreference('system');
});

describe('initialAppearance', () => {
  it('the URL wins for one load, then the remembered choice, then the system', () => {
    expect(initialAppearance({ query: '?theme=dark&motion=reduce', stored: { theme: 'light', motion: 'full' } })).toEqual({ theme: 'dark', motion: 'reduce' });
    expect(initialAppearance({ query: '', stored: { theme: 'light', motion: 'full' } })).toEqual({ theme: 'light', motion: 'full' });
    expect(initialAppearance({ query: '', stored: null })).toEqual({ theme: 'system', motion: 'system' });
  });

  it('an unknown value (a hand-edited URL, an old stored setting) falls through to the next source', () => {
    expect(initialAppearance({ query: '?theme=sepia&motion=fast', stored: { theme: 42, motion: 'reduce' } })).toEqual({ theme: 'system', motion: 'reduce' });
  });
});

describe('resolved theme and motion', () => {
  it('an explicit choice overrides the system; "system" follows it (light and full motion without a window)', () => {
    setThemePreference('dark');
    expect(resolvedTheme()).toBe('dark');
    setThemePreference('system');
    expect(resolvedTheme()).toBe('light');
    setMotionPreference('reduce');
    expect(reducedMotion()).toBe(true);
    setMotionPreference('full');
    expect(reducedMotion()).toBe(false);
  });
});
