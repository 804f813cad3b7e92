import path from 'node:path';

/**
 * Security decisions of the main process as small pure functions, so each rule is
 * unit-tested in plain Node; the Electron wiring (window.ts, app-protocol.ts, hardening.ts)
 * only calls them.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'layerwise';
/** Where the renderer is served from: a privileged standard scheme, never file://. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True for a URL of our own app origin. Compared by protocol and host because WHATWG URL
 * reports origin "null" for schemes Node does not know as special.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

/** The app never navigates away from its own pages (links to the web open in the system browser). */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Whether a URL may be handed to the system browser: https only (no file:, no custom
 * protocol handlers that could launch programs), no embedded credentials (a classic
 * spoof: https://trusted.example@evil.example), and a sane length.
 */
export function isSafeExternalUrl(url: string): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

/**
 * Requests the session lets through: our own pages, inline data, blobs made by the page,
 * and the devtools. Everything else (http, https, file, ws) is cancelled: the app is
 * offline and loads no remote content, even if the CSP were bypassed.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case 'data:':
    case 'blob:':
    case 'devtools:':
    case 'chrome-devtools:':
      return true;
    default:
      return false;
  }
}

/** Who asks for a permission: the fields of Electron's permission details that decide it. */
export interface PermissionRequester {
  /** The URL of the asking frame (for a check without one, the requesting origin). */
  requestingUrl: string | undefined;
  isMainFrame: boolean;
  /** Set only for a cross-origin subframe. */
  embeddingOrigin?: string | undefined;
  /** The asking WebContents is the Layerwise window. */
  fromAppWindow: boolean;
}

/** The only permission the app needs: navigator.clipboard.writeText, for the code dialog's Copy. */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/**
 * Permission requests and checks: everything is denied (camera, notifications,
 * geolocation, clipboard reads...), except a sanitized clipboard write asked by the main
 * frame of our own window showing our own app:// page.
 */
export function isPermissionAllowed(permission: string, requester: PermissionRequester): boolean {
  if (!GRANTABLE_PERMISSIONS.has(permission)) return false;
  if (!requester.fromAppWindow || !requester.isMainFrame || requester.embeddingOrigin) return false;
  return typeof requester.requestingUrl === 'string' && isAppUrl(requester.requestingUrl);
}

/** Content-Security-Policy sent with every app:// response. 'unsafe-inline' styles: Svelte transitions and KaTeX set inline styles. */
export function cspHeader(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** MIME type by extension; unknown types are served as opaque bytes (with nosniff, never executed). */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; reason: string };

/**
 * Maps an app:// URL to a file inside `root` (the built renderer). Rejects other origins,
 * malformed escapes, NUL bytes, and anything that resolves outside `root` after decoding
 * (e.g. `%2e%2e%2f` or an encoded backslash on Windows). "/" serves index.html.
 */
export function resolveAppPath(root: string, url: string): ResolvedAppPath {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppUrl(url)) return { ok: false, reason: 'not an app URL' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, reason: 'malformed escape in path' };
  }
  if (pathname.includes('\0')) return { ok: false, reason: 'NUL byte in path' };
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const absoluteRoot = path.resolve(root);
  const filePath = path.resolve(absoluteRoot, `.${pathname}`);
  const relative = path.relative(absoluteRoot, filePath);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { ok: false, reason: 'path escapes the app folder' };
  }
  return { ok: true, filePath };
}
