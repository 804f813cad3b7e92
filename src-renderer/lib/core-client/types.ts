import type { AsyncCoreApi } from '../../../shared/protocol/core-api';
import type { EngineStatus, MenuCommand, OpenFileCommand, OpenResult, SaveResult } from '../../../shared/protocol/preload-api';

export type { EngineStatus, MenuCommand, OpenFileCommand, OpenResult, SaveResult };

/**
 * The renderer's only handle on the numeric core. Every method of `CoreApi`, asynchronous,
 * with `{ signal, timeoutMs }`; failures reject with a `CoreError` (code `cancelled`,
 * `timeout`, `worker_crashed`, `engine_stopped`, ...). The same interface is served by the
 * Electron adapter (IPC to a worker thread in main) and the Web Worker adapter (browser).
 */
export interface CoreClient extends AsyncCoreApi {
  /** The engine's state now; `onStatus` reports every change after this. */
  readonly status: EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): () => void;
  /** Starts the engine again after it stopped. */
  restart(): Promise<void>;
  /** Rejects every pending call and releases the worker (or listeners). */
  dispose(): void;
}

export interface SaveRequest {
  /** Where the document was last saved; null asks for a place (a download in the browser). */
  path: string | null;
  text: string;
  /** File name to offer, with the `.layerwise` extension. */
  suggestedName: string;
}

/**
 * Files and window integration. Electron: native dialogs, atomic writes, title bar and the
 * close prompt through `window.layerwise`. Browser: a file picker, downloads, `document.title`
 * and in-page keyboard shortcuts.
 */
export interface DocumentHost {
  readonly kind: 'electron' | 'browser';
  open(): Promise<OpenResult>;
  save(request: SaveRequest): Promise<SaveResult>;
  saveAs(request: Omit<SaveRequest, 'path'>): Promise<SaveResult>;
  /**
   * The document's name, whether closing must ask about unsaved changes, and the finished
   * title ("name • — Layerwise"). The browser shows `title` as `document.title`; Electron
   * hands main the name, and main formats the title bar itself (messages.windowTitle).
   */
  setDocumentState(state: { name: string; title: string; dirty: boolean }): void;
  /** After `file.saveThenClose` saved: let the window close. */
  confirmClose(): void;
  /** After `file.saveThenClose` did not save: the window stays open (and a quit is abandoned). */
  cancelClose(): void;
  /** Native menu (Electron) or keyboard shortcuts (browser); returns the unsubscribe. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** A file main opened: the native Open Recent menu, a double-click in the OS, a second instance (Electron); never fires in the browser. */
  onOpenFile(listener: (result: OpenResult) => void): () => void;
}
