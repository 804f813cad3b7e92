import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IpcChannel } from '../../shared/protocol/channels';
import { CoreError } from '../../shared/protocol/messages';
import { checkSender, createHandle, type FrameLike, type IpcMainLike } from './handle';
import { ipcSchemas, registerIpcHandlers, type IpcServices } from './register';

const WINDOW_ID = 7;

function frame(url: string, overrides: Partial<FrameLike> = {}): FrameLike {
  return { url, processId: 3, frameToken: 'main-token', parent: null, ...overrides };
}

/** A fake invoke event: by default the main frame of our window on the app origin. */
function fakeEvent(options: { url?: string; senderFrame?: FrameLike | null; webContentsId?: number; sent?: unknown[][] } = {}): IpcMainInvokeEvent {
  const mainFrame = frame(options.url ?? 'app://layerwise/index.html');
  const senderFrame = options.senderFrame === undefined ? mainFrame : options.senderFrame;
  const sender = { id: options.webContentsId ?? WINDOW_ID, mainFrame, isDestroyed: () => false, send: (...args: unknown[]) => options.sent?.push(args) };
  return { sender, senderFrame } as unknown as IpcMainInvokeEvent;
}

function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown>();
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void handlers.set(channel, listener) };
  const invoke = async (channel: string, event: IpcMainInvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const isOurs = (id: number) => id === WINDOW_ID;

describe('checkSender', () => {
  it('accepts the main frame of our window on the app origin', () => {
    expect(checkSender(fakeEvent(), isOurs)).toEqual({ ok: true });
  });

  it('rejects another origin, another window, a subframe and a vanished frame', () => {
    expect(checkSender(fakeEvent({ url: 'https://evil.example/' }), isOurs)).toEqual({
      ok: false,
      reason: 'the sender URL "https://evil.example/" is not the app origin',
    });
    expect(checkSender(fakeEvent({ url: 'file:///tmp/x.html' }), isOurs).ok).toBe(false);
    expect(checkSender(fakeEvent({ webContentsId: 99 }), isOurs)).toEqual({ ok: false, reason: 'the sender is not the Layerwise window' });
    const iframe = frame('app://layerwise/index.html', { frameToken: 'child', parent: frame('app://layerwise/index.html') });
    expect(checkSender(fakeEvent({ senderFrame: iframe }), isOurs)).toEqual({ ok: false, reason: 'the sender is not the main frame' });
    expect(checkSender(fakeEvent({ senderFrame: null }), isOurs)).toEqual({ ok: false, reason: 'the sending frame is gone' });
  });
});

describe('handle wrapper', () => {
  function setup() {
    const { ipcMain, invoke } = fakeIpcMain();
    const log = vi.fn();
    const handle = createHandle(ipcMain, isOurs, log);
    const handler = vi.fn((payload: { title: string; dirty: boolean }) => `ok ${payload.title}`);
    handle(IpcChannel.appSetDocumentState, ipcSchemas.appSetDocumentState, handler);
    return { invoke, handler, log };
  }

  it('passes a valid payload from our window to the handler', async () => {
    const { invoke, handler } = setup();
    expect(await invoke(IpcChannel.appSetDocumentState, fakeEvent(), { title: 'Assignment 1', dirty: true })).toBe('ok Assignment 1');
    expect(handler).toHaveBeenCalledWith({ title: 'Assignment 1', dirty: true }, expect.anything());
  });

  it('rejects a wrong sender before looking at the payload', async () => {
    const { invoke, handler, log } = setup();
    await expect(invoke(IpcChannel.appSetDocumentState, fakeEvent({ url: 'https://evil.example/' }), { title: 't', dirty: false })).rejects.toThrow(
      'app:set-document-state refused: the sender URL "https://evil.example/" is not the app origin',
    );
    expect(handler).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
  });

  it('rejects an invalid payload with the field named', async () => {
    const { invoke, handler } = setup();
    await expect(invoke(IpcChannel.appSetDocumentState, fakeEvent(), { title: 't', dirty: 'yes' })).rejects.toThrow(
      /^app:set-document-state: invalid request: dirty: /,
    );
    await expect(invoke(IpcChannel.appSetDocumentState, fakeEvent(), { title: 't', dirty: false, extra: 1 })).rejects.toThrow(/invalid request/);
    await expect(invoke(IpcChannel.appSetDocumentState, fakeEvent(), { title: 't', dirty: false }, 'second')).rejects.toThrow('expected one argument, got 2');
    expect(handler).not.toHaveBeenCalled();
  });
});

function fakeServices(overrides: Partial<IpcServices['core']> = {}) {
  const calls: string[] = [];
  const services: IpcServices = {
    core: {
      callUnchecked: vi.fn(async (method: string, payload: unknown) => ({ method, payload })),
      restart: vi.fn(async () => undefined),
      ...overrides,
    },
    files: {
      open: async () => ({ status: 'cancelled' }),
      save: async (request) => ({ status: 'saved', path: request.path ?? '/chosen', name: 'x' }),
      saveAs: async () => ({ status: 'cancelled' }),
      recent: async () => ['/a.layerwise.json'],
      openRecent: async () => ({ status: 'cancelled' }),
    },
    recentChanged: () => calls.push('recentChanged'),
    setDocumentState: (id, state) => calls.push(`state ${id} ${state.title} ${state.dirty}`),
    confirmClose: (id) => calls.push(`confirmClose ${id}`),
    closeCancelled: (id) => calls.push(`closeCancelled ${id}`),
    readyForFiles: (id) => calls.push(`readyForFiles ${id}`),
    openExternal: async (url) => void calls.push(`external ${url}`),
    editText: (id, action) => void calls.push(`editText ${id} ${action}`),
    locale: {
      system: () => 'fa-IR',
      load: async () => null,
      save: async (settings) => void calls.push(`locale ${settings.locale} ${settings.digits}`),
    },
  };
  const { ipcMain, handlers, invoke } = fakeIpcMain();
  registerIpcHandlers(createHandle(ipcMain, isOurs, () => undefined), services);
  return { services, calls, handlers, invoke };
}

const spec = { input: [1, 28, 28], layers: [{ type: 'conv2d', out_channels: 8, kernel: 3 }] };

describe('registered channels', () => {
  it('registers every renderer → main channel and nothing else', () => {
    const { handlers } = fakeServices();
    const mainToRenderer: string[] = [IpcChannel.coreStatus, IpcChannel.coreProgress, IpcChannel.appMenuCommand, IpcChannel.appOpenFile, IpcChannel.localeSet];
    const expected = Object.values(IpcChannel).filter((channel) => !mainToRenderer.includes(channel));
    expect([...handlers.keys()].sort()).toEqual([...expected].sort());
  });

  it('core:call forwards a valid call to the supervisor and wraps the result', async () => {
    const { invoke, services } = fakeServices();
    const reply = await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec }, callId: 'c1' });
    expect(reply).toEqual({ ok: true, result: { method: 'summarize', payload: { spec } } });
    expect(services.core.callUnchecked).toHaveBeenCalledWith('summarize', { spec }, { signal: expect.any(AbortSignal), onProgress: expect.any(Function) });
  });

  it('core:call sends the engine\'s partial results to the calling window with the call id, and none after the reply', async () => {
    let report: ((progress: unknown) => void) | undefined;
    const { invoke } = fakeServices({
      callUnchecked: async (_method, _payload, options) => {
        report = options.onProgress;
        options.onProgress?.({ kind: 'train', done: 1 });
        options.onProgress?.({ kind: 'train', done: 2 });
        return 'done';
      },
    });
    const sent: unknown[][] = [];
    expect(await invoke(IpcChannel.coreCall, fakeEvent({ sent }), { method: 'summarize', payload: { spec }, callId: 'run-1' })).toEqual({ ok: true, result: 'done' });
    expect(sent).toEqual([
      [IpcChannel.coreProgress, { callId: 'run-1', progress: { kind: 'train', done: 1 } }],
      [IpcChannel.coreProgress, { callId: 'run-1', progress: { kind: 'train', done: 2 } }],
    ]);
    report?.({ kind: 'train', done: 3 });
    expect(sent).toHaveLength(2);
  });

  it("core:call hands the renderer's time limit to the engine, so a 60 s call is not ended sooner in main", async () => {
    const { invoke, services } = fakeServices();
    await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'backpropGradientCheck', payload: { case: {} }, callId: 'c1', timeoutMs: 60_000 });
    // (the payload is refused before the engine; a valid one reaches it with the limit)
    await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec }, callId: 'c2', timeoutMs: 60_000 });
    expect(services.core.callUnchecked).toHaveBeenCalledOnce();
    expect(services.core.callUnchecked).toHaveBeenCalledWith('summarize', { spec }, { signal: expect.any(AbortSignal), timeoutMs: 60_000, onProgress: expect.any(Function) });
  });

  it('core:call refuses a time limit that is not a positive whole number of milliseconds up to the longest limit (15 minutes)', async () => {
    const { invoke, services } = fakeServices();
    for (const timeoutMs of [0, -1, 1.5, 15 * 60_000 + 1, '60000']) {
      await expect(invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec }, callId: 'c', timeoutMs }), String(timeoutMs)).rejects.toThrow(
        /core:call: invalid request: timeoutMs: /,
      );
    }
    expect(services.core.callUnchecked).not.toHaveBeenCalled();
  });

  it('core:call answers an unknown method and a bad payload with typed errors, without calling the engine', async () => {
    const { invoke, services } = fakeServices();
    const unknown = await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'constructor', payload: {}, callId: 'c1' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_type' } });
    const bad = await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec: { input: 'x', layers: [] } }, callId: 'c2' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(services.core.callUnchecked).not.toHaveBeenCalled();
  });

  it('core:call passes engine errors through with their code', async () => {
    const { invoke } = fakeServices({
      callUnchecked: async () => {
        throw new CoreError({ code: 'timeout', message: 'the engine did not answer summarize within 10 s; it was restarted' });
      },
    });
    expect(await invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec }, callId: 'c1' })).toEqual({
      ok: false,
      error: { code: 'timeout', message: 'the engine did not answer summarize within 10 s; it was restarted' },
    });
  });

  it('core:cancel aborts the call with that id from the same window', async () => {
    let seen: AbortSignal | undefined;
    const { invoke } = fakeServices({
      callUnchecked: (_method, _payload, { signal }) => {
        seen = signal;
        return new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new CoreError({ code: 'cancelled', message: 'cancelled' }))),
        );
      },
    });
    const call = invoke(IpcChannel.coreCall, fakeEvent(), { method: 'summarize', payload: { spec }, callId: 'slow' });
    await vi.waitFor(() => expect(seen).toBeDefined());
    await invoke(IpcChannel.coreCancel, fakeEvent(), { callId: 'other' });
    expect(seen?.aborted).toBe(false);
    await invoke(IpcChannel.coreCancel, fakeEvent(), { callId: 'slow' });
    expect(await call).toEqual({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
  });

  it('files and app channels reach their services', async () => {
    const { invoke, calls } = fakeServices();
    expect(await invoke(IpcChannel.filesRecent, fakeEvent())).toEqual(['/a.layerwise.json']);
    expect(await invoke(IpcChannel.filesSave, fakeEvent(), { path: null, text: '{}', suggestedName: 'n' })).toEqual({ status: 'saved', path: '/chosen', name: 'x' });
    await invoke(IpcChannel.appSetDocumentState, fakeEvent(), { title: 'Net', dirty: true });
    await invoke(IpcChannel.appConfirmClose, fakeEvent());
    await invoke(IpcChannel.appCloseCancelled, fakeEvent());
    await invoke(IpcChannel.appReadyForFiles, fakeEvent());
    await invoke(IpcChannel.appOpenExternal, fakeEvent(), { url: 'https://pytorch.org/' });
    await invoke(IpcChannel.appEditText, fakeEvent(), { action: 'undo' });
    await expect(invoke(IpcChannel.appEditText, fakeEvent(), { action: 'delete' })).rejects.toThrow(/invalid request: action/);
    expect(calls).toEqual(['recentChanged', `state ${WINDOW_ID} Net true`, `confirmClose ${WINDOW_ID}`, `closeCancelled ${WINDOW_ID}`, `readyForFiles ${WINDOW_ID}`, 'external https://pytorch.org/', `editText ${WINDOW_ID} undo`]);
  });

  it('refuses non-https external links and oversized project text', async () => {
    const { invoke, calls } = fakeServices();
    await expect(invoke(IpcChannel.appOpenExternal, fakeEvent(), { url: 'file:///etc/passwd' })).rejects.toThrow('only https links can be opened');
    await expect(invoke(IpcChannel.filesSaveAs, fakeEvent(), { text: 'x'.repeat(20 * 1024 * 1024 + 1), suggestedName: 'n' })).rejects.toThrow(/invalid request: text/);
    await expect(invoke(IpcChannel.filesOpen, fakeEvent(), { sneaky: true })).rejects.toThrow(/invalid request/);
    expect(calls).toEqual([]);
  });
});
