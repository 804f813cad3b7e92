/**
 * The one registry of IPC channel names (electron/fiddle's ipc-events.ts). Main registers
 * a handler per invoke channel through its validating wrapper; the preload maps each to
 * one named function of `LayerwiseApi`.
 */
export const IpcChannel = {
  coreCall: 'core:call',
  coreCancel: 'core:cancel',
  coreRestart: 'core:restart',
  coreStatus: 'core:status',
  /** main → renderer: a partial result of a running core call, `{ callId, progress }`. */
  coreProgress: 'core:progress',
  filesOpen: 'files:open',
  filesSave: 'files:save',
  filesSaveAs: 'files:save-as',
  filesRecent: 'files:recent',
  filesOpenRecent: 'files:open-recent',
  appSetDocumentState: 'app:set-document-state',
  appConfirmClose: 'app:confirm-close',
  /** After `file.saveThenClose` the renderer did not save (dialog cancelled, or an error): the window stays. */
  appCloseCancelled: 'app:close-cancelled',
  appMenuCommand: 'app:menu-command',
  /** main → renderer: a file main opened (the native Open Recent menu, a double-click in the OS, a second instance), already read. */
  appOpenFile: 'app:open-file',
  /** The renderer listens for `appOpenFile` (after each page load): main sends what waited. */
  appReadyForFiles: 'app:ready-for-files',
  appOpenExternal: 'app:open-external',
  /** Undo/redo the focused text field natively (the menu's Undo while typing). */
  appEditText: 'app:edit-text',
  /** The OS language (`app.getLocale()`), for the renderer's first start. */
  localeSystem: 'locale:system',
  /** The remembered language choice, or null on a first start. */
  localeLoad: 'locale:load',
  /** The renderer switched the language (header switch): remember it, rebuild the menu in it. */
  localeSave: 'locale:save',
  /** main → renderer: the language chosen in View > Language. */
  localeSet: 'locale:set',
} as const;

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel];
