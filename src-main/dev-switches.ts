import path from 'node:path';

export interface DevelopmentSwitches {
  /** Reload and the developer tools in the menu, devtools in the window. */
  isDev: boolean;
  /** A throwaway profile folder instead of the user's (the e2e tests), or null. */
  userDataDir: string | null;
}

/**
 * The development switches, honoured only in a run from the checkout: a packaged build
 * ignores `LAYERWISE_DEV` and `LAYERWISE_USER_DATA_DIR`, so an environment variable cannot
 * open the devtools on a student's install or point it at another profile. From the
 * checkout, `LAYERWISE_DEV=0` shows the release menus.
 */
export function developmentSwitches(options: { isPackaged: boolean; env: Readonly<Record<string, string | undefined>> }): DevelopmentSwitches {
  if (options.isPackaged) return { isDev: false, userDataDir: null };
  const userDataDir = options.env['LAYERWISE_USER_DATA_DIR'];
  return {
    isDev: options.env['LAYERWISE_DEV'] !== '0',
    userDataDir: userDataDir && path.isAbsolute(userDataDir) ? userDataDir : null,
  };
}
