import { Menu } from 'electron';
import { buildMenuTemplate, type MenuActions } from './menu-template';
import { messagesByLocale } from './messages';

/** Installs (or rebuilds, e.g. after the recent list changed) the application menu. */
export function installMenu(options: { isDev: boolean; recent: readonly string[]; locale: 'en' | 'fa'; actions: MenuActions }): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    isDev: options.isDev,
    recent: options.recent,
    labels: messagesByLocale[options.locale].menu,
    locale: options.locale,
    actions: options.actions,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
