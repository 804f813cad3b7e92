import type { LayerwiseApi } from '../../../shared/protocol/preload-api';
import type { DocumentHost, MenuCommand, OpenResult, SaveResult } from './types';

/** The fields of a focused element that say whether it edits text (an `Element` in the app, plain objects in tests). */
export interface FocusLike {
  readonly tagName?: string;
  readonly type?: string;
  readonly isContentEditable?: boolean;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
}

/** Input types whose value is not typed text (no text undo of their own). */
const NON_TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'image', 'range', 'color', 'hidden']);

/**
 * Whether `target` is a field with its own text undo (typed text in an input, a textarea, a
 * contenteditable): there Ctrl/Cmd+Z belongs to the field, not to the project history.
 */
export function isTextEditing(target: FocusLike | EventTarget | null | undefined): boolean {
  if (typeof target !== 'object' || target === null) return false;
  const element = target as FocusLike;
  if (element.isContentEditable === true) return true;
  const tag = element.tagName?.toUpperCase();
  if (tag !== 'INPUT' && tag !== 'TEXTAREA') return false;
  if (element.readOnly === true || element.disabled === true) return false;
  return tag === 'TEXTAREA' || !NON_TEXT_INPUT_TYPES.has((element.type ?? 'text').toLowerCase());
}

/** Where the menu's Undo/Redo goes: the focused text field's own history, or the project's. */
export function editTargetOf(focused: FocusLike | Element | null | undefined): 'text' | 'project' {
  return isTextEditing(focused) ? 'text' : 'project';
}

function isEditCommand(command: MenuCommand): command is 'edit.undo' | 'edit.redo' {
  return command === 'edit.undo' || command === 'edit.redo';
}

/**
 * Electron: dialogs, writes, the title bar and the close prompt live in main. Undo/Redo
 * are guarded here (see menu-template.ts): Ctrl/Cmd+Z is handled in the page, outside text
 * fields only, and a menu Undo while a text field has focus undoes that field natively.
 */
export function createElectronDocumentHost(api: LayerwiseApi, win: Window = window): DocumentHost {
  return {
    kind: 'electron',
    open: () => api.files.open(),
    save: (request) => api.files.save(request),
    saveAs: (request) => api.files.saveAs(request),
    // main formats the title bar (messages.windowTitle) and owns the close prompt
    setDocumentState: (state) => api.app.setDocumentState({ title: state.name, dirty: state.dirty }),
    confirmClose: () => api.app.confirmClose(),
    cancelClose: () => api.app.cancelClose(),
    onMenuCommand(listener) {
      const unsubscribe = api.app.onMenuCommand((command) => {
        if (isEditCommand(command) && editTargetOf(win.document.activeElement) === 'text') {
          api.app.editText(command === 'edit.undo' ? 'undo' : 'redo');
          return;
        }
        listener(command);
      });
      const onKeyDown = (event: KeyboardEvent) => {
        const command = menuCommandForKey(event, { editOnly: true });
        if (!command) return;
        event.preventDefault();
        listener(command);
      };
      win.addEventListener('keydown', onKeyDown);
      return () => {
        unsubscribe();
        win.removeEventListener('keydown', onKeyDown);
      };
    },
    onOpenFile: (listener) => api.app.onOpenFile((command) => listener(command.file)),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Shows the browser's file picker through a temporary `<input type=file>` (it works in every
 * browser and with Playwright's file chooser; `showOpenFilePicker` would add a second path
 * for no gain until we save back to the same file).
 */
function pickFile(doc: Document): Promise<File | null> {
  return new Promise((resolve) => {
    const input = doc.createElement('input');
    input.type = 'file';
    input.accept = '.layerwise,.json,application/json';
    input.hidden = true;
    input.dataset['testid'] = 'open-file-input';
    const finish = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => finish(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => finish(null), { once: true });
    doc.body.append(input);
    input.click();
  });
}

/** Reads a picked (or dropped) file as an `OpenResult`. */
export async function readFileForOpen(file: File): Promise<OpenResult> {
  try {
    const text = await file.text();
    return { status: 'opened', file: { path: file.name, name: file.name, text } };
  } catch (error) {
    return { status: 'error', message: errorText(error) };
  }
}

function download(doc: Document, text: string, fileName: string): SaveResult {
  try {
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const anchor = doc.createElement('a');
    anchor.href = url;
    anchor.download = fileName;
    anchor.hidden = true;
    doc.body.append(anchor);
    anchor.click();
    anchor.remove();
    // The download has started reading the blob; release it once the click has been handled.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { status: 'saved', path: fileName, name: fileName };
  } catch (error) {
    return { status: 'error', message: errorText(error) };
  }
}

/**
 * Ctrl/Cmd + N, O, S, Shift+S, Z, Shift+Z / Y as menu commands (the browser has no app menu;
 * Electron's menu registers all but the edit commands, so it asks for those only). Undo and
 * redo are left to a focused text field, which undoes its own typing.
 */
export function menuCommandForKey(event: KeyboardEvent, options: { editOnly?: boolean } = {}): MenuCommand | null {
  const mod = event.ctrlKey || event.metaKey;
  if (!mod || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (!options.editOnly) {
    if (key === 'n' && !event.shiftKey) return 'file.new';
    if (key === 'o' && !event.shiftKey) return 'file.open';
    if (key === 's') return event.shiftKey ? 'file.saveAs' : 'file.save';
  }
  if (isTextEditing(event.target)) return null;
  if (key === 'z') return event.shiftKey ? 'edit.redo' : 'edit.undo';
  if (key === 'y' && !event.shiftKey) return 'edit.redo';
  return null;
}

/** Browser: a picker to open, a download to save, `document.title`, shortcuts in the page. */
export function createBrowserDocumentHost(win: Window = window): DocumentHost {
  const doc = win.document;
  let dirty = false;
  win.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  return {
    kind: 'browser',
    async open() {
      const file = await pickFile(doc);
      return file ? readFileForOpen(file) : { status: 'cancelled' };
    },
    save: async (request) => download(doc, request.text, request.suggestedName),
    saveAs: async (request) => download(doc, request.text, request.suggestedName),
    setDocumentState(state) {
      dirty = state.dirty;
      doc.title = state.title;
    },
    confirmClose() {
      // Browsers close tabs themselves; nothing waits for this.
    },
    cancelClose() {
      // likewise
    },
    onMenuCommand(listener) {
      const onKeyDown = (event: KeyboardEvent) => {
        const command = menuCommandForKey(event);
        if (!command) return;
        event.preventDefault();
        listener(command);
      };
      win.addEventListener('keydown', onKeyDown);
      return () => win.removeEventListener('keydown', onKeyDown);
    },
    onOpenFile() {
      return () => {};
    },
  };
}
