import { app, session, shell, type WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequestUrl, isPermissionAllowed, isSafeExternalUrl } from './security';

/**
 * App-wide guards, applied to every WebContents that ever exists (the main window, and
 * anything unexpected): no navigation away from the app, no new windows (https links go
 * to the system browser), no <webview>, no network requests, and no permissions except a
 * clipboard write for the app's own window (security.ts `isPermissionAllowed`).
 */
export function installAppGuards(options: { isAppWindow(webContentsId: number): boolean }): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  const ses = session.defaultSession;
  // Both handlers: Chromium checks a permission first and asks only when the check fails.
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(
      isPermissionAllowed(permission, {
        requestingUrl: details?.requestingUrl,
        isMainFrame: details?.isMainFrame === true,
        fromAppWindow: contents ? options.isAppWindow(contents.id) : false,
      }),
    );
  });
  ses.setPermissionCheckHandler((contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(permission, {
      requestingUrl: details?.requestingUrl ?? requestingOrigin,
      isMainFrame: details?.isMainFrame === true,
      embeddingOrigin: details?.embeddingOrigin,
      fromAppWindow: contents ? options.isAppWindow(contents.id) : false,
    }),
  );
  ses.setDevicePermissionHandler(() => false);
  // Defence in depth behind the CSP: the app is offline, so nothing may leave the machine.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url);
    if (!allowed) console.warn(`blocked request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(new URL(url).toString());
    return { action: 'deny' };
  });
}
