import type { AsyncCoreApi, CoreMethod } from './core-api';

/**
 * The one declaration of what the preload exposes as `window.layerwise` (electron/fiddle's
 * ambient.d.ts). One named function per call; the IPC event is never exposed. The
 * renderer's Electron adapter is the only code that touches it.
 */

/** A file read by main for the renderer to parse (main does not interpret project files). */
export interface OpenedFile {
  path: string;
  /** File name without folders, for the title bar. */
  name: string;
  text: string;
}

export type OpenResult = { status: 'opened'; file: OpenedFile } | { status: 'cancelled' } | { status: 'error'; message: string };

export type SaveResult = { status: 'saved'; path: string; name: string } | { status: 'cancelled' } | { status: 'error'; message: string };

/** Commands from the native menu (and the close prompt) to the renderer. */
export type MenuCommand =
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'edit.undo'
  | 'edit.redo'
  /** the window is closing and the user chose Save: save, then call `app.confirmClose()` */
  | 'file.saveThenClose';

/** A file main opened for the renderer, from the Open Recent menu or from the system (double-click, command line, macOS open-file). */
export interface OpenFileCommand {
  type: 'file.open';
  source: 'recent' | 'system';
  file: OpenResult;
}

/** The language the user chose and how numbers are written (issue 11); remembered across starts. */
export interface LocaleSettings {
  locale: 'en' | 'fa';
  /** Persian digits (۰–۹) in Persian, or Latin digits (0–9). */
  digits: 'native' | 'latin';
}

export type EngineStatus = { state: 'ready' } | { state: 'restarting'; reason: string } | { state: 'stopped'; reason: string };

export interface LayerwiseApi {
  core: {
    /**
     * Calls one core method; `callId` lets `cancel` find it; `timeoutMs` is the limit main
     * gives it (default: shared/protocol/time-limits.ts). Rejects with a plain
     * `{ name: 'CoreError', code, message }` object: an Error crossing the contextBridge
     * keeps only its message, and the renderer needs the code.
     */
    call<M extends CoreMethod>(
      method: M,
      payload: Parameters<AsyncCoreApi[M]>[0],
      callId: string,
      timeoutMs?: number,
    ): ReturnType<AsyncCoreApi[M]>;
    cancel(callId: string): void;
    /** Partial results of running calls (by call id), as main forwards them from the worker. */
    onProgress(listener: (update: { callId: string; progress: unknown }) => void): () => void;
    /** Restarts the engine after it stopped (too many crashes). */
    restart(): Promise<void>;
    onStatus(listener: (status: EngineStatus) => void): () => void;
  };
  files: {
    /** Shows the native open dialog (filter *.layerwise.json, *.json) and reads the file. */
    open(): Promise<OpenResult>;
    /** Writes atomically to `path`, or asks for a path when `path` is null. */
    save(request: { path: string | null; text: string; suggestedName: string }): Promise<SaveResult>;
    /** Always asks for a path. */
    saveAs(request: { text: string; suggestedName: string }): Promise<SaveResult>;
    /** Paths most recently opened or saved, newest first. */
    recent(): Promise<string[]>;
    openRecent(path: string): Promise<OpenResult>;
  };
  app: {
    /** Title bar and the unsaved-changes prompt on close follow this. */
    setDocumentState(state: { title: string; dirty: boolean }): void;
    /** After `file.saveThenClose` saved successfully. */
    confirmClose(): void;
    /** After `file.saveThenClose` did not save (the save dialog was cancelled, or saving failed): keep the window, drop a pending quit. */
    cancelClose(): void;
    onMenuCommand(listener: (command: MenuCommand) => void): () => void;
    /**
     * A file main opened: chosen in the native File > Open Recent menu, or given by the
     * system (read by main; handle it like `files.open()`'s result). Subscribing tells main
     * the page is ready, so a file that waited for it (a double-click that started the app) arrives.
     */
    onOpenFile(listener: (command: OpenFileCommand) => void): () => void;
    /** Opens an https URL in the system browser (main parses and checks it). */
    openExternal(url: string): void;
    /** The native undo/redo of the focused text field (what the Edit menu's roles would do). */
    editText(action: 'undo' | 'redo'): void;
  };
  /**
   * Language (issue 11, phase 2 implements it in main and the preload; optional until then,
   * when the renderer falls back to localStorage and navigator.language). The renderer calls
   * `systemLocale` and `load` once before its first render, `save` on every switch, and
   * follows `onSetLanguage` (the View > Language menu); main validates what `save` sends.
   */
  locale?: {
    /** The OS language, `app.getLocale()` (e.g. "fa-IR"): Persian on a first start when it starts with "fa". */
    systemLocale(): Promise<string>;
    /** The remembered choice, or null on a first start. */
    load(): Promise<Partial<LocaleSettings> | null>;
    save(settings: LocaleSettings): void;
    /** The language picked in the native View > Language menu; returns the unsubscribe. */
    onSetLanguage(listener: (locale: LocaleSettings['locale']) => void): () => void;
  };
}
