import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/protocol/preload-api';
import type { Messages } from './messages';

export interface MenuActions {
  /** Forwards a command to the renderer, which owns the document. */
  send(command: MenuCommand): void;
  openRecent(filePath: string): void;
  clearRecent(): void;
  about(): void;
  /** View > Language: main remembers it, tells the renderer and rebuilds the menu in it. */
  setLanguage(locale: 'en' | 'fa'): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Reload and the developer tools exist only in development builds. */
  isDev: boolean;
  recent: readonly string[];
  labels: Messages['menu'];
  /** The current language, checked in View > Language. */
  locale: 'en' | 'fa';
  actions: MenuActions;
}

/**
 * The application menu as data (so it is tested without Electron): the macOS app menu,
 * File, Edit, View, Window and Help with the platform's standard shortcuts. Document
 * commands go to the renderer; cut/copy/paste/select all keep their native roles so text
 * fields work as everywhere else.
 *
 * Undo and Redo mean two things: the text of a focused field, or the last project edit.
 * Their shortcuts are shown but not registered (a registered accelerator fires before the
 * page sees the key, and a text field would lose its own undo): the renderer handles
 * Ctrl/Cmd+Z itself, leaving it to a focused field, and a click on the menu item goes to
 * the renderer, which undoes the field's text (through main) or the project. macOS ignores
 * `registerAccelerator` but gives the page the key first, so the same holds there.
 */
export function buildMenuTemplate({ platform, isDev, recent, labels, locale, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, accelerator: string, menuCommand: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.send(menuCommand),
  });

  const recentItems: MenuItemConstructorOptions[] =
    recent.length === 0
      ? [{ label: labels.noRecent, enabled: false }]
      : recent.map((filePath) => ({
          // "name — folder": the name is what people look for; the folder tells twins apart
          label: `${path.basename(filePath)} — ${path.dirname(filePath)}`,
          click: () => actions.openRecent(filePath),
        }));

  const appMenu: MenuItemConstructorOptions = {
    label: 'Layerwise',
    submenu: [
      { label: labels.about, click: () => actions.about() },
      { type: 'separator' },
      { role: 'services', label: labels.services },
      { type: 'separator' },
      { role: 'hide', label: labels.hide },
      { role: 'hideOthers', label: labels.hideOthers },
      { role: 'unhide', label: labels.showAll },
      { type: 'separator' },
      { role: 'quit', label: labels.quit },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command(labels.new, 'CmdOrCtrl+N', 'file.new'),
      command(labels.open, 'CmdOrCtrl+O', 'file.open'),
      { label: labels.openRecent, submenu: [...recentItems, { type: 'separator' }, { label: labels.clearRecent, enabled: recent.length > 0, click: () => actions.clearRecent() }] },
      { type: 'separator' },
      command(labels.save, 'CmdOrCtrl+S', 'file.save'),
      command(labels.saveAs, 'CmdOrCtrl+Shift+S', 'file.saveAs'),
      { type: 'separator' },
      mac ? { role: 'close', label: labels.close } : { role: 'quit', label: labels.exit },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { ...command(labels.undo, 'CmdOrCtrl+Z', 'edit.undo'), registerAccelerator: false },
      { ...command(labels.redo, 'CmdOrCtrl+Shift+Z', 'edit.redo'), registerAccelerator: false },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      ...(isDev
        ? ([
            { role: 'reload', label: labels.reload },
            { role: 'toggleDevTools', label: labels.toggleDevTools },
            { type: 'separator' },
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'resetZoom', label: labels.resetZoom },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.toggleFullScreen },
      { type: 'separator' },
      {
        label: labels.language,
        submenu: (
          [
            ['en', labels.languageEnglish],
            ['fa', labels.languagePersian],
          ] as const
        ).map(([id, label]) => ({ label, type: 'radio' as const, checked: locale === id, click: () => actions.setLanguage(id) })),
      },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: labels.window,
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: labels.minimize },
      { role: 'zoom', label: labels.zoom },
      ...(mac ? ([{ type: 'separator' }, { role: 'front', label: labels.front }] satisfies MenuItemConstructorOptions[]) : []),
    ],
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help,
    role: 'help',
    submenu: mac ? [] : [{ label: labels.about, click: () => actions.about() }],
  };

  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, ...(mac ? [windowMenu] : []), helpMenu];
}
