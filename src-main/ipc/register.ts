import { z } from 'zod';
import { IpcChannel } from '../../shared/protocol/channels';
import type { CoreMethod } from '../../shared/protocol/core-api';
import { corePayloadSchemas, isCoreMethod } from '../../shared/protocol/dispatch';
import { CoreError } from '../../shared/protocol/messages';
import { MAX_CORE_TIME_LIMIT_MS } from '../../shared/protocol/time-limits';
import type { LocaleSettings, OpenResult, SaveResult } from '../../shared/protocol/preload-api';
import { localeSettingsSchema } from '../locale-settings';
import { MAX_PROJECT_BYTES } from '../files/read-text';
import { isSafeExternalUrl } from '../security';
import type { CoreCallEnvelope } from './core-envelope';
import { formatIssues, type Handle } from './handle';

const noPayload = z.undefined();
const filePath = z.string().min(1).max(4096);
const projectText = z.string().max(MAX_PROJECT_BYTES);
const suggestedName = z.string().max(255);

/** Payload schema of every renderer → main channel. */
export const ipcSchemas = {
  coreCall: z.strictObject({
    method: z.string().max(64),
    payload: z.unknown(),
    callId: z.string().min(1).max(128),
    /** The limit the renderer waits for (shared/protocol/time-limits.ts); main uses the same. */
    timeoutMs: z.number().int().min(1).max(MAX_CORE_TIME_LIMIT_MS).optional(),
  }),
  coreCancel: z.strictObject({ callId: z.string().min(1).max(128) }),
  coreRestart: noPayload,
  filesOpen: noPayload,
  filesSave: z.strictObject({ path: filePath.nullable(), text: projectText, suggestedName }),
  filesSaveAs: z.strictObject({ text: projectText, suggestedName }),
  filesRecent: noPayload,
  filesOpenRecent: z.strictObject({ path: filePath }),
  appSetDocumentState: z.strictObject({ title: z.string().max(300), dirty: z.boolean() }),
  appConfirmClose: noPayload,
  appCloseCancelled: noPayload,
  appReadyForFiles: noPayload,
  appOpenExternal: z.strictObject({ url: z.string().max(2048) }),
  appEditText: z.strictObject({ action: z.enum(['undo', 'redo']) }),
  localeSystem: noPayload,
  localeLoad: noPayload,
  localeSave: localeSettingsSchema,
} as const;

/** What the handlers need from the rest of main; fakes in tests. */
export interface IpcServices {
  core: {
    callUnchecked(method: CoreMethod, payload: unknown, options: { signal: AbortSignal; timeoutMs?: number; onProgress?(progress: unknown): void }): Promise<unknown>;
    restart(): Promise<void>;
  };
  files: {
    open(): Promise<OpenResult>;
    save(request: { path: string | null; text: string; suggestedName: string }): Promise<SaveResult>;
    saveAs(request: { text: string; suggestedName: string }): Promise<SaveResult>;
    recent(): Promise<string[]>;
    openRecent(path: string): Promise<OpenResult>;
  };
  /** Called after an open or save, so the Open Recent menu can be rebuilt. */
  recentChanged(): void;
  setDocumentState(webContentsId: number, state: { title: string; dirty: boolean }): void;
  confirmClose(webContentsId: number): void;
  /** The sender listens for opened files now (app:open-file). */
  readyForFiles(webContentsId: number): void;
  /** The renderer did not save after `file.saveThenClose`: the close (and any quit) is off. */
  closeCancelled(webContentsId: number): void;
  openExternal(url: string): Promise<void>;
  /** Native undo/redo in the sender's focused text field (WebContents.undo / redo). */
  editText(webContentsId: number, action: 'undo' | 'redo'): void;
  locale: {
    /** `app.getLocale()`. */
    system(): string;
    load(): Promise<LocaleSettings | null>;
    save(settings: LocaleSettings): Promise<void>;
  };
}

/**
 * Registers every invoke channel of `IpcChannel` (coreStatus, coreProgress, appMenuCommand,
 * appOpenFile and localeSet go the other way, main → renderer). A core call's partial results go back to
 * the window that made it, on coreProgress with its call id.
 */
