import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IpcChannel, type IpcChannelName } from '../../shared/protocol/channels';
import type { AsyncCoreApi, CoreMethod } from '../../shared/protocol/core-api';
import type { CoreErrorData } from '../../shared/protocol/messages';
import type { EngineStatus, LayerwiseApi, LocaleSettings, MenuCommand, OpenFileCommand } from '../../shared/protocol/preload-api';
import type { CoreCallEnvelope } from '../ipc/core-envelope';

/**
 * Sandboxed preload: bundled to one CommonJS file that requires only 'electron'. It exposes
 * `window.layerwise` (LayerwiseApi): one named function per call, never ipcRenderer
 * itself, and listeners never see the IPC event (it carries `sender`).
 */

/** Plain object, not an Error: the contextBridge would keep only an Error's message. */
function coreErrorObject(error: CoreErrorData): CoreErrorData & { name: 'CoreError' } {
  return { name: 'CoreError', code: error.code, message: error.message };
}

function invokeErrorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // "Error invoking remote method 'core:call': Error: core:call: invalid request: ..." → the useful part
  return text.replace(/^Error invoking remote method '[^']+': (?:Error: )?/, '');
}

/** For calls whose result the renderer does not wait for: failures go to the console. */
function fireAndForget(channel: IpcChannelName, payload?: unknown): void {
  ipcRenderer.invoke(channel, payload).catch((error: unknown) => console.error(`layerwise: ${invokeErrorMessage(error)}`));
}

function subscribe<T>(channel: IpcChannelName, listener: (value: T) => void): () => void {
  const wrapped = (_event: IpcRendererEvent, value: T) => listener(value);
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: LayerwiseApi = {
  core: {
    call<M extends CoreMethod>(method: M, payload: Parameters<AsyncCoreApi[M]>[0], callId: string, timeoutMs?: number) {
      const request = timeoutMs === undefined ? { method, payload, callId } : { method, payload, callId, timeoutMs };
      const reply = ipcRenderer.invoke(IpcChannel.coreCall, request).then(
        (envelope: CoreCallEnvelope) => {
          if (envelope.ok) return envelope.result;
          throw coreErrorObject(envelope.error);
        },
        (error: unknown) => {
          throw coreErrorObject({ code: 'invalid_request', message: invokeErrorMessage(error) });
        },
      );
      return reply as ReturnType<AsyncCoreApi[M]>;
    },
    cancel: (callId) => fireAndForget(IpcChannel.coreCancel, { callId }),
    onProgress: (listener) => subscribe<{ callId: string; progress: unknown }>(IpcChannel.coreProgress, listener),
    restart: () => ipcRenderer.invoke(IpcChannel.coreRestart),
    onStatus: (listener) => subscribe<EngineStatus>(IpcChannel.coreStatus, listener),
  },
  files: {
    open: () => ipcRenderer.invoke(IpcChannel.filesOpen),
    save: (request) => ipcRenderer.invoke(IpcChannel.filesSave, { path: request.path, text: request.text, suggestedName: request.suggestedName }),
    saveAs: (request) => ipcRenderer.invoke(IpcChannel.filesSaveAs, { text: request.text, suggestedName: request.suggestedName }),
    recent: () => ipcRenderer.invoke(IpcChannel.filesRecent),
    openRecent: (path) => ipcRenderer.invoke(IpcChannel.filesOpenRecent, { path }),
  },
  app: {
    setDocumentState: (state) => fireAndForget(IpcChannel.appSetDocumentState, { title: state.title, dirty: state.dirty }),
    confirmClose: () => fireAndForget(IpcChannel.appConfirmClose),
    cancelClose: () => fireAndForget(IpcChannel.appCloseCancelled),
    onMenuCommand: (listener) => subscribe<MenuCommand>(IpcChannel.appMenuCommand, listener),
    onOpenFile: (listener) => {
      const unsubscribe = subscribe<OpenFileCommand>(IpcChannel.appOpenFile, listener);
      fireAndForget(IpcChannel.appReadyForFiles);
      return unsubscribe;
    },
    openExternal: (url) => fireAndForget(IpcChannel.appOpenExternal, { url }),
    editText: (action) => fireAndForget(IpcChannel.appEditText, { action }),
  },
  locale: {
    systemLocale: () => ipcRenderer.invoke(IpcChannel.localeSystem),
    load: () => ipcRenderer.invoke(IpcChannel.localeLoad),
    save: (settings) => fireAndForget(IpcChannel.localeSave, { locale: settings.locale, digits: settings.digits }),
    onSetLanguage: (listener) => subscribe<LocaleSettings['locale']>(IpcChannel.localeSet, listener),
  },
};

contextBridge.exposeInMainWorld('layerwise', api);
