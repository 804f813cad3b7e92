import { app, session, shell, type WebContents } from 'electron';
import { isAllowedNavigation, isAllowedRequestUrl, isSafeExternalUrl } from './security';

/**
 * App-wide guards, applied to every WebContents that ever exists (the main window, and
 * anything unexpected): no navigation away from the app, no new windows (https links go
 * to the system browser), no <webview>, no permissions, no network requests.
 */
export function installAppGuards(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  const ses = session.defaultSession;
  // Camera, notifications, geolocation, clipboard-read...: a local lab needs none of them.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
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
