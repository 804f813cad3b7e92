import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, cspHeader, mimeTypeFor, resolveAppPath } from './security';

/**
 * The renderer is served from app://layerwise/ rather than file://: a real origin for
 * the CSP's 'self', fetch and module workers, and no access to the rest of the disk.
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

function notFound(reason: string): Response {
  return new Response(`not found: ${reason}`, { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/** Serves files of `root` (out/renderer) with their MIME type and the CSP header. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppPath(root, request.url);
    if (!resolved.ok) return notFound(resolved.reason);
    let body: Buffer;
    try {
      body = await readFile(resolved.filePath);
    } catch {
      return notFound(new URL(request.url).pathname);
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': mimeTypeFor(resolved.filePath),
        'content-security-policy': cspHeader(),
        'x-content-type-options': 'nosniff',
        'cross-origin-opener-policy': 'same-origin',
        'referrer-policy': 'no-referrer',
      },
    });
  });
}

export { APP_HOST };
