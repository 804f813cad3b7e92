import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JS module without declarations
import { browserOpenCommand, hasDisplay, startBrowserMode } from '../scripts/launch-electron.mjs';

interface Run {
  lines: string[];
  opened: string[];
  served: number;
}

/** startBrowserMode with every outside effect replaced by a recorder. */
async function run(options: { platform: string; env?: Record<string, string>; openFails?: boolean }): Promise<Run> {
  const record: Run = { lines: [], opened: [], served: 0 };
  await startBrowserMode({
    reason: 'node_modules/electron/path.txt is missing, and downloading it failed (fetch failed)',
    platform: options.platform,
    env: options.env ?? {},
    serve: async () => {
      record.served++;
      return 'http://127.0.0.1:5178/';
    },
    openUrl: async (url: string) => {
      if (options.openFails) throw new Error('xdg-open: no method available for opening the URL');
      record.opened.push(url);
    },
    log: (line: string) => record.lines.push(line),
  });
  return record;
}

describe('npm start without an Electron binary', () => {
  it('says why in one line, serves the browser version and opens it when there is a display', async () => {
    const result = await run({ platform: 'linux', env: { DISPLAY: ':0' } });
    expect(result.lines[0]).toBe(
      'Electron cannot start here (node_modules/electron/path.txt is missing, and downloading it failed (fetch failed)); starting Layerwise in your browser instead.',
    );
    expect(result.served).toBe(1);
    expect(result.opened).toEqual(['http://127.0.0.1:5178/']);
    expect(result.lines.at(-1)).toBe('Layerwise is running at http://127.0.0.1:5178/ (press Ctrl+C to stop).');
  });

  it('without a display (a server, SSH) it prints the URL and opens nothing', async () => {
    const result = await run({ platform: 'linux', env: {} });
    expect(result.served).toBe(1);
    expect(result.opened).toEqual([]);
    expect(result.lines.at(-1)).toBe('Layerwise is running at http://127.0.0.1:5178/ (press Ctrl+C to stop).');
  });

  it('macOS and Windows always have a display; Wayland counts on Linux', async () => {
    expect((await run({ platform: 'darwin' })).opened).toHaveLength(1);
    expect((await run({ platform: 'win32' })).opened).toHaveLength(1);
    expect((await run({ platform: 'linux', env: { WAYLAND_DISPLAY: 'wayland-0' } })).opened).toHaveLength(1);
    expect(hasDisplay('linux', { DISPLAY: '' })).toBe(false);
    expect(hasDisplay('freebsd', { DISPLAY: ':1' })).toBe(true);
  });

  it('a browser that fails to open still leaves the URL on screen, and the server running', async () => {
    const result = await run({ platform: 'linux', env: { DISPLAY: ':0' }, openFails: true });
    expect(result.lines).toContain('Could not open a browser (xdg-open: no method available for opening the URL); open the address below yourself.');
    expect(result.lines.at(-1)).toBe('Layerwise is running at http://127.0.0.1:5178/ (press Ctrl+C to stop).');
  });

  it("opens the URL with each system's own command", () => {
    const url = 'http://127.0.0.1:5178/';
    expect(browserOpenCommand('linux', url)).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserOpenCommand('darwin', url)).toEqual({ command: 'open', args: [url] });
    // start's first quoted argument is the window title
    expect(browserOpenCommand('win32', url)).toEqual({ command: 'cmd', args: ['/c', 'start', '""', url] });
  });
});
