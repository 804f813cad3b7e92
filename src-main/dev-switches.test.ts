import { describe, expect, it } from 'vitest';
import { developmentSwitches } from './dev-switches';

describe('developmentSwitches', () => {
  it('a run from the checkout is a development run and honours the test profile folder', () => {
    expect(developmentSwitches({ isPackaged: false, env: {} })).toEqual({ isDev: true, userDataDir: null });
    expect(developmentSwitches({ isPackaged: false, env: { LAYERWISE_USER_DATA_DIR: '/tmp/profile' } })).toEqual({ isDev: true, userDataDir: '/tmp/profile' });
    // LAYERWISE_DEV=0 shows the release menus from the checkout
    expect(developmentSwitches({ isPackaged: false, env: { LAYERWISE_DEV: '0' } }).isDev).toBe(false);
  });

  it('a packaged build ignores LAYERWISE_DEV and LAYERWISE_USER_DATA_DIR (no devtools, the real profile)', () => {
    expect(developmentSwitches({ isPackaged: true, env: { LAYERWISE_DEV: '1', LAYERWISE_USER_DATA_DIR: '/tmp/elsewhere' } })).toEqual({ isDev: false, userDataDir: null });
  });

  it('an empty or relative profile folder is ignored', () => {
    expect(developmentSwitches({ isPackaged: false, env: { LAYERWISE_USER_DATA_DIR: '' } }).userDataDir).toBeNull();
    expect(developmentSwitches({ isPackaged: false, env: { LAYERWISE_USER_DATA_DIR: 'relative/dir' } }).userDataDir).toBeNull();
  });
});
