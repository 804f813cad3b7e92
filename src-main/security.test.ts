import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspHeader, isAllowedNavigation, isAllowedRequestUrl, isAppUrl, isPermissionAllowed, isSafeExternalUrl, mimeTypeFor, resolveAppPath } from './security';

const root = path.resolve('/srv/layerwise/out/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://layerwise/', 'index.html'],
    ['app://layerwise/index.html', 'index.html'],
    ['app://layerwise/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://layerwise/assets/My%20Font.woff2', 'assets/My Font.woff2'],
    // URL parsing already collapses literal dot segments, so this stays inside the root
    ['app://layerwise/../../etc/passwd', 'etc/passwd'],
    ['app://layerwise/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
  ])('%s -> %s', (url, relative) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, filePath: path.join(root, relative) });
  });

  it.each([
    ['app://layerwise/..%2f..%2fetc%2fpasswd', 'path escapes the app folder'],
    ['app://layerwise/assets/..%2F..%2F..%2Fsecret', 'path escapes the app folder'],
    ['app://layerwise/%E0%A4%A', 'malformed escape in path'],
    ['app://layerwise/index.html%00.png', 'NUL byte in path'],
    ['app://other/index.html', 'not an app URL'],
    ['file:///etc/passwd', 'not an app URL'],
    ['https://layerwise/index.html', 'not an app URL'],
    ['not a url', 'not an app URL'],
  ])('blocks %s', (url, reason) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, reason });
  });
});

describe('navigation and external links', () => {
  it('allows navigation only within the app origin', () => {
    expect(isAllowedNavigation('app://layerwise/index.html')).toBe(true);
    expect(isAllowedNavigation('app://layerwise/other.html#x')).toBe(true);
    for (const url of ['https://example.com', 'http://localhost:5177/', 'file:///C:/x.html', 'app://evil/', 'app://user@layerwise/', 'javascript:alert(1)', 'about:blank', '']) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('opens only https URLs without credentials in the system browser', () => {
    expect(isSafeExternalUrl('https://pytorch.org/docs/stable/generated/torch.nn.Conv2d.html')).toBe(true);
    for (const url of [
      'http://example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-settings:',
      'https://trusted.example@evil.example/',
      'https://user:pw@example.com',
      'https://',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });

  it('lets the session load only app, data, blob and devtools URLs', () => {
    expect(isAllowedRequestUrl('app://layerwise/assets/a.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://layerwise/1234')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html')).toBe(true);
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:8080/', 'file:///etc/hosts', 'ws://localhost/', 'app://elsewhere/x']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });

  it('recognises the app origin by scheme and host', () => {
    expect(isAppUrl('app://layerwise/')).toBe(true);
    expect(isAppUrl('app://layerwise:8080/')).toBe(false);
  });
});

describe('permissions', () => {
  const appFrame = { requestingUrl: 'app://layerwise/index.html', isMainFrame: true, fromAppWindow: true };

  it("grants the app's own main frame a sanitized clipboard write (the code dialog's Copy) and nothing else", () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', appFrame)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(permission, appFrame), permission).toBe(false);
    }
  });

  it('refuses the clipboard to a subframe, another origin, another window or a request without details', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...appFrame, isMainFrame: false })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...appFrame, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...appFrame, requestingUrl: 'app://other/index.html' })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...appFrame, fromAppWindow: false })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { ...appFrame, embeddingOrigin: 'https://evil.example' })).toBe(false);
    expect(isPermissionAllowed('clipboard-sanitized-write', { requestingUrl: undefined, isMainFrame: true, fromAppWindow: true })).toBe(false);
  });
});

describe('responses', () => {
  it('sends a CSP that allows only our own code', () => {
    const csp = cspHeader();
    const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives.get('default-src')).toBe("'self'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('serves correct MIME types', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('/x/assets/index-1.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('/x/katex.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('/x/logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('/x/a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
