import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IpcChannel } from '../shared/protocol/channels';

/**
 * The bundled main process (out/main/main.cjs, as built by scripts/build-main.mjs) run in
 * plain Node against a recording stand-in for 'electron' (fixtures/fake-electron.cjs):
 * checks the wiring that unit tests of the parts cannot see, with the real core worker.
 * The Electron binary itself is covered by e2e/electron when it is available.
 */

interface FakeWebContents {
  id: number;
  sent: [string, unknown][];
  mainFrame: { url: string };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null;
  emit(event: string, ...args: unknown[]): boolean;
}
interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  webContents: FakeWebContents;
  title: string;
  loadedUrl: string | null;
  destroyed: boolean;
  close(): void;
  emit(event: string, ...args: unknown[]): boolean;
}
type Handler = (...args: unknown[]) => unknown;
interface FakeElectron {
  __test: {
    record: {
      windows: FakeWindow[];
      ipcHandlers: Map<string, Handler>;
      appHandlers: Map<string, Handler>;
      calls: unknown[][];
      protocolHandlers: Map<string, (request: { method: string; url: string }) => Promise<Response>>;
      schemes: { scheme: string; privileges: Record<string, boolean> }[];
      menus: unknown[];
      session: Record<string, Handler>;
    };
    dialogQueue: number[];
    makeReady(): void;
  };
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let tmp: string;
let fake: FakeElectron['__test'];
let win: FakeWindow;

function until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) resolve();
      else if (Date.now() - start > timeoutMs) reject(new Error('condition not met in time'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layerwise-main-'));
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-main.mjs'), path.join(tmp, 'out')], { cwd: repoRoot, stdio: 'pipe' });
  fs.mkdirSync(path.join(tmp, 'out', 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'out', 'renderer', 'index.html'), '<!doctype html><title>Layerwise</title>');
  fs.writeFileSync(path.join(tmp, 'out', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(tmp, 'secret.txt'), 'outside the renderer folder');
  const electronDir = path.join(tmp, 'node_modules', 'electron');
  fs.mkdirSync(electronDir, { recursive: true });
  fs.copyFileSync(fileURLToPath(new URL('./fixtures/fake-electron.cjs', import.meta.url)), path.join(electronDir, 'index.js'));
  fs.writeFileSync(path.join(electronDir, 'package.json'), '{"name":"electron","main":"index.js"}');

  process.env['LAYERWISE_USER_DATA_DIR'] = path.join(tmp, 'user-data');
  // started by a double-click on a project (Windows/Linux put its path in argv)
  fs.writeFileSync(path.join(tmp, 'from-argv.layerwise'), '{"from":"argv"}');
  const argv = process.argv;
  process.argv = [...argv, '--some-chromium-switch', path.join(tmp, 'from-argv.layerwise')];
  const load = createRequire(path.join(tmp, 'out', 'main', 'main.cjs'));
  try {
    load('./main.cjs');
  } finally {
    process.argv = argv;
  }
  fake = (load('electron') as FakeElectron).__test;
}, 60_000);

afterAll(async () => {
  delete process.env['LAYERWISE_USER_DATA_DIR'];
  fake?.record.appHandlers.get('will-quit')?.();
  await new Promise((resolve) => setTimeout(resolve, 100));
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('bundled main process', () => {
  it('before ready: enables the sandbox, registers app:// as a privileged standard scheme, uses the test profile', () => {
    expect(fake.record.calls).toContainEqual(['app.enableSandbox']);
    expect(fake.record.calls).toContainEqual(['app.setPath', 'userData', path.join(tmp, 'user-data')]);
    expect(fake.record.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(fake.record.windows).toHaveLength(0);
  });

  it('when ready: opens one hardened window on app://layerwise/', async () => {
    fake.makeReady();
    await until(() => fake.record.windows.length === 1);
    win = fake.record.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: path.join(tmp, 'out', 'preload', 'preload.cjs'),
    });
    expect(win.loadedUrl).toBe('app://layerwise/index.html');
    expect(fake.record.menus.length).toBeGreaterThan(0);
  });

  it('opens the project it was started with once the page listens for files', async () => {
    const opened = () => win.webContents.sent.filter(([channel]) => channel === IpcChannel.appOpenFile).map(([, command]) => command);
    expect(opened()).toEqual([]);
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await fake.record.ipcHandlers.get(IpcChannel.appReadyForFiles)!(event, undefined);
    const file = path.join(tmp, 'from-argv.layerwise');
    await until(() => opened().length === 1);
    expect(opened()).toEqual([{ type: 'file.open', source: 'system', file: { status: 'opened', file: { path: file, name: 'from-argv.layerwise', text: '{"from":"argv"}' } } }]);
    // the system's choice may be saved back to without a dialog
    const saved = await fake.record.ipcHandlers.get(IpcChannel.filesSave)!(event, { path: file, text: '{"saved":1}', suggestedName: 'x' });
    expect(saved).toEqual({ status: 'saved', path: file, name: 'from-argv.layerwise' });
  });

  it('a double-click while running opens the file: a second instance (its argv and folder) or macOS open-file', async () => {
    const opened = () => win.webContents.sent.filter(([channel]) => channel === IpcChannel.appOpenFile).map(([, command]) => command as { file: { file: { path: string } } });
    const before = opened().length;
    fs.writeFileSync(path.join(tmp, 'second.layerwise'), '{"from":"second instance"}');
    fs.writeFileSync(path.join(tmp, 'finder.layerwise.json'), '{"from":"finder"}');
    fake.record.appHandlers.get('second-instance')?.({}, ['/opt/Layerwise/layerwise', '--no-sandbox', 'second.layerwise'], tmp);
    await until(() => opened().length === before + 1);
    expect(opened().at(-1)?.file.file.path).toBe(path.join(tmp, 'second.layerwise'));
    expect(fake.record.calls).toContainEqual(['window.focus']);
    const openFile = { prevented: false, preventDefault() { this.prevented = true; } };
    fake.record.appHandlers.get('open-file')?.(openFile, path.join(tmp, 'finder.layerwise.json'));
    expect(openFile.prevented).toBe(true);
    await until(() => opened().length === before + 2);
    expect(opened().at(-1)).toMatchObject({ type: 'file.open', source: 'system', file: { status: 'opened', file: { name: 'finder.layerwise.json', text: '{"from":"finder"}' } } });
  });

  it('offers the OS language, remembers the language the renderer saves, and rebuilds the menu in it; View > Language tells the renderer', async () => {
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const invoke = (channel: string, payload?: unknown) => fake.record.ipcHandlers.get(channel)!(event, payload);
    type Item = { label?: string; submenu?: Item[]; checked?: boolean; click?: () => void };
    const lastMenu = () => (fake.record.menus.at(-1) as { template: Item[] }).template;
    expect(await invoke(IpcChannel.localeSystem)).toBe('en-US');
    expect(lastMenu().map((menu) => menu.label)).toContain('&File');
    await invoke(IpcChannel.localeSave, { locale: 'fa', digits: 'native' });
    expect(await invoke(IpcChannel.localeLoad)).toEqual({ locale: 'fa', digits: 'native' });
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'user-data', 'locale.json'), 'utf8'))).toEqual({ locale: 'fa', digits: 'native' });
    await until(() => lastMenu().some((menu) => menu.label === 'پرونده'));
    await expect(invoke(IpcChannel.localeSave, { locale: 'de', digits: 'native' })).rejects.toThrow(/invalid request/);
    const view = lastMenu().find((menu) => menu.label === 'نما')!;
    const language = view.submenu!.find((item) => item.label === 'زبان')!;
    expect(language.submenu!.map((item) => item.checked)).toEqual([false, true]);
    language.submenu![0]!.click!();
    expect(win.webContents.sent.filter(([channel]) => channel === IpcChannel.localeSet).at(-1)).toEqual([IpcChannel.localeSet, 'en']);
    await until(() => lastMenu().some((menu) => menu.label === '&File'));
    await invoke(IpcChannel.localeSave, { locale: 'en', digits: 'native' });
  });

  it('registers a handler for every renderer → main channel', () => {
    const mainToRenderer: string[] = [IpcChannel.coreStatus, IpcChannel.coreProgress, IpcChannel.appMenuCommand, IpcChannel.appOpenFile, IpcChannel.localeSet];
    expect([...fake.record.ipcHandlers.keys()].sort()).toEqual(Object.values(IpcChannel).filter((c) => !mainToRenderer.includes(c)).sort());
  });

  it('serves the renderer with MIME type and CSP, and nothing outside it', async () => {
    const handler = fake.record.protocolHandlers.get('app')!;
    const index = await handler({ method: 'GET', url: 'app://layerwise/' });
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>Layerwise</title>');
    const script = await handler({ method: 'GET', url: 'app://layerwise/assets/app.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const escape = await handler({ method: 'GET', url: 'app://layerwise/..%2f..%2fsecret.txt' });
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('outside');
    expect((await handler({ method: 'GET', url: 'app://layerwise/missing.js' })).status).toBe(404);
    expect((await handler({ method: 'POST', url: 'app://layerwise/index.html' })).status).toBe(405);
  });

  it("denies permissions (but a clipboard write by the app's own page) and network requests, blocks navigation and popups", () => {
    const granted: boolean[] = [];
    const appFrame = { requestingUrl: 'app://layerwise/index.html', isMainFrame: true };
    const stranger = { id: 999 };
    fake.record.session['permissionRequest']?.(win.webContents, 'media', (ok: boolean) => granted.push(ok), appFrame);
    fake.record.session['permissionRequest']?.(win.webContents, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), appFrame);
    fake.record.session['permissionRequest']?.(stranger, 'clipboard-sanitized-write', (ok: boolean) => granted.push(ok), appFrame);
    fake.record.session['permissionRequest']?.({}, 'media', (ok: boolean) => granted.push(ok));
    expect(granted).toEqual([false, true, false, false]);
    expect(fake.record.session['permissionCheck']?.(win.webContents, 'clipboard-sanitized-write', 'app://layerwise', appFrame)).toBe(true);
    expect(fake.record.session['permissionCheck']?.(win.webContents, 'clipboard-read', 'app://layerwise', appFrame)).toBe(false);
    expect(fake.record.session['permissionCheck']?.(null, 'clipboard-sanitized-write', 'app://layerwise', appFrame)).toBe(false);
    expect(fake.record.session['permissionCheck']?.()).toBe(false);
    const decisions: unknown[] = [];
    fake.record.session['beforeRequest']?.({ url: 'https://example.com/x.js' }, (r: unknown) => decisions.push(r));
    fake.record.session['beforeRequest']?.({ url: 'app://layerwise/assets/app.js' }, (r: unknown) => decisions.push(r));
    expect(decisions).toEqual([{ cancel: true }, { cancel: false }]);

    const navigation = { prevented: false, preventDefault() { this.prevented = true; } };
    win.webContents.emit('will-navigate', navigation, 'https://example.com');
    expect(navigation.prevented).toBe(true);
    expect(win.webContents.windowOpenHandler?.({ url: 'https://pytorch.org/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(fake.record.calls.filter((c) => c[0] === 'shell.openExternal')).toEqual([['shell.openExternal', 'https://pytorch.org/']]);
  });

  it('answers core:call from the window with the real engine, and refuses another sender', async () => {
    const handler = fake.record.ipcHandlers.get(IpcChannel.coreCall)!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const spec = { input: [3, 32, 32], layers: [{ type: 'conv2d', out_channels: 16, kernel: 3, padding: 1 }] };
    const reply = (await handler(event, { method: 'summarize', payload: { spec }, callId: 'x' })) as { ok: boolean; result: { totals: { params: number } } };
    // (3 * 3 * 3 + 1) * 16 = 448
    expect(reply.ok).toBe(true);
    expect(reply.result.totals.params).toBe(448);
    const stranger = { sender: { id: 999, mainFrame: win.webContents.mainFrame }, senderFrame: win.webContents.mainFrame };
    await expect(Promise.resolve().then(() => handler(stranger, { method: 'summarize', payload: { spec }, callId: 'y' }))).rejects.toThrow(
      'the sender is not the Layerwise window',
    );
  });

  it("undoes the window's focused text field natively when the renderer asks (the menu's Undo while typing)", async () => {
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await fake.record.ipcHandlers.get(IpcChannel.appEditText)!(event, { action: 'undo' });
    await fake.record.ipcHandlers.get(IpcChannel.appEditText)!(event, { action: 'redo' });
    expect(fake.record.calls.filter((c) => String(c[0]).startsWith('webContents.'))).toEqual([
      ['webContents.undo', win.webContents.id],
      ['webContents.redo', win.webContents.id],
    ]);
  });

  it('titles the window from the document state and asks before closing unsaved work', async () => {
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    await fake.record.ipcHandlers.get(IpcChannel.appSetDocumentState)!(event, { title: 'Assignment 1', dirty: true });
    expect(win.title).toBe('Assignment 1 • — Layerwise');

    fake.dialogQueue.push(2); // Cancel
    win.close();
    await until(() => fake.record.calls.filter((c) => c[0] === 'dialog.showMessageBox').length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(win.destroyed).toBe(false);

    fake.dialogQueue.push(0); // Save: the renderer saves, then confirms
    win.close();
    await until(() => win.webContents.sent.some(([channel, value]) => channel === IpcChannel.appMenuCommand && value === 'file.saveThenClose'));
    expect(win.destroyed).toBe(false);
    await fake.record.ipcHandlers.get(IpcChannel.appConfirmClose)!(event, undefined);
    expect(win.destroyed).toBe(true);
  });

  it('Save at the close prompt, then Cancel in the save dialog: the window stays open and a pending quit is abandoned', async () => {
    // the previous test closed the window; the dock icon (activate) opens a new one
    fake.record.appHandlers.get('activate')?.();
    await until(() => fake.record.windows.filter((w) => !w.destroyed).length === 1);
    const current = fake.record.windows.find((w) => !w.destroyed)!;
    const event = { sender: current.webContents, senderFrame: current.webContents.mainFrame };
    await fake.record.ipcHandlers.get(IpcChannel.appSetDocumentState)!(event, { title: 'Assignment 1', dirty: true });
    const quits = () => fake.record.calls.filter((c) => c[0] === 'app.quit').length;
    const quitsBefore = quits();

    fake.record.appHandlers.get('before-quit')?.(); // File > Exit / Cmd+Q
    fake.dialogQueue.push(0); // Save
    current.close();
    await until(() => current.webContents.sent.some(([channel, value]) => channel === IpcChannel.appMenuCommand && value === 'file.saveThenClose'));
    // the renderer's save dialog was cancelled: it says so
    await fake.record.ipcHandlers.get(IpcChannel.appCloseCancelled)!(event, undefined);
    expect(current.destroyed).toBe(false);
    expect(current.title).toBe('Assignment 1 • — Layerwise');

    // still usable: the engine answers, and a later close asks again
    const spec = { input: [1, 4, 4], layers: [{ type: 'flatten' }] };
    const reply = (await fake.record.ipcHandlers.get(IpcChannel.coreCall)!(event, { method: 'summarize', payload: { spec }, callId: 'after' })) as { ok: boolean };
    expect(reply.ok).toBe(true);
    const prompts = fake.record.calls.filter((c) => c[0] === 'dialog.showMessageBox').length;
    fake.dialogQueue.push(1); // Don't Save
    current.close();
    await until(() => current.destroyed);
    expect(fake.record.calls.filter((c) => c[0] === 'dialog.showMessageBox').length).toBe(prompts + 1);
    // the quit was abandoned with the cancelled save: closing the window later does not quit the app
    expect(quits()).toBe(quitsBefore);
  });
});
