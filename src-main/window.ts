import { BrowserWindow, dialog, nativeTheme } from 'electron';
import { IpcChannel } from '../shared/protocol/channels';
import type { MenuCommand } from '../shared/protocol/preload-api';
import { mainMessages } from './messages';
import { APP_INDEX_URL } from './security';

export interface MainWindowOptions {
  preloadPath: string;
  isDev: boolean;
  /** Called after the window is closed for good (quitting continues from there). */
  onClosed(): void;
}

/**
 * The one document window. It owns the title bar and the unsaved-changes prompt: the
 * renderer reports `{ title, dirty }` and main decides whether closing needs to ask.
 */
export class MainWindow {
  readonly window: BrowserWindow;
  #title = mainMessages().appName;
  #dirty = false;
  /** Set when the user chose Don't Save, or the renderer saved after Save. */
  #closeConfirmed = false;
  #prompting = false;
  #documentStateKnown = false;
  /** Called when the user cancels the close prompt (a pending quit is abandoned). */
  onCloseCancelled: () => void = () => undefined;

  constructor(options: MainWindowOptions) {
    this.window = new BrowserWindow({
      width: 1280,
      height: 840,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: mainMessages().appName,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
      webPreferences: {
        preload: options.preloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        spellcheck: false,
        devTools: options.isDev,
      },
    });
    const win = this.window;
    win.once('ready-to-show', () => win.show());
    // The renderer's <title> is used until it reports a document; after that main owns the title bar.
    win.on('page-title-updated', (event) => {
      if (this.#documentStateKnown) event.preventDefault();
    });
    win.on('close', (event) => {
      if (!this.#dirty || this.#closeConfirmed) return;
      event.preventDefault();
      void this.#askToSave();
    });
    win.on('closed', () => options.onClosed());
    win.webContents.on('render-process-gone', (_event, details) => {
      console.error(`renderer process gone: ${details.reason} (exit code ${details.exitCode})`);
    });
    void win.loadURL(APP_INDEX_URL);
  }

  get webContentsId(): number {
    return this.window.webContents.id;
  }

  setDocumentState(state: { title: string; dirty: boolean }): void {
    this.#documentStateKnown = true;
    this.#title = state.title.trim() === '' ? mainMessages().appName : state.title;
    this.#dirty = state.dirty;
    if (this.window.isDestroyed()) return;
    this.window.setTitle(mainMessages().windowTitle(this.#title, this.#dirty));
    if (process.platform === 'darwin') this.window.setDocumentEdited(this.#dirty);
  }

  /**
   * The renderer did not save after `file.saveThenClose` (the user cancelled the save
   * dialog, or the write failed and the renderer shows why): the window stays open and
   * usable, and a quit that was under way is abandoned, as with Cancel at the prompt.
   */
  closeCancelled(): void {
    this.#closeConfirmed = false;
    this.onCloseCancelled();
  }

  /** The renderer saved after `file.saveThenClose`: close without asking again. */
  confirmClose(): void {
    this.#closeConfirmed = true;
    if (!this.window.isDestroyed()) this.window.close();
  }

  send(command: MenuCommand): void {
    if (!this.window.isDestroyed()) this.window.webContents.send(IpcChannel.appMenuCommand, command);
  }

  async #askToSave(): Promise<void> {
    if (this.#prompting) return;
    this.#prompting = true;
    try {
      const { response } = await dialog.showMessageBox(this.window, {
        type: 'warning',
        title: mainMessages().dialogs.unsavedTitle,
        message: mainMessages().dialogs.unsavedMessage(this.#title),
        detail: mainMessages().dialogs.unsavedDetail,
        buttons: [mainMessages().dialogs.save, mainMessages().dialogs.dontSave, mainMessages().dialogs.cancel],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      });
      if (response === 0) {
        // the renderer saves (it owns the document) and then calls app.confirmClose()
        this.send('file.saveThenClose');
      } else if (response === 1) {
        this.#closeConfirmed = true;
        this.window.close();
      } else {
        this.onCloseCancelled();
      }
    } finally {
      this.#prompting = false;
    }
  }
}
