import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../shared/protocol/preload-api';
import { buildMenuTemplate, type MenuActions } from './menu-template';
import { messages } from './messages';

function build(platform: NodeJS.Platform, isDev = false, recent: string[] = []) {
  const log: string[] = [];
  const actions: MenuActions = {
    send: (command: MenuCommand) => log.push(`send ${command}`),
    openRecent: (filePath) => log.push(`openRecent ${filePath}`),
    clearRecent: () => log.push('clearRecent'),
    about: () => log.push('about'),
    setLanguage: (locale) => log.push(`setLanguage ${locale}`),
  };
  return { template: buildMenuTemplate({ platform, isDev, recent, labels: messages.menu, locale: 'en', actions }), log };
}

function items(menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(menu?.submenu) ? menu.submenu : [];
}

function find(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions {
  const found = template.find((item) => item.label === label);
  if (!found) throw new Error(`no menu ${label}`);
  return found;
}

function buildAll(platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const flatten = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => list.flatMap((item) => [item, ...flatten(items(item))]);
  return flatten(build(platform).template);
}

function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('sends document commands with the standard shortcuts', () => {
    const { template, log } = build('linux');
    const byAccelerator = new Map(
      template.flatMap((menu) => items(menu)).filter((item) => item.accelerator).map((item) => [item.accelerator, item]),
    );
    const expected: [string, MenuCommand][] = [
      ['CmdOrCtrl+N', 'file.new'],
      ['CmdOrCtrl+O', 'file.open'],
      ['CmdOrCtrl+S', 'file.save'],
      ['CmdOrCtrl+Shift+S', 'file.saveAs'],
      ['CmdOrCtrl+Z', 'edit.undo'],
      ['CmdOrCtrl+Shift+Z', 'edit.redo'],
    ];
    for (const [accelerator] of expected) click(byAccelerator.get(accelerator));
    expect(log).toEqual(expected.map(([, command]) => `send ${command}`));
  });

  it('shows Undo/Redo shortcuts without registering them, so Ctrl/Cmd+Z reaches the page (a text field undoes its text)', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const edit = items(find(build(platform).template, messages.menu.edit));
      const undo = edit.find((item) => item.label === messages.menu.undo);
      const redo = edit.find((item) => item.label === messages.menu.redo);
      expect([undo?.accelerator, undo?.registerAccelerator], platform).toEqual(['CmdOrCtrl+Z', false]);
      expect([redo?.accelerator, redo?.registerAccelerator], platform).toEqual(['CmdOrCtrl+Shift+Z', false]);
      // every other accelerator stays registered
      const registered = buildAll(platform).filter((item) => item.accelerator && item.registerAccelerator === false);
      expect(registered.map((item) => item.label), platform).toEqual([messages.menu.undo, messages.menu.redo]);
    }
  });

  it('keeps native roles for text editing', () => {
    const roles = items(find(build('win32').template, messages.menu.edit)).map((item) => item.role).filter(Boolean);
    expect(roles).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('has an app menu and a Close Window item on macOS only', () => {
    const mac = build('darwin').template;
    expect(mac[0]?.label).toBe('Layerwise');
    expect(items(mac[0]).map((item) => item.role)).toContain('quit');
    expect(items(find(mac, messages.menu.file)).at(-1)?.role).toBe('close');
    const win = build('win32').template;
    expect(win[0]?.label).toBe(messages.menu.file);
    expect(items(find(win, messages.menu.file)).at(-1)?.role).toBe('quit');
    expect(win.some((menu) => menu.role === 'windowMenu')).toBe(false);
  });

  it('offers reload and devtools only in development', () => {
    const roles = (isDev: boolean) => items(find(build('linux', isDev).template, messages.menu.view)).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('lists recent files newest first and opens the one clicked', () => {
    const { template, log } = build('linux', false, ['/home/a/one.layerwise.json', '/home/b/two.layerwise.json']);
    const fileMenu = items(find(template, messages.menu.file));
    const recent = items(fileMenu.find((item) => item.label === messages.menu.openRecent));
    expect(recent.map((item) => item.label)).toEqual(['one.layerwise.json — /home/a', 'two.layerwise.json — /home/b', undefined, messages.menu.clearRecent]);
    click(recent[1]);
    click(recent[3]);
    expect(log).toEqual(['openRecent /home/b/two.layerwise.json', 'clearRecent']);
  });

  it('shows a disabled placeholder when there are no recent files', () => {
    const recent = items(items(find(build('linux').template, messages.menu.file)).find((item) => item.label === messages.menu.openRecent));
    expect(recent[0]).toMatchObject({ label: messages.menu.noRecent, enabled: false });
    expect(recent.at(-1)).toMatchObject({ label: messages.menu.clearRecent, enabled: false });
  });

  it('formats the window title with the unsaved marker', () => {
    expect(messages.windowTitle('Assignment 1', false)).toBe('Assignment 1 — Layerwise');
    expect(messages.windowTitle('Assignment 1', true)).toBe('Assignment 1 • — Layerwise');
  });
});
