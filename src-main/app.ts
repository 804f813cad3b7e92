import fsp from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, nativeTheme, shell } from 'electron';
import { IpcChannel } from '../shared/protocol/channels';
import type { OpenFileCommand } from '../shared/protocol/preload-api';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { ProjectFiles, type FileDialogs } from './files/project-files';
import { RecentFiles } from './files/recent-files';
import { developmentSwitches } from './dev-switches';
import { installAppGuards } from './hardening';
import { FilesToOpen, projectPathsFromArgv } from './launch-files';
import { createHandle } from './ipc/handle';
import { registerIpcHandlers } from './ipc/register';
import { LocaleStore } from './locale-settings';
import { installMenu } from './menu';
import { mainMessages, setMainLocale } from './messages';
import { MainWindow } from './window';
import { nodeWorkerFactory } from './worker/node-worker';
import { CoreSupervisor } from './worker/supervisor';

/**
 * Lifecycle of the desktop app. Layout of the built app (scripts/build-main.mjs):
 * out/main/main.cjs + core-worker.cjs, out/preload/preload.cjs, out/renderer/.
 */
export function startLayerwise(): void {
  const { isDev, userDataDir } = developmentSwitches({ isPackaged: app.isPackaged, env: process.env });
  const mainDir = __dirname;
  const rendererRoot = path.join(mainDir, '..', 'renderer');
  const preloadPath = path.join(mainDir, '..', 'preload', 'preload.cjs');
  // Worker threads cannot load scripts from inside app.asar; electron.config.ts unpacks it.
  const workerPath = path.join(mainDir, 'core-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);

  // Tests (e2e/electron) run against a throwaway profile instead of the user's.
  if (userDataDir) app.setPath('userData', userDataDir);

  app.enableSandbox();
  registerAppScheme();
  nativeTheme.themeSource = 'system';

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: MainWindow | null = null;
  let quitting = false;
  let supervisor: CoreSupervisor | null = null;

  const dialogs: FileDialogs = {
    async chooseOpenPath() {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile'],
        // 'json' also matches projects saved as .layerwise.json by earlier versions
        filters: [
          { name: mainMessages().dialogs.openFilter, extensions: ['layerwise', 'json'] },
          { name: mainMessages().dialogs.jsonFilter, extensions: ['json'] },
        ],
      };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow.window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      const options: Electron.SaveDialogOptions = {
        defaultPath: path.join(app.getPath('documents'), suggestedName),
        filters: [{ name: mainMessages().dialogs.openFilter, extensions: ['layerwise'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const result = mainWindow ? await dialog.showSaveDialog(mainWindow.window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
  const recentFiles = new RecentFiles(fsp, path.join(app.getPath('userData'), 'recent-files.json'));
  const projectFiles = new ProjectFiles({ fs: fsp, dialogs, recent: recentFiles });
  const localeStore = new LocaleStore(fsp, path.join(app.getPath('userData'), 'locale.json'));
  /** The menu's language: the remembered choice, else the OS's on a first start (set once ready). */
  let menuLocale: 'en' | 'fa' = 'en';
  const useLocale = (locale: 'en' | 'fa') => {
    menuLocale = locale;
    setMainLocale(locale);
  };

  const refreshMenu = async () => {
    const recent = await projectFiles.recent().catch(() => []);
    installMenu({
      isDev,
      recent,
      locale: menuLocale,
      actions: {
        send: (command) => mainWindow?.send(command),
        openRecent: (filePath) => void openRecentFromMenu(filePath),
        clearRecent: () => void projectFiles.clearRecent().finally(() => void refreshMenu()),
        about: () => void showAbout(),
        setLanguage: (locale) => {
          useLocale(locale);
          // The renderer switches (keeping the project) and saves the choice back through locale:save.
          if (mainWindow && !mainWindow.window.isDestroyed()) mainWindow.window.webContents.send(IpcChannel.localeSet, locale);
          void refreshMenu();
        },
      },
    });
  };

  const sendOpenedFile = (command: OpenFileCommand) => {
    if (mainWindow && !mainWindow.window.isDestroyed()) mainWindow.window.webContents.send(IpcChannel.appOpenFile, command);
  };

  const openRecentFromMenu = async (filePath: string) => {
    sendOpenedFile({ type: 'file.open', source: 'recent', file: await projectFiles.openRecent(filePath) });
    await refreshMenu();
  };

  // Files the system asks to open (double-click, command line, macOS open-file), read once
  // the renderer listens.
  const filesToOpen = new FilesToOpen((filePath) => {
    void projectFiles.openPath(filePath).then(async (file) => {
      sendOpenedFile({ type: 'file.open', source: 'system', file });
      await refreshMenu();
    });
  });
  const openFromArgv = (argv: readonly string[], cwd: string) => {
    for (const filePath of projectPathsFromArgv(argv, { defaultApp: process.defaultApp === true, cwd })) filesToOpen.add(filePath);
  };
  openFromArgv(process.argv, process.cwd());

  const showAbout = async () => {
    const options: Electron.MessageBoxOptions = {
      type: 'info',
      title: mainMessages().menu.about.replace('&', ''),
      message: mainMessages().appName,
      detail: mainMessages().dialogs.aboutDetail(app.getVersion()),
      buttons: ['OK'],
    };
    if (mainWindow) await dialog.showMessageBox(mainWindow.window, options);
    else await dialog.showMessageBox(options);
  };

  const openWindow = () => {
    const created = new MainWindow({
      preloadPath,
      isDev,
      onClosed: () => {
        if (mainWindow === created) {
          mainWindow = null;
          filesToOpen.rendererGone();
        }
        if (quitting) app.quit();
      },
    });
    created.onCloseCancelled = () => {
      quitting = false;
    };
    filesToOpen.rendererGone();
    // a reload: opened files wait until the new page listens
    created.window.webContents.on('did-start-loading', () => {
      if (mainWindow === created) filesToOpen.rendererGone();
    });
    // the renderer may have missed a status change while loading
    created.window.webContents.on('did-finish-load', () => {
      if (supervisor && supervisor.status.state !== 'ready') created.window.webContents.send(IpcChannel.coreStatus, supervisor.status);
    });
    mainWindow = created;
  };

  // A second launch (a double-click while the app runs, on Windows and Linux) hands over its argv and quits.
  app.on('second-instance', (_event, argv, workingDirectory) => {
    openFromArgv(argv, workingDirectory);
    if (!mainWindow) {
      if (app.isReady()) openWindow();
      return;
    }
    if (mainWindow.window.isMinimized()) mainWindow.window.restore();
    mainWindow.window.focus();
  });
  // macOS: Finder's double-click, also before the app is ready (then it waits in filesToOpen).
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    filesToOpen.add(filePath);
    if (app.isReady() && !mainWindow) openWindow();
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => void supervisor?.dispose());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  void app.whenReady().then(async () => {
    installAppGuards({ isAppWindow: (id) => mainWindow !== null && mainWindow.webContentsId === id });
    serveRenderer(rendererRoot);

    const engine = new CoreSupervisor({ createWorker: nodeWorkerFactory(workerPath) });
    supervisor = engine;
    engine.onStatus((status) => mainWindow?.window.webContents.send(IpcChannel.coreStatus, status));

    const handle = createHandle(ipcMain, (id) => mainWindow !== null && mainWindow.webContentsId === id);
    registerIpcHandlers(handle, {
      core: engine,
      files: projectFiles,
      recentChanged: () => void refreshMenu(),
      setDocumentState: (id, state) => {
        if (mainWindow?.webContentsId === id) mainWindow.setDocumentState(state);
      },
      confirmClose: (id) => {
        if (mainWindow?.webContentsId === id) mainWindow.confirmClose();
      },
      readyForFiles: (id) => {
        if (mainWindow?.webContentsId === id) filesToOpen.rendererReady();
      },
      closeCancelled: (id) => {
        if (mainWindow?.webContentsId === id) mainWindow.closeCancelled();
      },
      openExternal: (url) => shell.openExternal(new URL(url).toString()),
      locale: {
        system: () => app.getLocale(),
        load: () => localeStore.load(),
        save: async (settings) => {
          await localeStore.save(settings);
          if (settings.locale !== menuLocale) {
            useLocale(settings.locale);
            await refreshMenu();
          }
        },
      },
      editText: (id, action) => {
        if (mainWindow?.webContentsId !== id) return;
        if (action === 'undo') mainWindow.window.webContents.undo();
        else mainWindow.window.webContents.redo();
      },
    });

    useLocale(await localeStore.menuLocale(app.getLocale()));
    await refreshMenu();
    openWindow();
  });
}