export function registerIpcHandlers(handle: Handle, services: IpcServices): void {
  /** In-flight core calls by sender and renderer-chosen call id, for core:cancel. */
  const inFlight = new Map<string, AbortController>();
  const key = (webContentsId: number, callId: string) => `${webContentsId}\u0000${callId}`;

  handle(IpcChannel.coreCall, ipcSchemas.coreCall, async ({ method, payload, callId, timeoutMs }, event): Promise<CoreCallEnvelope> => {
    if (!isCoreMethod(method)) {
      return { ok: false, error: { code: 'unknown_type', message: `unknown core method ${JSON.stringify(method)}; known: ${Object.keys(corePayloadSchemas).join(', ')}` } };
    }
    // Checked here as well as in the worker: a bad payload never reaches the worker.
    const parsed = corePayloadSchemas[method].safeParse(payload);
    if (!parsed.success) return { ok: false, error: { code: 'invalid_request', message: formatIssues(parsed.error) } };
    const id = key(event.sender.id, callId);
    inFlight.get(id)?.abort(); // a reused id replaces the older call
    const controller = new AbortController();
    inFlight.set(id, controller);
    const sender = event.sender;
    const onProgress = (progress: unknown) => {
      if (inFlight.get(id) === controller && !sender.isDestroyed()) sender.send(IpcChannel.coreProgress, { callId, progress });
    };
    try {
      const options = timeoutMs === undefined ? { signal: controller.signal, onProgress } : { signal: controller.signal, timeoutMs, onProgress };
      return { ok: true, result: await services.core.callUnchecked(method, parsed.data, options) };
    } catch (error) {
      if (error instanceof CoreError) return { ok: false, error: error.toData() };
      return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
    } finally {
      if (inFlight.get(id) === controller) inFlight.delete(id);
    }
  });

  handle(IpcChannel.coreCancel, ipcSchemas.coreCancel, ({ callId }, event) => {
    inFlight.get(key(event.sender.id, callId))?.abort();
  });

  handle(IpcChannel.coreRestart, ipcSchemas.coreRestart, () => services.core.restart());

  const touchingRecent = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    services.recentChanged();
    return value;
  };
  handle(IpcChannel.filesOpen, ipcSchemas.filesOpen, () => touchingRecent(services.files.open()));
  handle(IpcChannel.filesSave, ipcSchemas.filesSave, (request) => touchingRecent(services.files.save(request)));
  handle(IpcChannel.filesSaveAs, ipcSchemas.filesSaveAs, (request) => touchingRecent(services.files.saveAs(request)));
  handle(IpcChannel.filesRecent, ipcSchemas.filesRecent, () => services.files.recent());
  handle(IpcChannel.filesOpenRecent, ipcSchemas.filesOpenRecent, ({ path }) => touchingRecent(services.files.openRecent(path)));

  handle(IpcChannel.appSetDocumentState, ipcSchemas.appSetDocumentState, (state, event) => services.setDocumentState(event.sender.id, state));
  handle(IpcChannel.appConfirmClose, ipcSchemas.appConfirmClose, (_payload, event) => services.confirmClose(event.sender.id));
  handle(IpcChannel.appCloseCancelled, ipcSchemas.appCloseCancelled, (_payload, event) => services.closeCancelled(event.sender.id));
  handle(IpcChannel.appReadyForFiles, ipcSchemas.appReadyForFiles, (_payload, event) => services.readyForFiles(event.sender.id));
  handle(IpcChannel.appEditText, ipcSchemas.appEditText, ({ action }, event) => services.editText(event.sender.id, action));
  handle(IpcChannel.localeSystem, ipcSchemas.localeSystem, () => services.locale.system());
  handle(IpcChannel.localeLoad, ipcSchemas.localeLoad, () => services.locale.load());
  handle(IpcChannel.localeSave, ipcSchemas.localeSave, (settings) => services.locale.save(settings));
  handle(IpcChannel.appOpenExternal, ipcSchemas.appOpenExternal, async ({ url }) => {
    if (!isSafeExternalUrl(url)) throw new Error(`only https links can be opened, not ${JSON.stringify(url.slice(0, 100))}`);
    await services.openExternal(url);
  });
}
