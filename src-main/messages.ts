/**
 * Every string main shows to the user (menus, dialogs, the window title), in one
 * catalog so the app can be translated: a translation is another object of this shape.
 */
export const messages = {
  appName: 'Layerwise',
  menu: {
    about: 'About Layerwise',
    services: 'Services',
    hide: 'Hide Layerwise',
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    quit: 'Quit Layerwise',
    file: '&File',
    new: '&New',
    open: '&Open…',
    openRecent: 'Open &Recent',
    noRecent: 'No Recent Files',
    clearRecent: 'Clear Menu',
    save: '&Save',
    saveAs: 'Save &As…',
    close: '&Close Window',
    exit: 'E&xit',
    edit: '&Edit',
    undo: '&Undo',
    redo: '&Redo',
    cut: 'Cu&t',
    copy: '&Copy',
    paste: '&Paste',
    selectAll: 'Select &All',
    view: '&View',
    reload: '&Reload',
    toggleDevTools: 'Toggle &Developer Tools',
    resetZoom: '&Actual Size',
    zoomIn: 'Zoom &In',
    zoomOut: 'Zoom &Out',
    toggleFullScreen: 'Toggle &Full Screen',
    window: '&Window',
    minimize: '&Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    help: '&Help',
    language: '&Language',
    languageEnglish: 'English',
    languagePersian: 'فارسی (Persian)',
  },
  dialogs: {
    unsavedTitle: 'Unsaved changes',
    unsavedMessage: (documentName: string) => `Do you want to save the changes you made to “${documentName}”?`,
    unsavedDetail: 'Your changes will be lost if you don’t save them.',
    save: 'Save',
    dontSave: 'Don’t Save',
    cancel: 'Cancel',
    openFilter: 'Layerwise project',
    jsonFilter: 'JSON',
    aboutDetail: (version: string) => `Version ${version}\nAn offline lab for the fundamentals of deep learning.`,
    engineStoppedTitle: 'The engine stopped',
  },
  /** "<name>[ •] — Layerwise": the dot marks unsaved changes. */
  windowTitle: (documentName: string, dirty: boolean) => `${documentName}${dirty ? ' •' : ''} — Layerwise`,
};

export type Messages = typeof messages;

/**
 * Persian: the menu, dialogs and title as a Persian desktop app writes them (no `&` mnemonics:
 * Alt+letter does not map to Persian letters). Each language's own name stays in that language.
 */
export const faMessages: Messages = {
  appName: 'Layerwise',
  menu: {
    about: 'دربارهٔ Layerwise',
    services: 'سرویس‌ها',
    hide: 'پنهان کردن Layerwise',
    hideOthers: 'پنهان کردن بقیه',
    showAll: 'نمایش همه',
    quit: 'خروج از Layerwise',
    file: 'پرونده',
    new: 'جدید',
    open: 'باز کردن…',
    openRecent: 'باز کردن پرونده‌های اخیر',
    noRecent: 'پروندهٔ اخیری نیست',
    clearRecent: 'پاک کردن فهرست',
    save: 'ذخیره',
    saveAs: 'ذخیره با نام…',
    close: 'بستن پنجره',
    exit: 'خروج',
    edit: 'ویرایش',
    undo: 'واگرد',
    redo: 'ازنو',
    cut: 'برش',
    copy: 'رونوشت',
    paste: 'چسباندن',
    selectAll: 'انتخاب همه',
    view: 'نما',
    reload: 'بارگذاری دوباره',
    toggleDevTools: 'ابزارهای توسعه‌دهنده',
    resetZoom: 'اندازهٔ واقعی',
    zoomIn: 'بزرگ‌نمایی',
    zoomOut: 'کوچک‌نمایی',
    toggleFullScreen: 'تمام‌صفحه',
    window: 'پنجره',
    minimize: 'کوچک کردن',
    zoom: 'بزرگ کردن پنجره',
    front: 'آوردن همه به جلو',
    help: 'راهنما',
    language: 'زبان',
    languageEnglish: 'English (انگلیسی)',
    languagePersian: 'فارسی',
  },
  dialogs: {
    unsavedTitle: 'تغییرات ذخیره‌نشده',
    unsavedMessage: (documentName: string) => `تغییراتی را که در «\u2068${documentName}\u2069» داده‌اید ذخیره می‌کنید؟`,
    unsavedDetail: 'اگر ذخیره نکنید، تغییرات از دست می‌روند.',
    save: 'ذخیره',
    dontSave: 'ذخیره نکن',
    cancel: 'انصراف',
    openFilter: 'پروژهٔ Layerwise',
    jsonFilter: 'JSON',
    aboutDetail: (version: string) => `نسخهٔ ${version}\nآزمایشگاهی آفلاین برای مبانی یادگیری عمیق.`,
    engineStoppedTitle: 'موتور محاسبه متوقف شد',
  },
  windowTitle: (documentName: string, dirty: boolean) => `\u2068${documentName}\u2069${dirty ? ' •' : ''} — Layerwise`,
};

/** Main's strings in each language the app has (the renderer's languages). */
export const messagesByLocale: Record<'en' | 'fa', Messages> = { en: messages, fa: faMessages };

let mainLocale: 'en' | 'fa' = 'en';

/** The language of the menu, dialogs and title from now on (the remembered choice, or the OS language on a first start). */
export function setMainLocale(locale: 'en' | 'fa'): void {
  mainLocale = locale;
}

/** Main's strings in the current language. */
export function mainMessages(): Messages {
  return messagesByLocale[mainLocale];
}
