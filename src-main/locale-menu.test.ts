import fsp from 'node:fs/promises';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { localeFromSystem, LocaleStore } from './locale-settings';
import { buildMenuTemplate, type MenuActions } from './menu-template';
import { faMessages, messages, messagesByLocale } from './messages';

function build(locale: 'en' | 'fa', platform: NodeJS.Platform = 'linux') {
  const log: string[] = [];
  const actions: MenuActions = {
    send: (command) => void log.push(`send ${command}`),
    openRecent: () => undefined,
    clearRecent: () => undefined,
    about: () => undefined,
    setLanguage: (chosen) => void log.push(`setLanguage ${chosen}`),
  };
  return { template: buildMenuTemplate({ platform, isDev: false, recent: [], labels: messagesByLocale[locale].menu, locale, actions }), log };
}

const items = (menu: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (Array.isArray(menu?.submenu) ? menu.submenu : []);

describe('the application menu in Persian, and View > Language', () => {
  it('every menu label has Persian, none a copy of the English, except the product and format names', () => {
    const same = new Set(['JSON']);
    for (const [key, english] of Object.entries(messages.menu)) {
      const persian = faMessages.menu[key as keyof typeof faMessages.menu];
      expect(persian, key).toMatch(/[\u0600-\u06FF]/);
      expect(persian, key).not.toBe(english);
    }
    for (const [key, english] of Object.entries(messages.dialogs)) {
      const persian = faMessages.dialogs[key as keyof typeof faMessages.dialogs];
      if (typeof english === 'string' && !same.has(english)) expect(persian, key).not.toBe(english);
    }
    expect(faMessages.dialogs.unsavedMessage('تمرین').includes('\u2068تمرین\u2069')).toBe(true);
  });

  it('Persian builds the same menu with Persian labels: File, Edit, View, Help', () => {
    const persian = build('fa').template.map((menu) => menu.label);
    expect(persian).toEqual(['پرونده', 'ویرایش', 'نما', 'راهنما']);
    expect(build('en').template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('View > Language lists both languages, checks the current one, and a click asks main to switch', () => {
    for (const locale of ['en', 'fa'] as const) {
      const { template, log } = build(locale);
      const view = template[2];
      const language = items(view).find((item) => item.label === messagesByLocale[locale].menu.language);
      const choices = items(language);
      expect(choices.map((item) => [item.type, item.checked])).toEqual([
        ['radio', locale === 'en'],
        ['radio', locale === 'fa'],
      ]);
      (choices[1]?.click as () => void)();
      (choices[0]?.click as () => void)();
      expect(log).toEqual(['setLanguage fa', 'setLanguage en']);
    }
  });
});

describe('the remembered language', () => {
  it('a first start takes the OS language: Persian for fa, fa-IR, fa_IR; English otherwise', () => {
    expect(['fa', 'fa-IR', 'FA_ir'].map(localeFromSystem)).toEqual(['fa', 'fa', 'fa']);
    expect(['en-US', 'de', '', 'far'].map(localeFromSystem)).toEqual(['en', 'en', 'en', 'en']);
  });

  it('is null on a first start, remembered after a save (in a new store too), and a corrupt file is a first start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'layerwise-locale-'));
    const file = path.join(dir, 'locale.json');
    const store = new LocaleStore(fsp, file);
    expect(await store.load()).toBeNull();
    expect(await store.menuLocale('fa-IR')).toBe('fa');
    await store.save({ locale: 'en', digits: 'latin' });
    expect(await new LocaleStore(fsp, file).load()).toEqual({ locale: 'en', digits: 'latin' });
    expect(await new LocaleStore(fsp, file).menuLocale('fa-IR')).toBe('en');
    await writeFile(file, '{"locale": "klingon", "digits": "native"}');
    expect(await new LocaleStore(fsp, file).load()).toBeNull();
    await writeFile(file, 'not json');
    expect(await new LocaleStore(fsp, file).menuLocale('en-US')).toBe('en');
  });
});
